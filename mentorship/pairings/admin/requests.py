"""Directors watch mentorship requests here: view-only, with their age."""

from datetime import timedelta

from django.contrib import admin
from django.http import HttpRequest
from django.utils import timezone

from accounts.admin_site import ROWS_PER_PAGE, ChangeListWithoutJoins
from mentorship.programs.admin import DirectedProgramListFilter

from ..models import MentorshipRequest
from .filters import MenteeLevelListFilter, MenteeYearListFilter
from .history import PEOPLE_SEARCH, ReadOnlyHistoryAdmin, with_names


class RequestAgeListFilter(admin.SimpleListFilter):
    title = "waiting for an answer"
    parameter_name = "waiting"
    DAYS = (7, 14, 30)

    def lookups(self, request, model_admin):
        return [(str(days), f"More than {days} days") for days in self.DAYS]

    def queryset(self, request, queryset):
        if self.value() in {str(days) for days in self.DAYS}:
            since = timezone.now() - timedelta(days=int(self.value()))
            return queryset.pending().filter(created_at__lt=since)
        return queryset


class MentorshipRequestAdmin(ReadOnlyHistoryAdmin):
    """Directors watch requests; the mentor who was asked is the one who answers."""

    list_display = [
        "mentee_name",
        "mentor_name",
        "program_name",
        "status",
        "created_at",
        "age_days",
        "awaiting_mentee",
    ]
    list_display_links = ["mentee_name"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    list_filter = [
        "status",
        DirectedProgramListFilter,
        RequestAgeListFilter,
        MenteeYearListFilter,
        MenteeLevelListFilter,
    ]
    search_fields = PEOPLE_SEARCH
    fieldsets = [
        (None, {"fields": ["mentee", "mentor", "program", "status", "created_at"]}),
        ("The mentee's request", {"fields": MentorshipRequest.ANSWERS}),
        (
            "Ask for more",
            {
                "fields": [
                    "question",
                    "question_asked_at",
                    "question_answer",
                    "question_answered_at",
                ]
            },
        ),
        (
            "The mentor's answer",
            {"fields": ["reply", "referred_to", "referral_reason", "closed_at", "closed_by"]},
        ),
    ]

    def get_queryset(self, request: HttpRequest):
        return with_names(MentorshipRequest.objects.directed_by(request.user)).select_related(
            "mentor__user", "mentee__user", "program"
        )

    def get_changelist(self, request, **kwargs):
        return ChangeListWithoutJoins

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="days since sent", ordering="-created_at")
    def age_days(self, obj: MentorshipRequest) -> int:
        return (timezone.now() - obj.created_at).days

    @admin.display(description="awaiting mentee", boolean=True)
    def awaiting_mentee(self, obj: MentorshipRequest) -> bool:
        return obj.awaiting_mentee
