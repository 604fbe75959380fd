"""Directors see that meetings happen, never what was said.

The meeting changelist shows when, how long and how; notes and commitments are
the two people's own words and have no admin at all. The pairing changelist's
meeting figures are the pairing admin's (mentorship/pairings/admin/figures.py).
"""

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest

from accounts.admin_site import ROWS_PER_PAGE, ChangeListWithoutJoins
from accounts.models import User
from mentorship.pairings.models import Pairing
from mentorship.programs.admin import DirectedProgramListFilter

from .models import Meeting


class MeetingProgramListFilter(DirectedProgramListFilter):
    program_lookup = "pairing__program"


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    """View-only: when, how long, how, and who logged it. The place is left out
    too: a video link is a way into the room."""

    list_display = [
        "mentor_name",
        "mentee_name",
        "starts_at",
        "minutes",
        "format",
        "status",
        "logged_by_name",
    ]
    list_display_links = ["starts_at"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    list_filter = ["status", "format", MeetingProgramListFilter]
    search_fields = ["pairing__mentor__user__name", "pairing__mentee__user__name"]
    fields = ["pairing", "program", "starts_at", "minutes", "format", "status", "logged_by"]
    readonly_fields = fields
    # The meeting page on the site is the two people's (404 for anyone else).
    view_on_site = False

    def get_queryset(self, request: HttpRequest):
        # The list's names are subqueries by primary key, read for the page's rows
        # only (after the sort and the LIMIT); a meeting's own page joins them.
        pairing = Pairing.objects.filter(pk=OuterRef("pairing_id")).order_by()
        logger = User.objects.filter(pk=OuterRef("logged_by_id")).order_by()
        return (
            Meeting.objects.filter(
                pairing__in=Pairing.objects.directed_by(request.user).values("pk")
            )
            .annotate(
                mentor_name=Subquery(pairing.values("mentor__user__name")),
                mentee_name=Subquery(pairing.values("mentee__user__name")),
                logged_by_name=Subquery(logger.values("name")),
            )
            .select_related(
                "pairing__mentor__user", "pairing__mentee__user", "pairing__program", "logged_by"
            )
        )

    def get_changelist(self, request, **kwargs):
        return ChangeListWithoutJoins

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="mentor", ordering="pairing__mentor__user__name")
    def mentor_name(self, obj: Meeting) -> str:
        return obj.mentor_name

    @admin.display(description="mentee", ordering="pairing__mentee__user__name")
    def mentee_name(self, obj: Meeting) -> str:
        return obj.mentee_name

    @admin.display(description="logged by", ordering="logged_by__name")
    def logged_by_name(self, obj: Meeting) -> str | None:
        return obj.logged_by_name

    @admin.display(description="program")
    def program(self, obj: Meeting) -> str:
        return obj.pairing.program.name
