"""Directors see their programs' academic years and who is at which level in each."""

from django.contrib import admin
from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpRequest
from django.utils import timezone

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.programs.admin import DirectedProgramListFilter, directed_programs
from mentorship.programs.models import Program
from mentorship.subqueries import count_per

from .models import AcademicYear, Appointment, Level, YearAction, YearReview
from .terms import RoleTerm


class YearProgramListFilter(DirectedProgramListFilter):
    program_lookup = "year__program"


class AcademicYearListFilter(admin.SimpleListFilter):
    """Filter by academic year, by its label ("2026–27"), across the viewer's programs."""

    title = "academic year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        return year_choices(request)

    def queryset(self, request, queryset):
        if (value := self.value()) and value.isdigit() and len(value) == 4:
            return queryset.filter(year__starts_on__year=int(value))
        return queryset


def year_choices(request: HttpRequest) -> list[tuple[str, str]]:
    """("2026", "2026–27") for each academic year of the viewer's programs, newest
    first, read once per request."""
    if not hasattr(request, "_academic_years"):
        years = (
            AcademicYear.objects.filter(program__in=[pk for pk, _ in directed_programs(request)])
            .order_by("-starts_on")
            .values_list("starts_on", "ends_on")
        )
        labels = {str(start.year): AcademicYear.label_for(start, end) for start, end in years}
        request._academic_years = list(labels.items())
    return request._academic_years


class PersonYearListFilter(admin.SimpleListFilter):
    """A row's person's academic year: rows of people with an appointment that year
    in the row's program. Subclasses name the lookups to the person (a user) and
    the program; with PersonLevelListFilter, the level is read in that year."""

    title = "academic year"
    parameter_name = "year"
    user_lookup = "user"
    program_lookup = "program"

    def lookups(self, request, model_admin):
        return year_choices(request)

    def queryset(self, request, queryset):
        if self.value() in {value for value, _ in self.lookup_choices}:
            return queryset.filter(appointed(self, year=self.value()))
        return queryset


class PersonLevelListFilter(admin.SimpleListFilter):
    """A row's person's level: in the academic year chosen, or this year."""

    title = "level"
    parameter_name = "level"
    user_lookup = "user"
    program_lookup = "program"

    def lookups(self, request, model_admin):
        return Level.choices

    def queryset(self, request, queryset):
        if self.value() in Level.values:
            year = request.GET.get(PersonYearListFilter.parameter_name, "")
            return queryset.filter(appointed(self, year=year, level=self.value()))
        return queryset


def appointed(list_filter, *, year: str = "", level: str = ""):
    """EXISTS: the row's person has an appointment in the row's program, in the
    year that starts in `year` (this year when it isn't one), at `level` if given."""
    appointments = Appointment.objects.filter(
        user=OuterRef(list_filter.user_lookup), year__program=OuterRef(list_filter.program_lookup)
    )
    if year.isdigit() and len(year) == 4:
        appointments = appointments.filter(year__starts_on__year=int(year))
    else:
        appointments = appointments.current()
    if level:
        appointments = appointments.filter(level=level)
    return Exists(appointments)


def level_this_year(user_lookup: str = "user_id", program_lookup: str = "program_id"):
    """The row's person's level this year in the row's program, as a subquery."""
    current = Appointment.objects.current().filter(
        user=OuterRef(user_lookup), year__program=OuterRef(program_lookup)
    )
    return Subquery(current.values("level")[:1])


class YearActionInline(admin.TabularInline):
    model = YearAction
    extra = 1
    fields = ["what", "state", "note", "order"]


@admin.register(YearReview)
class YearReviewAdmin(admin.ModelAdmin):
    """The section of the annual report the director writes."""

    list_display = ["__str__", "updated_at"]
    list_select_related = ["year__program"]
    inlines = [YearActionInline]
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest):
        return YearReview.objects.filter(
            year__in=AcademicYear.objects.directed_by(request.user).values("pk")
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "year":
            kwargs["queryset"] = AcademicYear.objects.directed_by(request.user).select_related(
                "program"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(AcademicYear)
class AcademicYearAdmin(admin.ModelAdmin):
    list_display = ["label", "program", "starts_on", "ends_on", "appointment_count"]
    list_filter = [DirectedProgramListFilter]
    list_select_related = ["program"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest):
        return AcademicYear.objects.directed_by(request.user).annotate(
            appointment_count=count_per(Appointment.objects.all(), "year")
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "program":
            kwargs["queryset"] = Program.objects.directed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="year", ordering="starts_on")
    def label(self, obj: AcademicYear) -> str:
        return obj.label

    @admin.display(description="people", ordering="appointment_count")
    def appointment_count(self, obj: AcademicYear) -> int:
        return obj.appointment_count


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "level", "year_label", "program_name", "status"]
    list_filter = [YearProgramListFilter, AcademicYearListFilter, "level", "status"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    search_fields = ["user__name", "user__email"]
    raw_id_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]
    fields = ["user", "year", "level", "starts_on", "expected_end", "status", *readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        # Whose appointment, and for which year, never changes once it exists.
        return [*self.readonly_fields, "user", "year"] if obj else self.readonly_fields

    def get_queryset(self, request: HttpRequest):
        # The person and the year are joined; the program's name is a subquery.
        program = Program.objects.filter(pk=OuterRef("year__program_id")).order_by()
        return (
            Appointment.objects.directed_by(request.user)
            .select_related("user", "year")
            .annotate(program_name=Subquery(program.values("name")))
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "year":
            kwargs["queryset"] = AcademicYear.objects.directed_by(request.user).select_related(
                "program"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="name", ordering="user__name")
    def name(self, obj: Appointment) -> str:
        return obj.user.name

    @admin.display(description="e-mail", ordering="user__email")
    def email(self, obj: Appointment) -> str:
        return obj.user.email

    @admin.display(description="year", ordering="year__starts_on")
    def year_label(self, obj: Appointment) -> str:
        return obj.year.label

    @admin.display(description="program")
    def program_name(self, obj: Appointment) -> str:
        return obj.program_name


class InForceListFilter(admin.SimpleListFilter):
    """Terms in force today, ended, or yet to start."""

    title = "when"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("now", "In force today"), ("ended", "Ended"), ("later", "Starting later")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "now":
            return queryset.in_force(today)
        if self.value() == "ended":
            return queryset.filter(ends_on__lt=today)
        if self.value() == "later":
            return queryset.filter(starts_on__gt=today)
        return queryset


@admin.register(RoleTerm)
class RoleTermAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "program", "starts_on", "ends_on", "evaluates"]
    list_filter = [DirectedProgramListFilter, InForceListFilter, "role"]
    list_select_related = ["user", "program"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    search_fields = ["user__name", "user__email", "note"]
    raw_id_fields = ["user"]
    readonly_fields = ["created_at", "updated_at"]
    fields = ["user", "program", "role", "starts_on", "ends_on", "note", *readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        # Whose term, in which program and for which role, never changes: a new
        # role is a new term, so the dates of the old one stay true.
        return [*self.readonly_fields, "user", "program", "role"] if obj else self.readonly_fields

    def get_queryset(self, request: HttpRequest):
        return RoleTerm.objects.directed_by(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "program":
            kwargs["queryset"] = Program.objects.directed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="name", ordering="user__name")
    def name(self, obj: RoleTerm) -> str:
        return obj.user.name

    @admin.display(description="evaluates residents", boolean=True)
    def evaluates(self, obj: RoleTerm) -> bool:
        return obj.is_evaluative
