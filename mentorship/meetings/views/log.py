"""Logging a session: when, how, each side's notes, new commitments and what
became of the open ones, with the browser's draft forgotten once it is saved.

Only the two people of a pairing get here: pairings, meetings and commitments
come through visible_to, so anyone else, directors included, gets a 404. Every
write goes through services.
"""

import re

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from mentorship.once import already_made, form_token, posted_token
from mentorship.pairings.models import Pairing
from mentorship.refusal import Refusal

from .. import services
from ..forms import LogForm
from ..models import Commitment, Meeting

# The browser drafts (static/js/drafts.js) saved lately, so the log page can
# tell the browser to forget them instead of restoring them.
SAVED_DRAFTS = "meetings_saved_drafts"
SAVED_DRAFTS_KEPT = 20
# How many open commitments the log form asks about: the most recent ones.
OPEN_ON_LOG = 10
OPEN_FIELD = re.compile(r"open_([0-9]{1,18})")


def _planned(request: HttpRequest, pairing: Pairing) -> Meeting | None:
    raw = request.GET.get("planned")
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit()):  # "²" is a digit to isdigit, not to int
        raise Http404
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).planned().filter(pairing=pairing), pk=int(raw)
    )


def _initial(planned: Meeting | None) -> dict:
    if planned is None:
        return {}
    local = timezone.localtime(planned.starts_at)
    return {
        "date": local.date(),
        "time": local.time().replace(second=0, microsecond=0),
        "minutes": planned.minutes,
        "format": planned.format,
    }


def _open_commitments(request: HttpRequest, pairing: Pairing) -> tuple[list[Commitment], int]:
    """The open commitments the log form asks about, soonest due first, and how many
    are open in all. The form shows the most recent few (the rest wait on the
    pairing page), so it costs the same with 10 open or 1,000; a POST answers for
    the ones its form showed."""
    open_ones = Commitment.objects.visible_to(request.user).filter(pairing=pairing).open()
    if request.method == "POST":
        shown = sorted({int(m[1]) for key in request.POST if (m := OPEN_FIELD.fullmatch(key))})
        chosen = open_ones.filter(pk__in=shown[:OPEN_ON_LOG])
    else:
        chosen = open_ones.order_by("-created_at", "-pk")[:OPEN_ON_LOG]
    commitments = sorted(chosen, key=lambda c: (c.due_on is None, c.due_on, c.pk))
    return commitments, open_ones.count()


def _remember_draft(request: HttpRequest, draft_id: str) -> None:
    if draft_id:
        saved = [d for d in request.session.get(SAVED_DRAFTS, []) if d != draft_id]
        request.session[SAVED_DRAFTS] = [*saved, draft_id][-SAVED_DRAFTS_KEPT:]


@require_http_methods(["GET", "POST"])
def log(request: HttpRequest, pairing_id: int) -> HttpResponse:
    pairing = get_object_or_404(
        Pairing.objects.visible_to(request.user).select_related(
            "mentor__user", "mentee__user", "program"
        ),
        pk=pairing_id,
    )
    if made := already_made(request, Meeting.objects.visible_to(request.user)):
        messages.info(
            request, "You logged this session already, so nothing was saved twice. Here it is."
        )
        return redirect(made)
    planned = _planned(request, pairing)
    side = pairing.side_of(request.user)
    other = pairing.other_person(request.user).user
    if request.method == "GET" and not pairing.is_running:
        if pairing.status == Pairing.Status.ENDED:
            messages.info(
                request,
                f"Your pairing with {other.name} has ended, so there are no more sessions "
                "to log. Your notes from it stay with you.",
            )
        else:
            messages.info(request, "You can log sessions once you are both paired.")
        return redirect(pairing)

    open_commitments, open_count = _open_commitments(request, pairing)
    form = LogForm(
        request.POST if request.method == "POST" else None,
        side=side,
        other_name=other.get_short_name(),
        open_commitments=open_commitments,
        today=timezone.localdate(),
        initial=_initial(planned),
    )
    if form.is_valid():
        now = timezone.now()
        try:
            services.meeting_log(
                pairing=pairing,
                by=request.user,
                starts_at=form.starts_at(now),
                minutes=form.cleaned_data["minutes"],
                format=form.cleaned_data["format"],
                notes=form.notes(),
                commitments=form.new_commitments(),
                done=form.done(),
                carried=form.carried(),
                planned=planned,
                now=now,
                form_token=posted_token(request),
            )
        except Refusal as error:
            form.add_error("date" if error.code == "in_the_future" else None, error.message)
        else:
            _remember_draft(request, form.cleaned_data["draft_id"])
            messages.success(request, "Logged. Thank you for showing up for each other.")
            return redirect(pairing)
    context = {
        "pairing": pairing,
        "form": form,
        "side": side,
        "other": other,
        "planned": planned,
        "more_open": open_count - len(open_commitments),
        "once": form_token(request),
        "draft_key": f"meeting-log-{pairing.pk}",
        "saved_drafts": " ".join(request.session.get(SAVED_DRAFTS, [])),
    }
    return render(request, "meetings/meeting_log.html", context)
