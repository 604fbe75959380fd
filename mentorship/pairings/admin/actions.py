"""The pairing changelist's actions: one service call per row, a refused row
reported and skipped; ending, approving and reassigning first ask for a reason."""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template.response import TemplateResponse
from django.utils import timezone

from ..models import Pairing
from ..services import (
    PairingError,
    pairing_activate,
    pairing_approve_conflict,
    pairing_end,
    pairing_pause,
    pairing_reassign,
)
from .export import pairings_csv
from .forms import ReasonForm, ReassignForm, plural


class PairingActions:
    """Mixed into PairingAdmin: the methods its `actions` name."""

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
