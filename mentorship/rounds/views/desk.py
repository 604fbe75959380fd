"""What every director's page of a round shares: the round, a mentee, a mentor or a
run of it, each fetched through the director's own rounds (another program's
round, or a person not in this one, is a 404), and a button's answer."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile

from ..models import Round, Run
from ..services import RoundError


def round_of(request: HttpRequest, pk: int) -> Round:
    return get_object_or_404(
        Round.objects.directed_by(request.user).select_related("program", "year"), pk=pk
    )


def mentee_of(round: Round, mentee_id: int) -> MenteeProfile:
    return get_object_or_404(
        MenteeProfile.objects.filter(round_entries__round=round).select_related("user"),
        pk=mentee_id,
    )


def mentor_of(round: Round, mentor_id: int) -> MentorProfile:
    return get_object_or_404(
        MentorProfile.objects.filter(round_seats__round=round).select_related("user"),
        pk=mentor_id,
    )


def run_of(round: Round, run_id: int) -> Run:
    return get_object_or_404(round.runs.select_related("created_by", "base"), pk=run_id)


def button(
    request: HttpRequest, round: Round, act: Callable[[], object], said: Callable[[object], str]
) -> HttpResponse:
    """A button with nothing typed: do it, say what happened (or why not), and go
    back to the round's page."""
    try:
        result = act()
    except RoundError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, said(result))
    return redirect(round)
