"""Directors watch requests and steer pairings here.

Every change of state goes through a service in services.py, one per transition:
the change forms are read-only, and the actions call the services row by row.
The closing reflections are each person's own words and never appear here.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext

from accounts.admin_site import ROWS_PER_PAGE, ChangeListWithoutJoins
from mentorship.meetings.admin import QuietListFilter
from mentorship.programs.admin import DirectedProgramListFilter, repeats_a_filter

from . import admin_requests  # noqa: F401  (registers the requests' admin)
from .admin_base import PEOPLE_SEARCH, REFLECTIONS, ReadOnlyHistoryAdmin, with_names
from .admin_export import pairings_csv
from .admin_forms import PairingProposeForm, ReasonForm, ReassignForm, plural
from .models import Pairing
from .services import (
    PairingError,
    pairing_activate,
    pairing_approve_conflict,
    pairing_end,
    pairing_pause,
    pairing_propose,
    pairing_reassign,
)

# --- pairings ---------------------------------------------------------------


class StartYearListFilter(admin.SimpleListFilter):
    title = "start year"
    parameter_name = "started"

    def lookups(self, request, model_admin):
        # The plain rows: the changelist's meeting figures would only slow this down.
        # Read once per request: an action's post builds the filters twice.
        if not hasattr(request, "_pairing_start_years"):
            rows = Pairing.objects.directed_by(request.user).filter(started_on__isnull=False)
            years = rows.dates("started_on", "year", "DESC")
            request._pairing_start_years = [(str(day.year), str(day.year)) for day in years]
        return request._pairing_start_years

    def queryset(self, request, queryset):
        if self.value() in {value for value, _ in self.lookup_choices}:
            return queryset.filter(started_on__year=int(self.value()))
        return queryset


class NeedsApprovalListFilter(admin.SimpleListFilter):
    """Proposed pairings with a mentor who evaluates residents, waiting for a director."""

    title = "a director's approval"
    parameter_name = "approval"

    def lookups(self, request, model_admin):
        return [("waiting", "Waiting for approval")]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(
                status=Pairing.Status.PROPOSED,
                needs_conflict_approval=True,
                conflict_approved_at__isnull=True,
            )
        return queryset


# Which field a service's refusal belongs to on the add form (others go on top).
PROPOSE_ERROR_FIELDS = {"no_open_places": "mentor", "not_director": "program"}


@admin.register(Pairing)
class PairingAdmin(ReadOnlyHistoryAdmin):
    list_display = [
        "mentor_name",
        "mentee_name",
        "program_name",
        "status",
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
        QuietListFilter,
        NeedsApprovalListFilter,
        StartYearListFilter,
        "origin",
    ]
    search_fields = PEOPLE_SEARCH
    exclude = REFLECTIONS
    fieldsets = [
        (None, {"fields": ["mentor", "mentee", "program", "origin", "request"]}),
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

    @admin.display(description="last meeting", ordering="last_meeting_on")
    def last_meeting_on(self, obj: Pairing):
        return obj.last_meeting_on

    @admin.display(description="meetings held", ordering="meetings_held")
    def meetings_held(self, obj: Pairing) -> int:
        return obj.meetings_held

    @admin.display(description="days since they met", ordering="-last_met")
    def days_since_met(self, obj: Pairing) -> int | None:
        return obj.days_since_met()

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

    # Actions: one service call per row; a refused row is reported and skipped.

    def _apply(self, request, queryset, service, verb: str, done_as: str, **kwargs) -> list:
        done = []
        for pairing in queryset:
            try:
                changed = service(pairing=pairing, by=request.user, **kwargs)
            except PairingError as error:
                self.message_user(
                    request, f"Couldn't {verb} “{pairing}”: {error.message}", messages.ERROR
                )
            else:
                self.log_change(request, pairing, f"{done_as} from the admin.")
                done.append(changed)
        return done

    def _report(self, request, done: list, success: str, nothing: str) -> None:
        if done:
            self.message_user(request, success, messages.SUCCESS)
        else:
            self.message_user(request, nothing, messages.WARNING)

    def _intermediate(self, request, queryset, action: str, form, **context) -> TemplateResponse:
        return TemplateResponse(
            request,
            "admin/pairings/pairing_action.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "queryset": queryset,
                "action": action,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
                "form": form,
                **context,
            },
        )

    @admin.action(description="Activate selected proposed pairings", permissions=["change"])
    def activate(self, request, queryset):
        done = self._apply(request, queryset, pairing_activate, "activate", "Activated")
        self._report(
            request,
            done,
            f"Activated {plural(len(done), 'pairing')}; both people have an e-mail saying "
            "their mentorship has started.",
            "No pairings were activated.",
        )

    @admin.action(description="Pause selected pairings", permissions=["change"])
    def pause(self, request, queryset):
        done = self._apply(request, queryset, pairing_pause, "pause", "Paused")
        self._report(
            request,
            done,
            f"Paused {plural(len(done), 'pairing')}; both people have an e-mail, and either "
            "of them can resume it from their pairing page.",
            "No pairings were paused.",
        )

    @admin.action(description="End selected pairings…", permissions=["change"])
    def end(self, request, queryset):
        form = ReasonForm(
            request.POST if "apply" in request.POST else None,
            label="Why are these pairings ending?",
            help_text="Kept with each pairing and its history; write it so both people could "
            "read it.",
        )
        if not form.is_valid():
            return self._intermediate(
                request,
                queryset,
                "end",
                form,
                title="End these pairings",
                intro="Ending a pairing frees the mentor's place. Both people hear about it by "
                "e-mail and can add a closing reflection, which stays theirs: it never "
                "appears in the admin.",
                button=f"End {plural(len(queryset), 'pairing')}",
            )
        done = self._apply(
            request, queryset, pairing_end, "end", "Ended", reason=form.cleaned_data["reason"]
        )
        self._report(
            request,
            done,
            f"Ended {plural(len(done), 'pairing')}; both people have an e-mail and can add "
            "a closing reflection.",
            "No pairings were ended.",
        )

    @admin.action(
        description="Approve selected pairings with a mentor who evaluates residents…",
        permissions=["change"],
    )
    def approve_conflict(self, request, queryset):
        form = ReasonForm(
            request.POST if "apply" in request.POST else None,
            label="Why are these pairings fine?",
            help_text="For example: the mentor will step back from this resident's "
            "evaluations. Kept with each pairing for the other directors.",
        )
        if not form.is_valid():
            return self._intermediate(
                request,
                queryset,
                "approve_conflict",
                form,
                title="Approve pairings with a mentor who evaluates residents",
                intro="These mentors hold a role in which they evaluate residents. Residents "
                "choose differently when their mentor also grades them, so record why each "
                "pairing is fine.",
                button=f"Approve {plural(len(queryset), 'pairing')}",
            )
        done = self._apply(
            request,
            queryset,
            pairing_approve_conflict,
            "approve",
            "Approved",
            reason=form.cleaned_data["reason"],
        )
        started = sum(pairing.status == Pairing.Status.ACTIVE for pairing in done)
        message = f"Approved {plural(len(done), 'pairing')}, with your reason recorded."
        if started:
            message += f" {started} started right away, since both people had said yes."
        if len(done) > started:
            message += f" {len(done) - started} will start once both people say yes."
        self._report(request, done, message, "No pairings were approved.")

    @admin.action(description="Reassign the mentee to another mentor…", permissions=["change"])
    def reassign(self, request, queryset):
        if len(queryset) != 1:
            self.message_user(
                request, "Choose one pairing to reassign at a time.", messages.WARNING
            )
            return None
        pairing = queryset[0]
        if not pairing.is_open:
            self.message_user(
                request,
                f"Couldn't reassign “{pairing}”: only a current pairing can be reassigned.",
                messages.ERROR,
            )
            return None
        form = ReassignForm(request.POST if "apply" in request.POST else None, pairing=pairing)
        if not form.is_valid():
            mentee = pairing.mentee.user
            return self._intermediate(
                request,
                queryset,
                "reassign",
                form,
                title=f"Reassign {mentee} to another mentor",
                intro=f"The pairing with {pairing.mentor.user} ends, and a new one is proposed: "
                f"{mentee.get_short_name()} and the new mentor each confirm it on their "
                "dashboard.",
                button=f"Reassign {mentee.get_short_name()}",
            )
        new_mentor = form.cleaned_data["mentor"]
        done = self._apply(
            request,
            queryset,
            pairing_reassign,
            "reassign",
            "Reassigned",
            new_mentor=new_mentor,
            reason=form.cleaned_data["reason"],
        )
        self._report(
            request,
            done,
            f"{pairing.mentee.user} is now proposed to {new_mentor.user}, and the pairing with "
            f"{pairing.mentor.user} has ended. Both of them have an e-mail asking them to confirm.",
            "Nobody was reassigned.",
        )

    @admin.action(description="Export selected as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        return pairings_csv(queryset, f"pairings-{timezone.localdate().isoformat()}.csv")
