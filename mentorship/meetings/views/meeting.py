"""A meeting's page and its calendar file. Meetings come through
Meeting.objects.visible_to, so anyone but the two people gets a 404."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ..calendar import meeting_ics
from ..models import Commitment, Meeting, Note

PEOPLE = ("pairing__mentor__user", "pairing__mentee__user")


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related(*PEOPLE, "pairing__program"),
        pk=pk,
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    pairing = meeting.pairing
    user = request.user
    other = pairing.other_person(user).user
    notes = list(Note.objects.readable_by(user).filter(meeting=meeting).select_related("author"))
    # Yours first, then what the other person shared; each in the order of the questions.
    groups = [
        (person, [note for note in notes if note.author_id == person.pk])
        for person in (user, other)
    ]
    commitments = Commitment.objects.visible_to(user).filter(meeting=meeting)
    context = {
        "meeting": meeting,
        "pairing": pairing,
        "other": other,
        "note_groups": [(person, group) for person, group in groups if group],
        "commitments": list(commitments),
        "today": timezone.localdate(),
        "is_upcoming": meeting.status == Meeting.Status.PLANNED
        and meeting.starts_at >= timezone.now(),
        "can_log": pairing.is_running,
    }
    return render(request, "meetings/meeting_detail.html", context)


@require_GET
def ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mentorship-{day}.ics"'
    return response
