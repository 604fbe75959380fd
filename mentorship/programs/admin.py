from django.contrib import admin
from django.http import HttpRequest

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.subqueries import count_per

from .models import Interest, Program


def directed_programs(request: HttpRequest) -> list[tuple[int, str]]:
    """(pk, name) of the programs the viewer directs, read once per request."""
    if not hasattr(request, "_directed_programs"):
        request._directed_programs = list(
            Program.objects.directed_by(request.user).values_list("pk", "name")
        )
    return request._directed_programs


def repeats_a_filter(request: HttpRequest, field: str, *, program: bool = False) -> bool:
    """A column would say what the chosen filter already says: every row has the
    same value. So does the program column of a director who runs one program."""
    if field in request.GET or f"{field}__exact" in request.GET:
        return True
    return program and len(directed_programs(request)) == 1


class DirectedProgramListFilter(admin.SimpleListFilter):
    """Filter by program, offering only the programs the viewer directs.

    Subclasses name the lookup that leads from their model to a program.
    """

    title = "program"
    parameter_name = "program"
    program_lookup = "program"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in directed_programs(request)]

    def queryset(self, request, queryset):
        allowed = {value for value, _ in self.lookup_choices}
        if self.value() in allowed:
            return queryset.filter(**{f"{self.program_lookup}__pk": int(self.value())})
        return queryset


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "slug",
        "mentor_count",
        "mentee_count",
        "meeting_target_days",
        "max_pending_requests",
        "request_expiry_days",
    ]
    list_filter = ["meeting_target_days"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["directors"]

    def get_queryset(self, request: HttpRequest):
        # Mentors and mentees are apps above this one: reached by their reverse names.
        memberships = Program.mentor_profiles.through.objects.all()
        mentees = Program.mentee_profiles.rel.related_model.objects.all()
        return Program.objects.directed_by(request.user).annotate(
            mentor_count=count_per(memberships, "program"),
            mentee_count=count_per(mentees, "program"),
        )

    def get_readonly_fields(self, request, obj=None):
        # Directors run their programs; who directs a program is the superuser's call.
        if request.user.is_superuser:
            return self.readonly_fields
        return [*self.readonly_fields, "directors"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_superuser

    @admin.display(description="mentors", ordering="mentor_count")
    def mentor_count(self, obj: Program) -> int:
        return obj.mentor_count

    @admin.display(description="mentees", ordering="mentee_count")
    def mentee_count(self, obj: Program) -> int:
        return obj.mentee_count


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    """The taxonomy is shared by all programs; the counts are the viewer's programs'."""

    list_display = ["name", "category", "mentor_count", "mentee_count"]
    list_filter = ["category"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    search_fields = ["name"]

    def get_queryset(self, request: HttpRequest):
        # Mentors and mentees are apps above this one: reached by their reverse names.
        mentors = Interest.mentor_profiles.rel.related_model.objects
        mentees = Interest.mentee_profiles.rel.related_model.objects
        mentor_links = Interest.mentor_profiles.through.objects.filter(
            mentorprofile__in=mentors.directed_by(request.user)
        )
        mentee_links = Interest.mentee_profiles.through.objects.filter(
            menteeprofile__in=mentees.directed_by(request.user)
        )
        return Interest.objects.annotate(
            mentor_count=count_per(mentor_links, "interest"),
            mentee_count=count_per(mentee_links, "interest"),
        )

    @admin.display(description="mentors", ordering="mentor_count")
    def mentor_count(self, obj: Interest) -> int:
        return obj.mentor_count

    @admin.display(description="mentees", ordering="mentee_count")
    def mentee_count(self, obj: Interest) -> int:
        return obj.mentee_count
