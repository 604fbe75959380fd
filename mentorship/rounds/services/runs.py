"""Solving a round: the input as the engine reads it, the check before the run,
runs (the round's and what-ifs) with their explanations, and a director's moves.

A run's input is built from the database once and kept whole on the run with its
seed and fingerprint: running the same input again gives the same result, and
any run can be repeated from what it kept (`solve_input`).
"""

import hashlib
import json
import random
import statistics
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings.models import Pairing
from mentorship.years.terms import RoleTerm

from .. import engine
from ..models import (
    ROUND_MAX_CAPACITY,
    Choice,
    Entrant,
    Exclusion,
    MentorRanking,
    Override,
    Round,
    Run,
    Seat,
)
from .changes import RoundError, lock_round, require_director, require_state

# Why a listed pair was removed before solving, in the order the check page lists them.
RULES = {
    "conflict": "The mentor evaluates residents of this program (PD, APD or CCC)",
    "past": "They were paired before",
    "marked": "The mentor marked the mentee",
    "excluded": "A director left the pair out",
    "self": "The same person on both sides",
}


def _ids(mapping: dict) -> dict[int, list[int]]:
    return {int(k): [int(v) for v in vs] for k, vs in mapping.items()}


@dataclass
class Inputs:
    """What the engine solves, in plain ids."""

    entrants: list[int]
    mentee_prefs: dict[int, list[int]]
    mentor_prefs: dict[int, list[int]]
    capacities: dict[int, int]
    removed: list[tuple[int, int, str]]
    lottery: list[int]
    changes: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "entrants": self.entrants,
            "mentees": {str(k): v for k, v in sorted(self.mentee_prefs.items())},
            "mentors": {str(k): v for k, v in sorted(self.mentor_prefs.items())},
            "capacities": {str(k): v for k, v in sorted(self.capacities.items())},
            "removed": [list(r) for r in sorted(self.removed)],
            "lottery": self.lottery,
            "changes": self.changes,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Inputs":
        return cls(
            entrants=[int(x) for x in data["entrants"]],
            mentee_prefs=_ids(data["mentees"]),
            mentor_prefs=_ids(data["mentors"]),
            capacities={int(k): int(v) for k, v in data["capacities"].items()},
            removed=[(int(a), int(b), r) for a, b, r in data["removed"]],
            lottery=[int(x) for x in data["lottery"]],
            changes=data.get("changes", {}),
        )

    def fingerprint(self, seed: int) -> str:
        text = json.dumps({"seed": seed, **self.as_json()}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()

    def removed_rule(self) -> dict[tuple[int, int], str]:
        return {(mentee, mentor): rule for mentee, mentor, rule in self.removed}


def lottery_order(round: Round, entrants: list[int]) -> list[int]:
    """The program-wide lottery, drawn from the round's seed: the order mentors
    with no preference (and mentees a mentor didn't rank) are taken in."""
    order = sorted(entrants)
    random.Random(round.seed).shuffle(order)
    return order


def round_input(round: Round, changes: dict | None = None) -> Inputs:
    """Read the round from the database as the engine takes it: each mentee's list,
    each mentor's order of those who listed them (their ranking, then the lottery),
    each mentor's places, and the listed pairs removed by a rule."""
    changes = changes or {}
    entrants = sorted(Entrant.objects.filter(round=round).values_list("mentee_id", flat=True))
    seats = {}
    held = _held(round)
    for mentor_id, capacity, confirmed, profile_capacity in Seat.objects.filter(
        round=round
    ).values_list("mentor_id", "capacity", "confirmed_at", "mentor__capacity"):
        if confirmed is not None and capacity is not None:
            seats[mentor_id] = capacity
        else:  # not confirmed: the profile's open places, at most the round's most
            seats[mentor_id] = max(
                0, min(profile_capacity - held.get(mentor_id, 0), ROUND_MAX_CAPACITY)
            )
    mentee_prefs: dict[int, list[int]] = {m: [] for m in entrants}
    entrant_set = set(entrants)
    for mentee_id, mentor_id in (
        Choice.objects.filter(round=round)
        .order_by("mentee_id", "rank")
        .values_list("mentee_id", "mentor_id")
    ):
        if mentee_id in entrant_set and mentor_id in seats:
            mentee_prefs[mentee_id].append(mentor_id)

    listed = {(mentee, mentor) for mentee, mentors in mentee_prefs.items() for mentor in mentors}
    removed: dict[tuple[int, int], str] = {}
    for mentee, mentor, source in Exclusion.objects.filter(round=round).values_list(
        "mentee_id", "mentor_id", "source"
    ):
        if (mentee, mentor) in listed:
            removed[(mentee, mentor)] = (
                "marked" if source == Exclusion.Source.MENTOR else "excluded"
            )
    if round.exclude_past_pairs:
        for mentee, mentor in Pairing.objects.filter(
            mentee__in=entrants, mentor__in=list(seats)
        ).values_list("mentee_id", "mentor_id"):
            if (mentee, mentor) in listed:
                removed.setdefault((mentee, mentor), "past")
    evaluators = set(
        RoleTerm.objects.in_force()
        .evaluative()
        .filter(program=round.program_id)
        .values_list("user_id", flat=True)
    )
    mentor_users = dict(
        MentorProfile.objects.filter(pk__in=list(seats)).values_list("pk", "user_id")
    )
    mentee_users = dict(MenteeProfile.objects.filter(pk__in=entrants).values_list("pk", "user_id"))
    for mentee, mentor in listed:
        if mentor_users[mentor] == mentee_users[mentee]:
            removed[(mentee, mentor)] = "self"
        elif mentor_users[mentor] in evaluators:
            removed[(mentee, mentor)] = "conflict"

    # What-ifs: another capacity, a pair left out or put back.
    for mentor, capacity in changes.get("capacities", {}).items():
        if int(mentor) in seats:
            seats[int(mentor)] = max(0, min(int(capacity), ROUND_MAX_CAPACITY))
    for mentee, mentor in changes.get("exclude", []):
        if (int(mentee), int(mentor)) in listed:
            removed[(int(mentee), int(mentor))] = "excluded"
    for mentee, mentor in changes.get("restore", []):
        if removed.get((int(mentee), int(mentor))) in ("marked", "excluded", "past"):
            del removed[(int(mentee), int(mentor))]

    lottery = lottery_order(round, entrants)
    position = {m: n for n, m in enumerate(lottery)}
    ranked: dict[int, dict[int, int]] = {}
    no_preference = set(
        Seat.objects.filter(round=round, no_preference=True).values_list("mentor_id", flat=True)
    )
    for mentor, mentee, rank in MentorRanking.objects.filter(round=round).values_list(
        "mentor_id", "mentee_id", "rank"
    ):
        if mentor not in no_preference:
            ranked.setdefault(mentor, {})[mentee] = rank
    mentor_prefs: dict[int, list[int]] = {m: [] for m in seats}
    for mentee, mentors in mentee_prefs.items():
        for mentor in mentors:
            if (mentee, mentor) not in removed:
                mentor_prefs[mentor].append(mentee)
    for mentor, mentees in mentor_prefs.items():
        own = ranked.get(mentor, {})
        mentees.sort(key=lambda m: (own.get(m, 10_000), position[m]))
    return Inputs(
        entrants=entrants,
        mentee_prefs=mentee_prefs,
        mentor_prefs=mentor_prefs,
        capacities=seats,
        removed=[(a, b, rule) for (a, b), rule in removed.items()],
        lottery=lottery,
        changes=changes,
    )


def _held(round: Round) -> dict[int, int]:
    """How many places each of the round's mentors' open pairings hold now."""
    held = (
        Pairing.objects.open()
        .filter(mentor__in=Seat.objects.filter(round=round).values("mentor"))
        .order_by()
        .values("mentor")
        .annotate(n=Count("pk"))
        .values_list("mentor", "n")
    )
    return dict(held)


# --- the check --------------------------------------------------------------


@dataclass
class Problem:
    code: str
    message: str
    people: list = field(default_factory=list)
    blocking: bool = False
    accepted: dict | None = None

    @property
    def count(self) -> int:
        return len(self.people)

    @property
    def holds_the_run(self) -> bool:
        return self.blocking and bool(self.people) and not self.accepted


@dataclass
class Check:
    round: Round
    inputs: Inputs
    entrants: int
    seats: int
    problems: list[Problem]
    removed: list[tuple[str, str, int]]  # (rule, label, how many pairs)

    @property
    def can_run(self) -> bool:
        return not any(p.holds_the_run for p in self.problems)


def check(round: Round, inputs: Inputs | None = None) -> Check:
    """Before the run: who has no list, short lists, mentors nobody ranked, mentors
    with no places, places against mentees, pairs each rule removes. Those that
    would spoil the round hold the run until fixed or accepted."""
    inputs = inputs or round_input(round)
    names = dict(
        MenteeProfile.objects.filter(pk__in=inputs.entrants).values_list("pk", "user__name")
    )
    mentor_names = dict(
        MentorProfile.objects.filter(pk__in=list(inputs.capacities)).values_list("pk", "user__name")
    )
    no_list = [names[m] for m, prefs in inputs.mentee_prefs.items() if not prefs]
    short = [
        names[m] for m, prefs in inputs.mentee_prefs.items() if 0 < len(prefs) < round.list_min
    ]
    listed_mentors = {mentor for prefs in inputs.mentee_prefs.values() for mentor in prefs}
    nobody = [mentor_names[m] for m in inputs.capacities if m not in listed_mentors]
    zero = [mentor_names[m] for m, c in inputs.capacities.items() if c == 0]
    unconfirmed = list(
        Seat.objects.filter(round=round, confirmed_at__isnull=True).values_list(
            "mentor__user__name", flat=True
        )
    )
    seats = sum(inputs.capacities.values())
    with_lists = sum(1 for prefs in inputs.mentee_prefs.values() if prefs)
    accepted = round.accepted_problems or {}

    def problem(code, message, people, blocking=False):
        people = sorted(people)
        taken = accepted.get(code)
        if taken and taken.get("count") != len(people):
            taken = None  # accepted for other people than these: look again
        return Problem(code, message, people, blocking, taken)

    problems = [
        problem(
            "no_list",
            "Mentees with no list: the round can't match them.",
            no_list,
            blocking=True,
        ),
        problem(
            "short_lists",
            f"Lists shorter than {round.list_min}: a short list is more likely to end unmatched.",
            short,
            blocking=True,
        ),
        problem(
            "unconfirmed",
            "Mentors who haven't confirmed their places: their profile's open places count.",
            unconfirmed,
        ),
        problem("nobody", "Mentors nobody listed.", nobody),
        problem("zero", "Mentors with no places this round.", zero),
    ]
    if seats < with_lists:
        problems.append(
            problem(
                "few_seats",
                f"{seats} places for {with_lists} mentees with a list: some will be unmatched.",
                [f"{with_lists - seats} more places needed"],
                blocking=True,
            )
        )
    counts: dict[str, int] = {}
    for _, _, rule in inputs.removed:
        counts[rule] = counts.get(rule, 0) + 1
    removed = [(rule, label, counts.get(rule, 0)) for rule, label in RULES.items()]
    return Check(
        round=round,
        inputs=inputs,
        entrants=len(inputs.entrants),
        seats=seats,
        problems=problems,
        removed=removed,
    )


@transaction.atomic
def problems_accept(*, round: Round, by: User, code: str) -> Round:
    """A director accepts a problem of the check as it stands (for these people)."""
    round = lock_round(round)
    require_director(by, round)
    found = next((p for p in check(round).problems if p.code == code), None)
    if found is None or not found.people:
        raise RoundError("That problem is gone: nothing to accept.", code="no_problem")
    round.accepted_problems = {
        **round.accepted_problems,
        code: {"count": found.count, "by": by.name or by.email, "at": timezone.now().isoformat()},
    }
    round.save(update_fields=["accepted_problems"])
    return round


# --- runs -------------------------------------------------------------------


def solve_input(inputs: Inputs) -> dict:
    """The engine on an input: the pairs, each mentee's reasons, the figures."""
    matching = engine.stable_match(inputs.mentee_prefs, inputs.mentor_prefs, inputs.capacities)
    reasons = engine.explain(matching, inputs.mentee_prefs, inputs.mentor_prefs, inputs.capacities)
    rule = inputs.removed_rule()
    explanations = {}
    for mentee, items in reasons.items():
        explanations[str(mentee)] = [
            {
                "mentor": r.mentor,
                "why": rule.get((mentee, r.mentor), r.why) if r.why == "not_acceptable" else r.why,
                "held_by": list(r.held_by),
            }
            for r in items
        ]
    return {
        "result": {str(k): v for k, v in sorted(matching.items())},
        "explanations": explanations,
        "figures": figures(inputs, matching),
    }


def figures(inputs: Inputs, matching: dict[int, int]) -> dict:
    """The review page's headline: matched, first choice, top three, median rank,
    blocking pairs, each mentor's load."""
    ranks = engine.rank_of(matching, inputs.mentee_prefs)
    with_lists = [m for m in inputs.entrants if inputs.mentee_prefs.get(m)]
    load: dict[int, int] = {}
    for mentor in matching.values():
        load[mentor] = load.get(mentor, 0) + 1
    blocking = engine.blocking_pairs(
        matching, inputs.mentee_prefs, inputs.mentor_prefs, inputs.capacities
    )
    n = len(inputs.entrants)
    return {
        "mentees": n,
        "with_lists": len(with_lists),
        "matched": len(matching),
        "matched_pct": round(100 * len(matching) / n) if n else 0,
        "first": sum(1 for r in ranks.values() if r == 1),
        "top3": sum(1 for r in ranks.values() if r <= 3),
        "median_rank": statistics.median(ranks.values()) if ranks else None,
        "blocking": len(blocking),
        "places": sum(inputs.capacities.values()),
        "load": {str(m): [load.get(m, 0), c] for m, c in sorted(inputs.capacities.items())},
        "unmatched": sorted(set(inputs.entrants) - set(matching)),
    }


@transaction.atomic
def run_solve(
    *, round: Round, by: User, changes: dict | None = None, note: str = "", what_if: bool = False
) -> Run:
    """Solve the round as it stands (or, for a what-if, with changed capacities or
    exclusions), keep the input, seed, fingerprint, result and explanations."""
    round = lock_round(round)
    require_director(by, round)
    require_state(
        round,
        Round.State.CLOSED,
        Round.State.SOLVED,
        message="Close the lists before running the round.",
    )
    if what_if and round.state != Round.State.SOLVED:
        raise RoundError("Run the round once before asking “what if”.", code="not_solved")
    base = round.run if what_if else None
    inputs = round_input(round, {} if not what_if else changes)
    if not what_if:
        found = check(round, inputs)
        if not found.can_run:
            held = [p.message for p in found.problems if p.holds_the_run]
            raise RoundError("Fix or accept these first: " + " ".join(held), code="problems")
    solved = solve_input(inputs)
    number = (round.runs.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    run = Run.objects.create(
        round=round,
        number=number,
        is_draft=what_if,
        base=base,
        note=note.strip(),
        seed=round.seed,
        fingerprint=inputs.fingerprint(round.seed),
        input=inputs.as_json(),
        created_by=by,
        **solved,
    )
    if not what_if:
        round.state = Round.State.SOLVED
        round.save(update_fields=["state"])
    return run


@transaction.atomic
def run_adopt(*, run: Run, by: User) -> Run:
    """A what-if becomes the round's run: solved again from its kept input, so the
    round's run is always one the engine made."""
    round = lock_round(run.round)
    require_director(by, round)
    require_state(round, Round.State.SOLVED, message="Only a solved round takes a what-if.")
    if not run.is_draft:
        raise RoundError("This is the round's run already.", code="not_draft")
    inputs = Inputs.from_json(run.input)
    number = (round.runs.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return Run.objects.create(
        round=round,
        number=number,
        is_draft=False,
        base=run,
        note=f"From what-if run {run.number}: {run.note}".rstrip(": "),
        seed=run.seed,
        fingerprint=inputs.fingerprint(run.seed),
        input=run.input,
        created_by=by,
        **solve_input(inputs),
    )


def difference(base: Run, other: Run) -> dict:
    """What a what-if changes against its base: moved, newly matched, newly unmatched."""
    before, after = base.matched(), other.matched()
    return {
        "moved": sorted(m for m in before.keys() & after.keys() if before[m] != after[m]),
        "newly_matched": sorted(after.keys() - before.keys()),
        "newly_unmatched": sorted(before.keys() - after.keys()),
        "before": before,
        "after": after,
    }


@transaction.atomic
def override_move(
    *, run: Run, mentee: MenteeProfile, to_mentor: MentorProfile | None, by: User, reason: str
):
    """A director moves one mentee of the round's run to another mentor (or leaves
    them unmatched), with a reason; the move keeps the blocking pairs it makes."""
    round = lock_round(run.round)
    require_director(by, round)
    require_state(round, Round.State.SOLVED, message="Only a solved round can be changed.")
    if run.is_draft or round.run.pk != run.pk:
        raise RoundError("Move people in the round's run, not in a what-if.", code="not_the_run")
    reason = reason.strip()
    if not reason:
        raise RoundError("Say why you move them: the round keeps it.", code="no_reason")
    inputs = Inputs.from_json(run.input)
    if mentee.pk not in inputs.entrants:
        raise RoundError(f"{mentee} isn't in this round.", code="not_entrant")
    matched = run.matched()
    current = matched.get(mentee.pk)
    target = to_mentor.pk if to_mentor else None
    if target == current:
        raise RoundError("They are matched there already.", code="same_mentor")
    if target is not None:
        if target not in inputs.capacities:
            raise RoundError(f"{to_mentor} isn't one of this round's mentors.", code="not_in_round")
        rule = inputs.removed_rule().get((mentee.pk, target))
        if rule in ("conflict", "self", "marked", "excluded"):
            raise RoundError(
                f"{mentee} and {to_mentor} were left out before solving: {RULES[rule].lower()}.",
                code="removed",
            )
        load = sum(1 for m in matched.values() if m == target)
        if load >= inputs.capacities[target]:
            raise RoundError(
                f"{to_mentor} has no place left in this round: move someone off first, or "
                "try a higher capacity as a what-if.",
                code="full",
            )
        matched[mentee.pk] = target
    else:
        matched.pop(mentee.pk, None)
    blocking = engine.blocking_pairs(
        matched, inputs.mentee_prefs, inputs.mentor_prefs, inputs.capacities
    )
    return Override.objects.create(
        run=run,
        mentee=mentee,
        from_mentor_id=current,
        to_mentor=to_mentor,
        reason=reason,
        blocking_pairs=[list(p) for p in blocking],
        created_by=by,
    )
