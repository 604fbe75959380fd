"""One mentee of a round, on the director's side (/director/rounds/<id>/mentees/<id>/):
their list with what drew them, why they got whom they got in sentences, a
director's move with the blocking pairs it makes, and what-ifs on their pairs; and
one mentor (/director/rounds/<id>/mentors/<id>/): who listed them at which rank,
their own order, whom they got."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from mentorship.director import director_page
from mentorship.mentors.models import MentorProfile

from .. import review as reading
from .. import services
from ..explain import RULE_SHORT, Story, blocking_in_words
from ..models import TEXT_MAX_LENGTH, Choice, Exclusion, MentorRanking, Round, Seat
from ..services import RoundError
from .desk import mentee_of, mentor_of, round_of
from .director_review import LIFTABLE

State = Round.State


class MoveForm(forms.Form):
    to = forms.ChoiceField(label="Move them to")
    reason = forms.CharField(
        label="Why this move?",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The round keeps it with the move; the chair's report shows it.",
        error_messages={"required": "Say why you move them: the round keeps it."},
    )

    def __init__(self, *args, story: Story, mentee: int, **kwargs):
        super().__init__(*args, **kwargs)
        held = story.load()
        names = story.names
        current = story.matched.get(mentee)
        options = [("none", "Nobody: leave them unmatched")]
        for m in sorted(story.inputs.capacities, key=lambda m: names.mentor(m).casefold()):
            places = story.inputs.capacities[m]
            taken = held.get(m, 0)
            note = "their mentor now" if m == current else f"{taken} of {places} places taken"
            options.append((str(m), f"{names.mentor(m)} ({note})"))
        self.fields["to"].choices = options


def _render_mentee(request: HttpRequest, round: Round, mentee, form: MoveForm | None = None):
    run = round.run
    names = reading.names_in(round)
    choices = list(Choice.objects.filter(round=round, mentee=mentee).order_by("rank"))
    exclusions = {
        (e.mentee_id, e.mentor_id): e for e in Exclusion.objects.filter(round=round, mentee=mentee)
    }
    context = {"round": round, "mentee": mentee, "run": run, "name": names.mentee(mentee.pk)}
    if run is None:
        context["choices"] = [(c, names.mentor(c.mentor_id), None) for c in choices]
        return render(request, "rounds/director/mentee.html", context)
    listed = {c.mentor_id for c in choices}
    story = reading.story_of(
        run,
        names,
        roles=reading.evaluative_roles(round, listed),
        exclusions={pair: e.reason for pair, e in exclusions.items()},
        # A mentor who ranked nobody (or chose "no preference", which clears a
        # ranking) takes those who listed them in the round's lottery order.
        lottery=listed
        - set(
            MentorRanking.objects.filter(round=round, mentor__in=listed).values_list(
                "mentor_id", flat=True
            )
        ),
    )
    rule = story.rule
    matched = story.matched.get(mentee.pk)
    rows = []
    for choice in choices:
        pair = (mentee.pk, choice.mentor_id)
        if choice.mentor_id == matched:
            happened = "Their match."
        elif pair in rule:
            happened = (
                "Left out: " + story.rule_sentence(mentee.pk, choice.mentor_id, rule[pair]) + "."
            )
        else:
            reason = next(
                (r for r in story.reasons.get(mentee.pk, []) if r["mentor"] == choice.mentor_id),
                None,
            )
            clause = story.clause(mentee.pk, reason) if reason else ""
            happened = clause[:1].upper() + clause[1:] + "." if clause else "Listed lower."
        exclusion = exclusions.get(pair)
        rows.append((choice, names.mentor(choice.mentor_id), happened, exclusion))
    solved = round.state == State.SOLVED
    initial = {}
    if (to := request.GET.get("to", "")).isdigit():
        initial["to"] = to
    context.update(
        story=story,
        sentences=story.sentences(mentee.pk),
        choices=rows,
        matched=matched,
        matched_name=names.mentor(matched) if matched else "",
        rank=story.rank(mentee.pk),
        mentor_rank=story.mentor_rank(mentee.pk),
        moves=[o for o in story.overrides if o.mentee_id == mentee.pk],
        moves_told=[story.move_sentence(o) for o in story.overrides if o.mentee_id == mentee.pk],
        solved=solved,
        form=(form or MoveForm(initial=initial, story=story, mentee=mentee.pk)) if solved else None,
        try_without=[
            (f"{mentee.pk}-{c.mentor_id}", names.mentor(c.mentor_id))
            for c in choices
            if (mentee.pk, c.mentor_id) not in rule and c.mentor_id in story.inputs.capacities
        ]
        if solved
        else [],
        try_with=[
            (f"{mentee.pk}-{c.mentor_id}", names.mentor(c.mentor_id))
            for c in choices
            if rule.get((mentee.pk, c.mentor_id)) in LIFTABLE
        ]
        if solved
        else [],
    )
    return render(request, "rounds/director/mentee.html", context)


@require_GET
@director_page
def mentee(request: HttpRequest, pk: int, mentee_id: int) -> HttpResponse:
    round = round_of(request, pk)
    return _render_mentee(request, round, mentee_of(round, mentee_id))


@require_POST
@director_page
def move(request: HttpRequest, pk: int, mentee_id: int) -> HttpResponse:
    round = round_of(request, pk)
    person = mentee_of(round, mentee_id)
    run = round.run
    if run is None or round.state != State.SOLVED:
        messages.error(request, "Only a solved round's run can be changed.")
        return redirect("rounds:mentee", round.pk, person.pk)
    names = reading.names_in(round)
    story = reading.story_of(run, names)
    form = MoveForm(request.POST, story=story, mentee=person.pk)
    if not form.is_valid():
        messages.error(request, "Nobody was moved: see the form below.")
        return _render_mentee(request, round, person, form)
    to = form.cleaned_data["to"]
    to_mentor = None if to == "none" else MentorProfile.objects.select_related("user").get(pk=to)
    before = {tuple(p) for p in story.overrides[-1].blocking_pairs} if story.overrides else set()
    try:
        override = services.override_move(
            run=run,
            mentee=person,
            to_mentor=to_mentor,
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
    except RoundError as error:
        messages.error(request, error.message)
        return _render_mentee(request, round, person, form)
    made = [p for p in override.blocking_pairs if tuple(p) not in before]
    where = f"with {names.mentor(to_mentor.pk)}" if to_mentor else "unmatched"
    said = f"{names.mentee(person.pk)} is {where} now."
    if made:
        words = "; ".join(blocking_in_words(made, names))
        count = f"{len(made)} blocking pair{'s' if len(made) != 1 else ''}"
        messages.warning(request, f"{said} The move makes {count}: {words}.")
    else:
        messages.success(request, f"{said} The move makes no blocking pair.")
    return redirect("rounds:mentee", round.pk, person.pk)


@require_GET
@director_page
def mentor(request: HttpRequest, pk: int, mentor_id: int) -> HttpResponse:
    round = round_of(request, pk)
    person = mentor_of(round, mentor_id)
    seat = Seat.objects.get(round=round, mentor=person)
    names = reading.names_in(round)
    listed = sorted(
        Choice.objects.filter(round=round, mentor=person).values_list("mentee_id", "rank"),
        key=lambda row: (row[1], names.mentee(row[0]).casefold()),
    )
    own = list(
        MentorRanking.objects.filter(round=round, mentor=person)
        .order_by("rank")
        .values_list("mentee_id", flat=True)
    )
    context = {
        "round": round,
        "mentor": person,
        "seat": seat,
        "name": names.mentor(person.pk),
        "listed": [(m, names.mentee(m), rank) for m, rank in listed],
        "own": [(m, names.mentee(m)) for m in own],
        "run": round.run,
    }
    if context["run"] is not None:
        story = reading.story_of(context["run"], names)
        got = sorted(
            (m for m, mentor_id in story.matched.items() if mentor_id == person.pk),
            key=lambda m: names.mentee(m).casefold(),
        )
        context.update(
            got=[(m, names.mentee(m), story.rank(m)) for m in got],
            order=[(m, names.mentee(m)) for m in story.inputs.mentor_prefs.get(person.pk, [])],
            capacity=story.inputs.capacities.get(person.pk, 0),
            removed=[
                (a, names.mentee(a), RULE_SHORT.get(rule, rule))
                for a, b, rule in story.inputs.removed
                if b == person.pk
            ],
        )
    return render(request, "rounds/director/mentor.html", context)
