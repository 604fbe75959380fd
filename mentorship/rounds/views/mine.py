"""A person's own page of a round (/rounds/<id>/): as a mentee their list in order
(once published, their mentor); as a mentor their places, the mentees who listed
them in the mentor's own order, and those they asked not to be matched with (once
published, their new mentees). One person can be both. The POSTs from it are in
lists.py (a mentee's) and answers.py (a mentor's); one that comes back draws the
page again through `page`, with what was typed.

The round comes through Round.objects.visible_to, so a director who isn't in it gets
a 404 here (their pages are under /director/). Choices and marks come through the
person's own entry or seat: anyone else's id is a 404 too.
"""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from mentorship.forms import TOO_LONG
from mentorship.pairings.models import Pairing

from ..models import (
    ROUND_MAX_CAPACITY,
    TEXT_MAX_LENGTH,
    Choice,
    Entrant,
    Exclusion,
    MentorRanking,
    Round,
    Seat,
)
from ..services.lists import listed_by

# Mentors offered on the page to add, a page at a time (the directory has them all).
ADD_PER_PAGE = 8


class NoteForm(forms.Form):
    drew_you = forms.CharField(
        label="What drew you?",
        max_length=TEXT_MAX_LENGTH,
        required=False,
        help_text="Optional, a sentence. Only the program directors read it.",
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PlacesForm(forms.Form):
    capacity = forms.IntegerField(
        label="How many new mentees could you take in this round?",
        min_value=0,
        max_value=ROUND_MAX_CAPACITY,
        help_text=f"From 0 to {ROUND_MAX_CAPACITY}, on top of the mentees you have now. "
        "0 is a fine answer for a busy year.",
        error_messages={
            "required": f"Choose a number from 0 to {ROUND_MAX_CAPACITY}.",
            "invalid": f"Type a number from 0 to {ROUND_MAX_CAPACITY}.",
            "min_value": f"Choose a number from 0 to {ROUND_MAX_CAPACITY}.",
            "max_value": f"{ROUND_MAX_CAPACITY} is the most one round asks of a mentor.",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    no_preference = forms.BooleanField(
        label="I have no preference: the round's lottery can order the residents who list me",
        required=False,
        help_text="Putting residents in order below turns this off.",
    )


class MarkForm(forms.Form):
    reason = forms.CharField(
        label="Why shouldn't you mentor them?",
        max_length=TEXT_MAX_LENGTH,
        help_text="A few words. Only the program directors read this; the resident never "
        "sees it, nor that you said it.",
        error_messages={
            "required": "Say why, in a few words: only the directors read it.",
            "max_length": TOO_LONG,
        },
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@dataclass
class Part:
    """A person's part in a round: their entry as a mentee, their seat as a mentor."""

    round: Round
    entrant: Entrant | None
    seat: Seat | None


def part_of(request: HttpRequest, pk: int) -> Part:
    round = get_object_or_404(
        Round.objects.visible_to(request.user).select_related("program"), pk=pk
    )
    entrant = (
        Entrant.objects.filter(round=round, mentee__user=request.user)
        .select_related("mentee")
        .first()
    )
    held = (
        Pairing.objects.open()
        .filter(mentor=OuterRef("mentor"))
        .order_by()
        .values("mentor")
        .annotate(n=Count("pk"))
        .values("n")
    )
    seat = (
        Seat.objects.filter(round=round, mentor__user=request.user)
        .select_related("mentor")
        .annotate(held=Coalesce(Subquery(held), Value(0)))
        .first()
    )
    if entrant is None and seat is None:
        raise Http404
    return Part(round, entrant, seat)


def as_mentee(request: HttpRequest, pk: int) -> Part:
    part = part_of(request, pk)
    if part.entrant is None:
        raise Http404
    return part


def as_mentor(request: HttpRequest, pk: int) -> Part:
    part = part_of(request, pk)
    if part.seat is None:
        raise Http404
    return part


def posted_id(request: HttpRequest, name: str) -> int:
    """An id from the form; anything that isn't one is a 404, like an id of no row."""
    value = request.POST.get(name, "")
    if not (value.isascii() and value.isdigit()) or len(value) > 12:  # not "²"
        raise Http404
    return int(value)


def back_to_page(round: Round, anchor: str = "") -> HttpResponse:
    url = reverse("rounds:mine", args=[round.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _published(round: Round) -> bool:
    return round.state in (Round.State.PUBLISHED, Round.State.ARCHIVED) and bool(round.published_at)


def _made_by(round: Round):
    """The pairings the round's publishing made (they begin between its opening and
    its publishing, from a matching round of its program)."""
    return Pairing.objects.filter(
        program=round.program_id,
        origin=Pairing.Origin.MATCHING,
        created_at__gte=round.opened_at or round.created_at,
        created_at__lte=round.published_at,
    )


# --- the page ------------------------------------------------------------------


@require_GET
def mine(request: HttpRequest, pk: int) -> HttpResponse:
    return page(request, part_of(request, pk))


def page(request: HttpRequest, part: Part, **kept) -> HttpResponse:
    """The person's page of the round; `kept` holds the forms of a POST that came
    back (notes={choice id: form}, places=form, marks={mentee id: form})."""
    round = part.round
    context = {
        "round": round,
        "lists_open": round.lists_open(),
        "answers_open": round.mentors_answer(),
        "published": _published(round),
    }
    if part.entrant:
        context.update(_mentee_side(request, part, kept.get("notes", {})))
    if part.seat:
        context.update(_mentor_side(part, kept.get("places"), kept.get("marks", {})))
    return render(request, "rounds/round_mine.html", context)


def _mentee_side(request: HttpRequest, part: Part, notes: dict) -> dict:
    round, entrant = part.round, part.entrant
    choices = list(
        Choice.objects.filter(round=round, mentee=entrant.mentee)
        .select_related("mentor__user")
        .order_by("rank")
    )
    for choice in choices:
        choice.form = notes.get(choice.pk) or NoteForm(
            initial={"drew_you": choice.drew_you}, auto_id=f"note-{choice.pk}-%s"
        )
    side = {
        "entrant": entrant,
        "choices": choices,
        "list_full": len(choices) >= round.list_max,
        "list_short": len(choices) < round.list_min,
    }
    if _published(round):
        pairing = (
            _made_by(round).filter(mentee=entrant.mentee).select_related("mentor__user").first()
        )
        side["result"] = pairing
        side["result_rank"] = next(
            (c.rank for c in choices if pairing and c.mentor_id == pairing.mentor_id), None
        )
    elif round.lists_open() and len(choices) < round.list_max:
        others = (
            Seat.objects.filter(round=round)
            .exclude(mentor__in=[c.mentor_id for c in choices])
            .exclude(mentor__user=request.user)
            .select_related("mentor__user")
            .order_by("mentor__user__name", "pk")
        )
        side["addable"] = Paginator(others, ADD_PER_PAGE).get_page(request.GET.get("page"))
    return side


def listed(part: Part) -> list:
    """The mentees who listed this mentor, in the mentor's order (then by name), each
    with `my_rank` (the mentor's own, or None) and `mark_id` (the mentor's mark).
    Never where the mentee put the mentor."""
    round, seat = part.round, part.seat
    ranking = MentorRanking.objects.filter(
        round=round, mentor=seat.mentor_id, mentee=OuterRef("pk")
    )
    marks = Exclusion.objects.filter(
        round=round, mentor=seat.mentor_id, mentee=OuterRef("pk"), source=Exclusion.Source.MENTOR
    )
    return list(
        listed_by(round, seat.mentor)
        .select_related("user")
        .annotate(
            my_rank=Subquery(ranking.values("rank")[:1]),
            mark_id=Subquery(marks.values("pk")[:1]),
        )
        .order_by(F("my_rank").asc(nulls_last=True), "user__name", "pk")
    )


def _mentor_side(part: Part, places: forms.Form | None, marks: dict) -> dict:
    round, seat = part.round, part.seat
    # Until confirmed, the round counts the profile's open places (at most the round's most).
    seat.counted = (
        seat.capacity
        if seat.confirmed_at and seat.capacity is not None
        else max(0, min(seat.mentor.capacity - seat.held, ROUND_MAX_CAPACITY))
    )
    side = {"seat": seat}
    if _published(round):
        side["new_mentees"] = list(
            _made_by(round)
            .filter(mentor=seat.mentor)
            .select_related("mentee__user")
            .order_by("mentee__user__name", "pk")
        )
        return side
    mentees = listed(part)
    for mentee in mentees:
        mentee.mark_form = marks.get(mentee.pk) or MarkForm(auto_id=f"mark-{mentee.pk}-%s")
    side.update(
        places_form=places
        or PlacesForm(
            initial={"capacity": seat.counted, "no_preference": seat.no_preference},
            auto_id="places-%s",
        ),
        to_rank=[m for m in mentees if not m.mark_id],
        marked=[m for m in mentees if m.mark_id],
        has_order=any(m.my_rank for m in mentees),
    )
    return side
