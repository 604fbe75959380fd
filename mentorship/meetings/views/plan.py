"""Planning the next meeting: both people get an e-mail with a calendar file.
Pairings come through Pairing.objects.visible_to, so anyone else gets a 404."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.views.decorators.http import require_http_methods

from mentorship.once import already_made, form_token, posted_token
from mentorship.pairings.models import Pairing
from mentorship.refusal import Refusal

from .. import services
from ..forms import PlanForm
from ..models import Meeting


def _when(value) -> str:
    local = timezone.localtime(value)
    return f"{formats.date_format(local, 'l j F')} at {formats.time_format(local, 'H:i')}"


@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, pairing_id: int) -> HttpResponse:
    pairing = get_object_or_404(
        Pairing.objects.visible_to(request.user).select_related(
            "mentor__user", "mentee__user", "program"
        ),
        pk=pairing_id,
    )
    if made := already_made(request, Meeting.objects.visible_to(request.user)):
        messages.info(
            request,
            "You planned this meeting already, so nobody got a second invitation. Here it is.",
        )
        return redirect(made)
    other = pairing.other_person(request.user).user
    if pairing.status != Pairing.Status.ACTIVE:
        messages.info(
            request,
            "Meetings are planned while a pairing is active. "
            + (
                "Resume it first, whenever you're both ready."
                if pairing.status == Pairing.Status.PAUSED
                else "This one isn't active."
            ),
        )
        return redirect(pairing)
    form = PlanForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_plan(
                pairing=pairing,
                by=request.user,
                starts_at=data["starts_at"],
                minutes=data["minutes"],
                format=data["format"],
                place=data["place"],
                form_token=posted_token(request),
            )
        except Refusal as error:
            form.add_error("date" if error.code == "in_the_past" else None, error.message)
        else:
            messages.success(
                request,
                f"Your next meeting is planned for {_when(meeting.starts_at)}. We've e-mailed "
                f"you and {other.name} a calendar file, and we'll remind you both the day before.",
            )
            return redirect(pairing)
    context = {"pairing": pairing, "other": other, "form": form, "once": form_token(request)}
    return render(request, "meetings/meeting_plan.html", context)
