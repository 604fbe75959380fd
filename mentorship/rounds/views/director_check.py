"""The check before a round runs (/director/rounds/<id>/check/): who has no list,
short lists, mentors nobody listed or with no places, places against mentees,
the pairs each rule removes; accepting a problem as it is; the pairs a director
leaves out; and the button that runs the round."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from mentorship.director import director_page
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile

from .. import review, services
from ..explain import Names
from ..models import TEXT_MAX_LENGTH, Exclusion, Round
from ..services import RoundError
from .desk import round_of

State = Round.State


class ExclusionForm(forms.Form):
    mentee = forms.TypedChoiceField(label="Mentee", coerce=int)
    mentor = forms.TypedChoiceField(label="Mentor", coerce=int)
    reason = forms.CharField(
        label="Why shouldn't they be matched?",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only the program directors read this.",
        error_messages={"required": "Say why, in a few words: only the directors read it."},
    )

    def __init__(self, *args, names: Names, **kwargs):
        super().__init__(*args, **kwargs)
        by_name = sorted(names.mentees.items(), key=lambda item: item[1].casefold())
        self.fields["mentee"].choices = [("", "Choose a mentee"), *by_name]
        by_name = sorted(names.mentors.items(), key=lambda item: item[1].casefold())
        self.fields["mentor"].choices = [("", "Choose a mentor"), *by_name]


def run_held_by(round: Round, found) -> str:
    """Why the run button can't be pressed now, or "" when it can."""
    if round.state not in (State.CLOSED, State.SOLVED):
        if round.state in (State.DRAFT, State.COLLECTING):
            return "Close the lists before running the round."
        return "This round is published: its run is kept as it is."
    if not found.can_run:
        return "Fix or accept the problems marked “holds the run” first."
    return ""


def _render(request: HttpRequest, round: Round, form: ExclusionForm | None = None):
    found = services.check(round)
    names = review.names_in(round)
    exclusions = list(
        Exclusion.objects.filter(round=round).select_related("created_by").order_by("-created_at")
    )
    context = {
        "round": round,
        "check": found,
        "held": run_held_by(round, found),
        "can_exclude": round.state not in (State.PUBLISHED, State.ARCHIVED),
        "form": form or ExclusionForm(names=names),
        "exclusions": [
            (
                e,
                names.mentee(e.mentee_id),
                names.mentor(e.mentor_id),
                (e.created_by.name or e.created_by.email) if e.created_by else "someone",
            )
            for e in exclusions
        ],
        "seats_short": max(0, found.entrants - found.seats),
    }
    return render(request, "rounds/director/check.html", context)


@require_GET
@director_page
def check(request: HttpRequest, pk: int) -> HttpResponse:
    return _render(request, round_of(request, pk))


@require_POST
@director_page
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    code = request.POST.get("code", "")
    try:
        services.problems_accept(round=round, by=request.user, code=code)
    except RoundError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            "Accepted as it is, for the people it names now. If it changes, the check asks again.",
        )
    return redirect("rounds:check", round.pk)


@require_POST
@director_page
def solve(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    try:
        run = services.run_solve(round=round, by=request.user)
    except RoundError as error:
        messages.error(request, error.message)
        return redirect("rounds:check", round.pk)
    figures = run.figures
    messages.success(
        request,
        f"Run {run.number} is done: {figures['matched']} of {figures['mentees']} mentees "
        f"matched, {figures['first']} to their first choice. Nothing is sent until you publish.",
    )
    return redirect("rounds:review", round.pk)


@require_POST
@director_page
def exclusion_add(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    form = ExclusionForm(request.POST, names=review.names_in(round))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.exclusion_add(
                round=round,
                mentor=MentorProfile.objects.select_related("user").get(pk=data["mentor"]),
                mentee=MenteeProfile.objects.select_related("user").get(pk=data["mentee"]),
                by=request.user,
                reason=data["reason"],
            )
        except RoundError as error:
            messages.error(request, error.message)
        else:
            later = " It counts from the next run." if round.state == State.SOLVED else ""
            messages.success(request, "That pair is left out of the round." + later)
            return redirect(reverse("rounds:check", args=[round.pk]) + "#exclusions")
    else:
        messages.error(request, "The pair isn't left out yet: see the form below.")
    return _render(request, round, form)


@require_POST
@director_page
def exclusion_remove(request: HttpRequest, pk: int, exclusion_id: int) -> HttpResponse:
    round = round_of(request, pk)
    exclusion = get_object_or_404(Exclusion.objects.filter(round=round), pk=exclusion_id)
    try:
        services.exclusion_remove(exclusion=exclusion, by=request.user)
    except RoundError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "That pair is back in the round from the next run.")
    return redirect(reverse("rounds:check", args=[round.pk]) + "#exclusions")
