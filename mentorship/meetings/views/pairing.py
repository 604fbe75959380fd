"""A pairing's own page, for its two people: who they are to each other, the
steps still to take, and their story so far (meetings with the notes this person
may read, commitments, the next meeting). It lives here, above pairings, because
it shows meetings; the steps it links to are pairings' views. Anyone else,
directors included, gets a 404.
"""

from collections import defaultdict

from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.models import User
from mentorship.pairings.models import Pairing

from ..models import Commitment, Meeting, Note


@require_GET
def pairing_page(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = get_object_or_404(
        Pairing.objects.visible_to(request.user).select_related(
            "mentor__user", "mentee__user", "mentee__program", "program", "request"
        ),
        pk=pk,
    )
    side = pairing.side_of(request.user)
    other_side = pairing.other_side_of(request.user)
    other = pairing.other_person(request.user)
    reflections = [
        (person, learned, carry)
        for person, learned, carry in (
            (pairing.mentee.user, pairing.mentee_learned, pairing.mentee_carry_forward),
            (pairing.mentor.user, pairing.mentor_learned, pairing.mentor_carry_forward),
        )
        if learned.strip() or carry.strip()
    ]
    context = {
        "pairing": pairing,
        "side": side,
        "other": other,
        "other_prompts": other.answered_prompts,
        "i_confirmed": getattr(pairing, f"{side}_confirmed_at") is not None,
        "other_confirmed": getattr(pairing, f"{other_side}_confirmed_at") is not None,
        "shows_contacts": pairing.is_running,
        "reflections": reflections,
        "can_reflect": pairing.awaits_reflection_from(side),
        "is_running": pairing.is_running,
        **_timeline(pairing, request.user),
    }
    return render(request, "meetings/pairing.html", context)


def _timeline(pairing: Pairing, user: User) -> dict:
    """Meetings newest first, each with the notes this person may read and the
    commitments made there; the open commitments; the next planned meeting.
    Three queries, however many meetings."""
    now = timezone.now()
    notes = Note.objects.readable_by(user).select_related("author").order_by("pk")
    meetings = list(
        Meeting.objects.visible_to(user)
        .filter(pairing=pairing)
        .prefetch_related(Prefetch("notes", queryset=notes, to_attr="readable_notes"))
    )
    commitments = list(
        Commitment.objects.visible_to(user)
        .filter(pairing=pairing)
        .order_by(F("done_at").asc(nulls_first=True), F("due_on").asc(nulls_last=True), "pk")
    )
    made_at = defaultdict(list)
    for commitment in commitments:
        made_at[commitment.meeting_id].append(commitment)
    for meeting in meetings:
        # Your own answers first, then what the other person shared.
        meeting.readable_notes.sort(key=lambda note: (note.author_id != user.pk, note.pk))
        meeting.made_commitments = made_at[meeting.pk]
    # A paused or ended pairing has no next meeting to add to a calendar.
    active = pairing.status == Pairing.Status.ACTIVE
    upcoming = [
        m for m in meetings if active and m.status == Meeting.Status.PLANNED and m.starts_at >= now
    ]
    return {
        "meetings": meetings,
        "next_meeting": min(upcoming, key=lambda m: m.starts_at, default=None),
        "open_commitments": [c for c in commitments if not c.is_done],
        "today": timezone.localdate(),
    }
