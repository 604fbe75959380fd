"""Match Day's engine: stable matching of mentees to mentors with capacities, and why.

Pure functions over plain dictionaries (standard library only, no Django), so the
round's service can hand it ids and store what comes back. The problem is the
hospital–resident one (Gale and Shapley's college admissions): mentees are the
residents, mentors the hospitals with a number of places.

- `mentee_prefs[mentee]` lists the mentors that mentee would like, best first.
- `mentor_prefs[mentor]` lists the mentees who asked for that mentor, best first
  in the mentor's eyes; a mentee left off it is one the mentor would not take.
- `capacities[mentor]` is how many mentees the mentor takes (0 allowed).

A pair can be matched only when each lists the other and the mentor has places.
A mentor missing from `mentor_prefs` or `capacities` takes nobody. Ids are any
hashable values and are never compared with each other. Repeated entries in a
list count once, at their first place; a mentor id nobody knows is passed over.
A matching is a `dict[mentee, mentor]`; mentees left unmatched are not in it.
"""

from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from heapq import heappush, heapreplace
from typing import Literal, TypeAlias

Mentee: TypeAlias = Hashable
Mentor: TypeAlias = Hashable
MenteePrefs: TypeAlias = Mapping[Mentee, Sequence[Mentor]]
MentorPrefs: TypeAlias = Mapping[Mentor, Sequence[Mentee]]
Capacities: TypeAlias = Mapping[Mentor, int]
Matching: TypeAlias = Mapping[Mentee, Mentor]

# The rank given to a held mentee that the mentor's list leaves out (a hand-made
# matching can hold one): below everyone the mentor does rank.
UNRANKED = float("inf")


def _ranks(mentees: Iterable[Mentee]) -> dict[Mentee, int]:
    """Each mentee's place in a mentor's list (0 is best); a repeat keeps its first place."""
    ranks: dict[Mentee, int] = {}
    for place, mentee in enumerate(mentees):
        ranks.setdefault(mentee, place)
    return ranks


def _capacity(mentor: Mentor, mentor_prefs: MentorPrefs, capacities: Capacities) -> int:
    """The mentor's places: 0 when the mentor is missing from either mapping."""
    if mentor not in mentor_prefs:
        return 0
    return max(capacities.get(mentor, 0), 0)


def stable_match(
    mentee_prefs: MenteePrefs, mentor_prefs: MentorPrefs, capacities: Capacities
) -> dict[Mentee, Mentor]:
    """The mentee-optimal stable matching, by mentee-proposing deferred acceptance.

    Every mentee asks the mentors on their list in order; a mentor holds the best
    mentees who have asked so far, up to its capacity, and lets the worst one go
    when a better one asks. The result is stable (no mentee and mentor would both
    rather have each other than what they got) and each mentee gets the best mentor
    they can have in any stable matching, whatever order the mentees ask in.
    Time is linear in the total length of the lists (times log capacity).
    """
    # Per mentor, made on first ask: (ranks, heap of (-rank, mentee) it holds, places).
    # None marks a mentor who takes nobody. Ranks are unique per mentor, so the heap
    # never compares two mentees.
    mentors: dict[Mentor, tuple[dict[Mentee, int], list, int] | None] = {}
    next_ask: dict[Mentee, int] = {}
    free = list(mentee_prefs)
    free.reverse()  # pop() takes the mentees in the order given
    while free:
        mentee = free.pop()
        wishes = mentee_prefs[mentee]
        ask = next_ask.get(mentee, 0)
        while ask < len(wishes):
            mentor = wishes[ask]
            ask += 1
            try:
                state = mentors[mentor]
            except KeyError:
                places = _capacity(mentor, mentor_prefs, capacities)
                state = (_ranks(mentor_prefs[mentor]), [], places) if places else None
                mentors[mentor] = state
            if state is None:
                continue
            ranks, held, places = state
            rank = ranks.get(mentee)
            if rank is None:
                continue
            if len(held) < places:
                heappush(held, (-rank, mentee))
                break
            if -held[0][0] > rank:  # the worst one held ranks below this mentee
                free.append(heapreplace(held, (-rank, mentee))[1])
                break
        next_ask[mentee] = ask

    matched = {
        mentee: mentor for mentor, state in mentors.items() if state for _, mentee in state[1]
    }
    return {mentee: matched[mentee] for mentee in mentee_prefs if mentee in matched}


def _held(matching: Matching) -> dict[Mentor, list[Mentee]]:
    """The mentees each mentor holds in a matching."""
    held: dict[Mentor, list[Mentee]] = {}
    for mentee, mentor in matching.items():
        held.setdefault(mentor, []).append(mentee)
    return held


_NOBODY = object()


def _higher_choices(
    mentee: Mentee, matching: Matching, mentee_prefs: MenteePrefs
) -> Iterator[Mentor]:
    """The mentors the mentee listed above their match (all of them when unmatched),
    in the mentee's order, each once."""
    match = matching.get(mentee, _NOBODY)
    seen = set()
    for mentor in mentee_prefs[mentee]:
        if mentor == match:
            return
        if mentor not in seen:
            seen.add(mentor)
            yield mentor


def blocking_pairs(
    matching: Matching, mentee_prefs: MenteePrefs, mentor_prefs: MentorPrefs, capacities: Capacities
) -> list[tuple[Mentee, Mentor]]:
    """The pairs who would both rather have each other than what the matching gives them.

    (mentee, mentor) blocks when each lists the other, the mentor has places, the
    mentee is unmatched or listed this mentor above their match, and the mentor
    has a free place or holds someone it ranks below the mentee (or someone it
    does not rank at all). Empty exactly when the matching is stable. Linear in
    the total length of the lists.
    """
    ranks: dict[Mentor, dict[Mentee, int]] = {}
    worst: dict[Mentor, float] = {}  # the worst rank among those held, when full
    for mentor, held in _held(matching).items():
        places = _capacity(mentor, mentor_prefs, capacities)
        if places and len(held) >= places:
            ranks[mentor] = mentor_ranks = _ranks(mentor_prefs[mentor])
            worst[mentor] = max(mentor_ranks.get(mentee, UNRANKED) for mentee in held)

    pairs = []
    for mentee in mentee_prefs:
        for mentor in _higher_choices(mentee, matching, mentee_prefs):
            try:
                mentor_ranks = ranks[mentor]
            except KeyError:
                if not _capacity(mentor, mentor_prefs, capacities):
                    continue
                ranks[mentor] = mentor_ranks = _ranks(mentor_prefs[mentor])
            rank = mentor_ranks.get(mentee)
            if rank is not None and rank < worst.get(mentor, UNRANKED):
                pairs.append((mentee, mentor))
    return pairs


Why: TypeAlias = Literal["full", "not_acceptable", "no_places", "would_take"]


@dataclass(frozen=True)
class Reason:
    """Why a mentee did not get a mentor they ranked above the one they got.

    - "full": the mentor's places all went to mentees the mentor ranked higher;
      `held_by` names them, in the mentor's order.
    - "not_acceptable": the mentor's list leaves this mentee out.
    - "no_places": the mentor takes nobody this round (no places, or not in the round).
    - "would_take": the mentor had room or holds someone it ranks lower, so the pair
      blocks the matching. Never so for `stable_match`'s result; it can follow a
      hand-made change. `held_by` names those the mentor holds, in its order.
    """

    mentor: Mentor
    why: Why
    held_by: tuple[Mentee, ...] = ()


def explain(
    matching: Matching, mentee_prefs: MenteePrefs, mentor_prefs: MentorPrefs, capacities: Capacities
) -> dict[Mentee, list[Reason]]:
    """For each mentee, a `Reason` for each mentor they listed above their match
    (every mentor they listed, when unmatched), in the mentee's order."""
    held = _held(matching)
    # Per mentor, made on first use: (ranks, those held in the mentor's order, the
    # worst rank held when every place is taken) or None for a mentor with no places.
    mentors: dict[Mentor, tuple[dict[Mentee, int], tuple[Mentee, ...], float] | None] = {}

    def reason(mentee: Mentee, mentor: Mentor) -> Reason:
        if mentor not in mentors:
            places = _capacity(mentor, mentor_prefs, capacities)
            if places:
                ranks = _ranks(mentor_prefs[mentor])
                holds = sorted(held.get(mentor, ()), key=lambda other: ranks.get(other, UNRANKED))
                worst = ranks.get(holds[-1], UNRANKED) if len(holds) >= places else UNRANKED
                mentors[mentor] = (ranks, tuple(holds), worst)
            else:
                mentors[mentor] = None
        state = mentors[mentor]
        if state is None:
            return Reason(mentor, "no_places")
        ranks, holds, worst = state
        rank = ranks.get(mentee)
        if rank is None:
            return Reason(mentor, "not_acceptable")
        return Reason(mentor, "full" if worst < rank else "would_take", holds)

    return {
        mentee: [
            reason(mentee, mentor) for mentor in _higher_choices(mentee, matching, mentee_prefs)
        ]
        for mentee in mentee_prefs
    }


def rank_of(matching: Matching, mentee_prefs: MenteePrefs) -> dict[Mentee, int]:
    """Which choice each matched mentee got: 1 for the first mentor on their list.

    A mentee matched to a mentor they did not list (a hand-made change) is left out.
    """
    ranks = {}
    for mentee, mentor in matching.items():
        wishes = mentee_prefs.get(mentee, ())
        if mentor in wishes:
            ranks[mentee] = list(wishes).index(mentor) + 1
    return ranks
