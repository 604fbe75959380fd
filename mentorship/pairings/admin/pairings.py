"""Directors steer pairings here.

Every change of state goes through a service in services.py, one per transition:
the change forms are read-only, and the actions (actions.py) call the services
row by row. The closing reflections are each person's own words and never
appear here.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext

from accounts.admin_site import ROWS_PER_PAGE, ChangeListWithoutJoins
from mentorship.programs.admin import DirectedProgramListFilter, repeats_a_filter

from ..models import Pairing
from ..services import PairingError, pairing_propose
from .actions import PairingActions
from .figures import MeetingFigureColumns, QuietListFilter
from .filters import (
    MenteeLevelListFilter,
    MenteeYearListFilter,
    NeedsApprovalListFilter,
    StartYearListFilter,
)
from .forms import PairingProposeForm
from .history import PEOPLE_SEARCH, REFLECTIONS, ReadOnlyHistoryAdmin, with_names

# Which field a service's refusal belongs to on the add form (others go on top).
PROPOSE_ERROR_FIELDS = {"no_open_places": "mentor", "not_director": "program"}


class PairingAdmin(PairingActions, MeetingFigureColumns, ReadOnlyHistoryAdmin):
    list_display = [
        "mentor_name",
        "mentee_name",
        "program_name",
        "status",
        "kind",
        "origin",
        "days_active",
        "needs_approval",
        "last_meeting_on",
        "meetings_held",
        "days_since_met",
    ]
    list_display_links = ["mentor_name"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    list_filter = [
        DirectedProgramListFilter,
        "status",
        "kind",
        QuietListFilter,
        NeedsApprovalListFilter,
        StartYearListFilter,
        MenteeYearListFilter,
        MenteeLevelListFilter,
        "origin",
    ]
    search_fields = PEOPLE_SEARCH
    exclude = REFLECTIONS
    fieldsets = [
        (None, {"fields": ["mentor", "mentee", "program", "kind", "origin", "request"]}),
        ("Status", {"fields": ["status", "created_at", "created_by", "started_on", "ended_on"]}),
        ("Confirmations", {"fields": ["mentor_confirmed_at", "mentee_confirmed_at"]}),
        (
            "A mentor who evaluates residents",
            {
                "fields": [
                    "needs_conflict_approval",
                    "conflict_approved_at",
                    "conflict_approved_by",
                    "conflict_reason",
                ]
            },
        ),
        ("Ending", {"fields": ["end_reason", "ended_by"]}),
    ]
    actions = ["activate", "pause", "end", "approve_conflict", "reassign", "export_csv"]

    def get_list_display(self, request):
        """What a director needs at 1280 px: no column repeats the filter chosen."""
        hidden = set()
        if repeats_a_filter(request, "program", program=True):
            hidden.add("program_name")
        if repeats_a_filter(request, "status"):
            hidden.add("status")
        if repeats_a_filter(request, "origin"):
            hidden.add("origin")
        if (
            request.GET.get("status__exact") in ("active", "paused", "ended")
            or "quiet" in request.GET
        ):
            hidden.add("needs_approval")  # only proposed pairings wait for approval
        if "approval" in request.GET:
            hidden |= {"needs_approval", "status"}
        return [name for name in super().get_list_display(request) if name not in hidden]

    def get_queryset(self, request: HttpRequest):
        # Names, and meetings' dates and counts only, from annotations: never a note.
        return (
            with_names(Pairing.objects.directed_by(request.user))
            .select_related("mentor__user", "mentee__user", "program")
            .with_meeting_figures()
        )

    def get_changelist(self, request, **kwargs):
        return ChangeListWithoutJoins

    def action_checkbox(self, obj: Pairing):
        # Django's own box, labelled as str(obj) would say it ("Dana and Sam") but
        # from the names the page has read: str(obj) would fetch both people of
        # every row, one query after another.
        label = format_html(
            gettext("Select this object for an action - {}"),
            f"{obj.mentor_name} and {obj.mentee_name}",
        )
        box = forms.CheckboxInput({"class": "action-select", "aria-label": label}, lambda v: False)
        return box.render(ACTION_CHECKBOX_NAME, str(obj.pk))

    @admin.display(description="days active")
    def days_active(self, obj: Pairing) -> int | None:
        return obj.days_active

    @admin.display(description="needs approval", boolean=True)
    def needs_approval(self, obj: Pairing) -> bool:
        return obj.needs_conflict_approval and not obj.conflict_approved_at

    # Adding: a director proposes; both people confirm on their dashboards.

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PairingProposeForm(
            request.POST if request.method == "POST" else None, user=request.user
        )
        if form.is_valid():
            try:
                pairing = pairing_propose(by=request.user, **form.cleaned_data)
            except PairingError as error:
                form.add_error(PROPOSE_ERROR_FIELDS.get(error.code), error.message)
            else:
                self.log_addition(request, pairing, "Proposed from the admin.")
                mentor, mentee = pairing.mentor.user, pairing.mentee.user
                message = (
                    f"You proposed that {mentor} mentor {mentee}. Both have an e-mail asking "
                    "them to confirm on their dashboard; the pairing starts once both say yes."
                )
                if pairing.needs_conflict_approval:
                    message += (
                        f" {mentor} evaluates residents, so approve the pairing with a reason "
                        "before it can start."
                    )
                self.message_user(request, message, messages.SUCCESS)
                return redirect("admin:pairings_pairing_change", pairing.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Pair a mentor and a mentee",
            "form": form,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/pairings/pairing_add.html", context)
