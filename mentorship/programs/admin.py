from django.contrib import admin
from django.db.models import Count, Q
from django.http import HttpRequest

from .models import Interest, Program


class DirectedProgramListFilter(admin.SimpleListFilter):
    """Filter by program, offering only the programs the viewer directs.

    Subclasses name the lookup that leads from their model to a program.
    """

    title = "program"
    parameter_name = "program"
    program_lookup = "program"

    def lookups(self, request, model_admin):
        return [
            (str(pk), name)
            for pk, name in Program.objects.directed_by(request.user).values_list("pk", "name")
        ]

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
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["directors"]

    def get_queryset(self, request: HttpRequest):
        return Program.objects.directed_by(request.user).annotate(
            mentor_count=Count("mentor_profiles", distinct=True),
            mentee_count=Count("mentee_profiles", distinct=True),
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
    search_fields = ["name"]

    def get_queryset(self, request: HttpRequest):
        mentors, mentees = Q(), Q()
        if not request.user.is_superuser:
            directed = Program.objects.directed_by(request.user).values("pk")
            mentors = Q(mentor_profiles__programs__in=directed)
            mentees = Q(mentee_profiles__program__in=directed)
        return Interest.objects.annotate(
            mentor_count=Count("mentor_profiles", filter=mentors, distinct=True),
            mentee_count=Count("mentee_profiles", filter=mentees, distinct=True),
        )

    @admin.display(description="mentors", ordering="mentor_count")
    def mentor_count(self, obj: Interest) -> int:
        return obj.mentor_count

    @admin.display(description="mentees", ordering="mentee_count")
    def mentee_count(self, obj: Interest) -> int:
        return obj.mentee_count
