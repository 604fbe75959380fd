"""The review of a round's run (/director/rounds/<id>/review/): the headline
figures, the unmatched with suggestions, every mentee and mentor with the why;
one mentee's whole story and a director's move; one mentor's; "what if" runs,
their difference from the round's run, and using one instead."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from mentorship.director import director_page

from .. import record, services
from .. import review as reading
from ..explain import RULE_SHORT, Story
from ..models import (
    ROUND_MAX_CAPACITY,
    TEXT_MAX_LENGTH,
    Round,
)
from ..services import RoundError
from .desk import round_of, run_of

State = Round.State
PER_PAGE = 50
ONLY = {
    "unmatched": "unmatched",
    "not_first": "not matched to their first choice",
    "moved": "moved by a director",
}
# Rules a what-if may lift: a director's choice, not a conflict of interest.
LIFTABLE = ("marked", "excluded", "past")
CAPACITY_ROWS = 2


def _pair(value: str) -> tuple[int, int] | None:
    mentee, _, mentor = value.partition("-")
    if not (mentee.isdigit() and mentor.isdigit()) or len(value) > 40:
        return None
    return int(mentee), int(mentor)


class WhatIfForm(forms.Form):
    """Run the round again as a draft, with other places or another pair left
    out or put back."""

    note = forms.CharField(
        label="What are you trying?",
        required=False,
        max_length=TEXT_MAX_LENGTH,
        help_text="A few words for the list of runs, e.g. “Dr Chen offered a third place”.",
    )
    exclude = forms.CharField(label="Leave out a pair", required=False)
    restore = forms.CharField(label="Put back a pair", required=False)

    def __init__(self, *args, story: Story, **kwargs):
        super().__init__(*args, **kwargs)
        self.story = story
        mentors = sorted(story.inputs.capacities, key=lambda m: story.names.mentor(m).casefold())
        for n in range(1, CAPACITY_ROWS + 1):
            self.fields[f"mentor_{n}"] = forms.TypedChoiceField(
                label="Mentor",
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", "Choose a mentor")]
                + [
                    (m, f"{story.names.mentor(m)} ({story.inputs.capacities[m]} now)")
                    for m in mentors
                ],
            )
            self.fields[f"places_{n}"] = forms.IntegerField(
                label="Places",
                required=False,
                min_value=0,
                max_value=ROUND_MAX_CAPACITY,
                error_messages={
                    "min_value": f"From 0 to {ROUND_MAX_CAPACITY}.",
                    "max_value": f"From 0 to {ROUND_MAX_CAPACITY}.",
                },
            )

    def clean_exclude(self):
        value = self.cleaned_data["exclude"].strip()
        if not value:
            return None
        pair = _pair(value)
        listed = pair and pair[1] in self.story.inputs.mentee_prefs.get(pair[0], [])
        if not listed or pair in self.story.rule:
            raise forms.ValidationError("Choose a pair of the round's lists that is still in.")
        return pair

    def clean_restore(self):
        value = self.cleaned_data["restore"].strip()
        if not value:
            return None
        pair = _pair(value)
        if pair is None or self.story.rule.get(pair) not in LIFTABLE:
            raise forms.ValidationError(
                "Choose a pair a director, the mentor or a past pairing left out."
            )
        return pair

    def clean(self):
        data = super().clean()
        for n in range(1, CAPACITY_ROWS + 1):
            mentor, places = data.get(f"mentor_{n}"), data.get(f"places_{n}")
            if mentor is not None and places is None and f"places_{n}" not in self.errors:
                self.add_error(f"places_{n}", "How many places would they give?")
            if places is not None and mentor is None:
                self.add_error(f"mentor_{n}", "Whose places are these?")
        if not self.errors and not self.changes():
            raise forms.ValidationError(
                "Change at least one thing: a mentor's places, or a pair to leave out or put back."
            )
        return data

    def changes(self) -> dict:
        data, changes = self.cleaned_data, {}
        capacities = {
            str(data[f"mentor_{n}"]): data[f"places_{n}"]
            for n in range(1, CAPACITY_ROWS + 1)
            if data.get(f"mentor_{n}") is not None and data.get(f"places_{n}") is not None
        }
        if capacities:
            changes["capacities"] = capacities
        if data.get("exclude"):
            changes["exclude"] = [list(data["exclude"])]
        if data.get("restore"):
            changes["restore"] = [list(data["restore"])]
        return changes


# --- the review ---------------------------------------------------------------------


def _query(request: HttpRequest, **keep) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    for key, value in keep.items():
        query[key] = value
    return query.urlencode()


def _render_review(request: HttpRequest, round: Round, form: WhatIfForm | None = None):
    run = round.run
    if run is None:
        return render(request, "rounds/director/review.html", {"round": round, "run": None})
    names = reading.names_in(round)
    story = reading.story_of(run, names)
    figures = reading.figures_of(story)
    load = reading.load_of(figures)
    show = "mentors" if request.GET.get("show") == "mentors" else "mentees"
    q = request.GET.get("q", "")[:100]
    only = request.GET.get("only", "")
    only = only if only in ONLY else ""
    if show == "mentors":
        ids = reading.mentor_ids(story, q=q)
    else:
        ids = reading.mentee_ids(story, q=q, only=only)
    page = Paginator(ids, PER_PAGE).get_page(request.GET.get("page"))
    if show == "mentors":
        rows = reading.mentor_rows(story, list(page.object_list))
    else:
        rows = reading.mentee_rows(story, list(page.object_list))
    solved = round.state == State.SOLVED
    context = {
        "round": round,
        "run": run,
        "figures": figures,
        "load": load,
        "moved": len(story.overrides),
        "unmatched": reading.unmatched_with_suggestions(round, story, load),
        "unmatched_count": len(story.inputs.entrants) - len(story.matched),
        "show": show,
        "q": q,
        "only": only,
        "only_choices": ONLY,
        "page": page,
        "rows": rows,
        "query": _query(request),
        "runs": record.runs_of(round, names),
        "moves": record.moves_of(round, names),
        "solved": solved,
    }
    if solved:
        form = form or WhatIfForm(story=story)
        matched = sorted(story.matched.items(), key=lambda p: names.mentee(p[0]).casefold())
        context["form"] = form
        context["capacity_rows"] = [
            (form[f"mentor_{n}"], form[f"places_{n}"]) for n in range(1, CAPACITY_ROWS + 1)
        ]
        context["exclude_options"] = [
            (f"{a}-{b}", f"{names.mentee(a)} with {names.mentor(b)}") for a, b in matched
        ]
        context["restore_options"] = sorted(
            (
                (f"{a}-{b}", f"{names.mentee(a)} and {names.mentor(b)} ({RULE_SHORT[rule]})")
                for a, b, rule in story.inputs.removed
                if rule in LIFTABLE
            ),
            key=lambda option: option[1].casefold(),
        )
    return render(request, "rounds/director/review.html", context)


@require_GET
@director_page
def review(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_review(request, round_of(request, pk))


@require_POST
@director_page
def what_if(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    run = round.run
    if run is None or round.state != State.SOLVED:
        messages.error(request, "Run the round once before asking “what if”.")
        return redirect(round)
    names = reading.names_in(round)
    story = reading.story_of(run, names)
    form = WhatIfForm(request.POST, story=story)
    if not form.is_valid():
        messages.error(request, "The what-if didn't run: see the form below.")
        return _render_review(request, round, form)
    changes = form.changes()
    note = form.cleaned_data["note"].strip() or "; ".join(
        reading.changes_in_words_of(changes, names)
    )
    try:
        tried = services.run_solve(
            round=round, by=request.user, changes=changes, note=note, what_if=True
        )
    except RoundError as error:
        messages.error(request, error.message)
        return _render_review(request, round, form)
    messages.success(
        request,
        f"What-if run {tried.number} is ready: here is how it differs from the round's run. "
        "Nothing changes unless you use it.",
    )
    return redirect("rounds:run", round.pk, tried.pk)


@require_GET
@director_page
def run(request: HttpRequest, pk: int, run_id: int) -> HttpResponse:
    round = round_of(request, pk)
    shown = run_of(round, run_id)
    names = reading.names_in(round)
    story = reading.story_of(shown, names)
    the_run = round.run
    base = reading.story_of(the_run, names) if the_run and the_run.pk != shown.pk else None
    figures = reading.figures_of(story)
    context = {
        "round": round,
        "shown": shown,
        "the_run": the_run,
        "figures": figures,
        "load": reading.load_of(figures),
        "base_figures": reading.figures_of(base) if base else None,
        "difference": reading.difference_in_words(base, story) if base else None,
        "changes": reading.changes_in_words(shown, names),
        "can_adopt": shown.is_draft and round.state == State.SOLVED,
        "by": (shown.created_by.name or shown.created_by.email) if shown.created_by else "someone",
    }
    return render(request, "rounds/director/run.html", context)


@require_POST
@director_page
def adopt(request: HttpRequest, pk: int, run_id: int) -> HttpResponse:
    round = round_of(request, pk)
    tried = run_of(round, run_id)
    try:
        made = services.run_adopt(run=tried, by=request.user)
    except RoundError as error:
        messages.error(request, error.message)
        return redirect("rounds:run", round.pk, tried.pk)
    messages.success(
        request,
        f"Run {made.number}, solved again from what-if run {tried.number}, is the round's "
        "run now: publishing uses it.",
    )
    return redirect("rounds:review", round.pk)
