"""Match Day's engine: hand-made cases, then seeded random rounds checked against the
`matching` package (a test-only oracle) and against the definitions themselves."""

import ast
import copy
import random
import re
import sys
import warnings
from collections import Counter
from pathlib import Path

import pytest

from mentorship.rounds.engine import Reason, blocking_pairs, explain, rank_of, stable_match

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "mentorship" / "rounds" / "engine.py"

# The textbook hospital–resident instance (the `matching` package's own example).
RESIDENTS = {
    "A": ["C"],
    "S": ["C", "M"],
    "D": ["C", "M", "G"],
    "L": ["M", "C", "G"],
    "J": ["C", "G", "M"],
}
HOSPITALS = {"M": ["D", "L", "S", "J"], "C": ["D", "A", "S", "L", "J"], "G": ["D", "J", "L"]}
PLACES = {"M": 2, "C": 2, "G": 2}


# The rules, written out plainly (quadratic, for small rounds only).


def places(mentor, mentor_prefs, capacities):
    return max(capacities.get(mentor, 0), 0) if mentor in mentor_prefs else 0


def acceptable(mentee, mentor, mentor_prefs, capacities):
    return places(mentor, mentor_prefs, capacities) > 0 and mentee in mentor_prefs[mentor]


def first_place(items, item):
    return list(items).index(item) if item in items else float("inf")


def plain_blocking_pairs(matching, mentee_prefs, mentor_prefs, capacities):
    pairs = set()
    for mentee, wishes in mentee_prefs.items():
        for mentor in set(wishes):
            if not acceptable(mentee, mentor, mentor_prefs, capacities):
                continue
            if mentee in matching and first_place(wishes, mentor) >= first_place(
                wishes, matching[mentee]
            ):
                continue
            held = [other for other, theirs in matching.items() if theirs == mentor]
            ranks = mentor_prefs[mentor]
            if len(held) < places(mentor, mentor_prefs, capacities) or any(
                first_place(ranks, other) > first_place(ranks, mentee) for other in held
            ):
                pairs.add((mentee, mentor))
    return pairs


def oracle(mentee_prefs, mentor_prefs, capacities):
    """The resident-optimal matching from the `matching` package.

    The package wants a consistent game: no repeats, only players in the game, each
    hospital ranking exactly the residents who rank it, capacities of at least 1 and
    no empty lists. So the unacceptable pairs are removed here first, by the rules
    above; any warning it still gives is an error.
    """
    with warnings.catch_warnings():
        from matching.games import HospitalResident

        warnings.simplefilter("error")
        residents = {}
        for mentee, wishes in mentee_prefs.items():
            kept = [
                mentor
                for mentor in dict.fromkeys(wishes)
                if acceptable(mentee, mentor, mentor_prefs, capacities)
            ]
            if kept:
                residents[mentee] = kept
        asked = {}
        for mentee, kept in residents.items():
            for mentor in kept:
                asked.setdefault(mentor, set()).add(mentee)
        hospitals = {
            mentor: [mentee for mentee in dict.fromkeys(mentor_prefs[mentor]) if mentee in who]
            for mentor, who in asked.items()
        }
        game = HospitalResident.create_from_dictionaries(
            residents, hospitals, {mentor: capacities[mentor] for mentor in hospitals}
        )
        game.solve(optimal="resident")
        assert game.check_validity() and game.check_stability()
    return {
        resident.name: resident.matching.name for resident in game.residents if resident.matching
    }


def random_round(seed, mentees, mentors):
    """A round with the untidy parts a real one may have: repeats, unknown mentors,
    mentors who leave some askers off or rank people who did not ask, no places,
    missing capacities, mixed kinds of id."""
    rng = random.Random(seed)
    kind = seed % 3
    if kind == 0:
        mentee_ids, mentor_ids = list(range(mentees)), list(range(mentors))  # overlapping ints
    elif kind == 1:
        mentee_ids = [f"mentee-{i}" for i in range(mentees)]
        mentor_ids = [f"mentor-{i}" for i in range(mentors)]
    else:
        mentee_ids = [i if i % 2 else (f"m{i}", i) for i in range(mentees)]
        mentor_ids = [f"r{i}" if i % 2 else i for i in range(mentors)]
    popular = mentor_ids[: max(1, mentors // 5)]

    mentee_prefs = {}
    for mentee in mentee_ids:
        wishes = rng.sample(mentor_ids, rng.randint(0, min(6, mentors)))
        if rng.random() < 0.5:
            wishes.insert(0, rng.choice(popular))  # a few mentors are asked by many
        if rng.random() < 0.1:
            wishes.insert(rng.randint(0, len(wishes)), "nobody-knows")
        if wishes and rng.random() < 0.1:
            wishes.append(rng.choice(wishes))
        mentee_prefs[mentee] = wishes

    mentor_prefs, capacities = {}, {}
    for mentor in mentor_ids:
        asked_by = [mentee for mentee in mentee_ids if mentor in mentee_prefs[mentee]]
        ranking = [mentee for mentee in asked_by if rng.random() > 0.15]
        ranking += rng.sample(mentee_ids, rng.randint(0, 2))
        rng.shuffle(ranking)
        if ranking and rng.random() < 0.1:
            ranking.append(rng.choice(ranking))
        if rng.random() > 0.05:
            mentor_prefs[mentor] = ranking
        if rng.random() > 0.05:
            capacities[mentor] = rng.choice([0, 1, 1, 1, 2, 2, 3])
    return mentee_prefs, mentor_prefs, capacities


def random_matching(seed, mentee_prefs):
    """Any matching at all, stable or not, over capacity or not."""
    rng = random.Random(seed)
    matching = {}
    for mentee, wishes in mentee_prefs.items():
        if wishes and rng.random() < 0.7:
            matching[mentee] = rng.choice(wishes)
    return matching


def check_explained(matching, mentee_prefs, mentor_prefs, capacities):
    """Every mentor a mentee ranked above their match has one of the three reasons of a
    stable matching, and the reason is true."""
    reasons = explain(matching, mentee_prefs, mentor_prefs, capacities)
    assert reasons.keys() == mentee_prefs.keys()
    for mentee, wishes in mentee_prefs.items():
        higher = list(dict.fromkeys(wishes))
        if mentee in matching:
            higher = higher[: higher.index(matching[mentee])]
        assert [reason.mentor for reason in reasons[mentee]] == higher
        for reason in reasons[mentee]:
            mentor = reason.mentor
            room = places(mentor, mentor_prefs, capacities)
            assert reason.why in {"full", "not_acceptable", "no_places"}
            if reason.why == "no_places":
                assert room == 0 and reason.held_by == ()
            elif reason.why == "not_acceptable":
                assert room > 0 and mentee not in mentor_prefs[mentor]
                assert reason.held_by == ()
            else:
                ranks = mentor_prefs[mentor]
                held = [other for other, theirs in matching.items() if theirs == mentor]
                assert list(reason.held_by) == sorted(held, key=ranks.index)
                assert len(held) == room
                assert all(ranks.index(other) < ranks.index(mentee) for other in held)


def check_stable(matching, mentee_prefs, mentor_prefs, capacities):
    taken = Counter(matching.values())
    for mentor, count in taken.items():
        assert count <= places(mentor, mentor_prefs, capacities)
    for mentee, mentor in matching.items():
        assert mentor in mentee_prefs[mentee]
        assert acceptable(mentee, mentor, mentor_prefs, capacities)
    assert blocking_pairs(matching, mentee_prefs, mentor_prefs, capacities) == []
    assert plain_blocking_pairs(matching, mentee_prefs, mentor_prefs, capacities) == set()
    check_explained(matching, mentee_prefs, mentor_prefs, capacities)


# Hand-made rounds.


def test_the_textbook_round_matches_each_resident_at_their_best_stable_hospital():
    matching = stable_match(RESIDENTS, HOSPITALS, PLACES)

    assert matching == {"A": "C", "S": "M", "D": "C", "L": "M", "J": "G"}
    assert list(matching) == list(RESIDENTS)
    assert matching == oracle(RESIDENTS, HOSPITALS, PLACES)
    assert rank_of(matching, RESIDENTS) == {"A": 1, "S": 2, "D": 1, "L": 1, "J": 2}
    check_stable(matching, RESIDENTS, HOSPITALS, PLACES)


def test_the_textbook_round_says_who_filled_the_places_a_mentee_wanted():
    matching = stable_match(RESIDENTS, HOSPITALS, PLACES)

    assert explain(matching, RESIDENTS, HOSPITALS, PLACES) == {
        "A": [],
        "S": [Reason("C", "full", ("D", "A"))],
        "D": [],
        "L": [],
        "J": [Reason("C", "full", ("D", "A"))],
    }


def test_mentees_get_their_best_stable_mentor_not_the_mentors_best():
    # Two stable matchings: everyone's first choice for the mentees, or for the mentors.
    mentee_prefs = {"a": ["x", "y", "z"], "b": ["y", "z", "x"], "c": ["z", "x", "y"]}
    mentor_prefs = {"x": ["b", "c", "a"], "y": ["c", "a", "b"], "z": ["a", "b", "c"]}
    capacities = {"x": 1, "y": 1, "z": 1}

    matching = stable_match(mentee_prefs, mentor_prefs, capacities)

    assert matching == {"a": "x", "b": "y", "c": "z"}
    mentor_best = {"b": "x", "c": "y", "a": "z"}
    assert blocking_pairs(mentor_best, mentee_prefs, mentor_prefs, capacities) == []


def test_the_result_does_not_depend_on_the_order_mentees_are_given_in():
    backwards = dict(reversed(RESIDENTS.items()))

    assert stable_match(backwards, HOSPITALS, PLACES) == stable_match(RESIDENTS, HOSPITALS, PLACES)


def test_a_mentor_with_no_places_takes_nobody_and_says_so():
    mentee_prefs = {"ana": ["kim", "lee"], "ben": ["kim"]}
    mentor_prefs = {"kim": ["ana", "ben"], "lee": ["ana"]}
    capacities = {"kim": 0, "lee": 1}

    matching = stable_match(mentee_prefs, mentor_prefs, capacities)

    assert matching == {"ana": "lee"}
    assert explain(matching, mentee_prefs, mentor_prefs, capacities) == {
        "ana": [Reason("kim", "no_places")],
        "ben": [Reason("kim", "no_places")],
    }


def test_a_negative_or_missing_capacity_counts_as_no_places():
    mentee_prefs = {"ana": ["kim", "lee", "max"]}
    mentor_prefs = {"kim": ["ana"], "lee": ["ana"], "max": ["ana"]}

    assert stable_match(mentee_prefs, mentor_prefs, {"kim": -1, "max": 1}) == {"ana": "max"}


def test_a_mentor_missing_from_the_mentor_lists_takes_nobody():
    mentee_prefs = {"ana": ["kim", "lee"]}

    matching = stable_match(mentee_prefs, {"lee": ["ana"]}, {"kim": 3, "lee": 1})

    assert matching == {"ana": "lee"}


def test_empty_lists_leave_people_unmatched():
    assert stable_match({}, {}, {}) == {}
    assert stable_match({"ana": []}, {"kim": []}, {"kim": 2}) == {}
    mentee_prefs = {"ana": [], "ben": ["kim"]}
    mentor_prefs = {"kim": ["ben"]}
    matching = stable_match(mentee_prefs, mentor_prefs, {"kim": 1})
    assert matching == {"ben": "kim"}
    assert explain(matching, mentee_prefs, mentor_prefs, {"kim": 1}) == {"ana": [], "ben": []}
    assert rank_of(matching, mentee_prefs) == {"ben": 1}


def test_a_mentor_nobody_knows_is_passed_over():
    mentee_prefs = {"ana": ["ghost", "kim"]}
    mentor_prefs = {"kim": ["ana"]}

    matching = stable_match(mentee_prefs, mentor_prefs, {"kim": 1})

    assert matching == {"ana": "kim"}
    assert rank_of(matching, mentee_prefs) == {"ana": 2}
    assert explain(matching, mentee_prefs, mentor_prefs, {"kim": 1}) == {
        "ana": [Reason("ghost", "no_places")]
    }


def test_repeats_in_a_list_count_once_at_their_first_place():
    mentee_prefs = {"ana": ["kim", "kim", "lee"], "ben": ["lee", "kim", "lee"]}
    # kim lists ben first and again after ana: ben stays ahead of ana.
    mentor_prefs = {"kim": ["ben", "ana", "ben"], "lee": ["ana", "ana", "ben"]}
    capacities = {"kim": 1, "lee": 1}

    matching = stable_match(mentee_prefs, mentor_prefs, capacities)

    assert matching == {"ana": "kim", "ben": "lee"}
    assert matching == oracle(mentee_prefs, mentor_prefs, capacities)
    assert rank_of(matching, mentee_prefs) == {"ana": 1, "ben": 1}
    check_stable(matching, mentee_prefs, mentor_prefs, capacities)
    # Were kim full with ben, ana's reason would name ben once.
    assert explain({"ana": "lee", "ben": "kim"}, mentee_prefs, mentor_prefs, capacities)["ana"] == [
        Reason("kim", "full", ("ben",))
    ]


def test_ids_may_be_ints_strings_or_tuples_and_the_two_sides_may_share_them():
    mentee_prefs = {1: [1, "two"], "1": ["two", 1], (1, "x"): [1]}
    mentor_prefs = {1: [(1, "x"), 1, "1"], "two": [1, "1"]}
    capacities = {1: 1, "two": 1}

    matching = stable_match(mentee_prefs, mentor_prefs, capacities)

    assert matching == {1: "two", (1, "x"): 1}
    assert matching == oracle(mentee_prefs, mentor_prefs, capacities)
    check_stable(matching, mentee_prefs, mentor_prefs, capacities)


def test_a_mentor_who_leaves_a_mentee_off_their_list_is_not_acceptable_to_them():
    mentee_prefs = {"ana": ["kim", "lee"], "ben": ["kim"]}
    mentor_prefs = {"kim": ["ben"], "lee": ["ana"]}
    capacities = {"kim": 2, "lee": 1}

    matching = stable_match(mentee_prefs, mentor_prefs, capacities)

    assert matching == {"ana": "lee", "ben": "kim"}
    assert explain(matching, mentee_prefs, mentor_prefs, capacities)["ana"] == [
        Reason("kim", "not_acceptable")
    ]
    check_stable(matching, mentee_prefs, mentor_prefs, capacities)


def test_a_mentor_ranking_someone_who_did_not_ask_never_gets_them():
    matching = stable_match({"ana": ["lee"], "ben": []}, {"kim": ["ben", "ana"]}, {"kim": 2})

    assert matching == {}


def test_the_inputs_are_left_as_they_were():
    given = copy.deepcopy((RESIDENTS, HOSPITALS, PLACES))

    stable_match(RESIDENTS, HOSPITALS, PLACES)

    assert given == (RESIDENTS, HOSPITALS, PLACES)


def test_blocking_pairs_finds_a_pair_planted_in_a_hand_made_matching():
    mentee_prefs = {"ana": ["kim", "lee"], "ben": ["kim", "lee"], "cai": ["lee"]}
    mentor_prefs = {"kim": ["ana", "ben"], "lee": ["ana", "ben", "cai"]}
    capacities = {"kim": 1, "lee": 2}
    # ana and kim would both rather have each other than ben and lee.
    swapped = {"ana": "lee", "ben": "kim", "cai": "lee"}

    assert blocking_pairs(swapped, mentee_prefs, mentor_prefs, capacities) == [("ana", "kim")]
    assert explain(swapped, mentee_prefs, mentor_prefs, capacities)["ana"] == [
        Reason("kim", "would_take", ("ben",))
    ]
    assert stable_match(mentee_prefs, mentor_prefs, capacities) == {
        "ana": "kim",
        "ben": "lee",
        "cai": "lee",
    }


def test_blocking_pairs_counts_an_unmatched_mentee_and_a_free_place():
    mentee_prefs = {"ana": ["kim"], "ben": ["kim"]}
    mentor_prefs = {"kim": ["ana", "ben"]}

    assert blocking_pairs({}, mentee_prefs, mentor_prefs, {"kim": 1}) == [
        ("ana", "kim"),
        ("ben", "kim"),
    ]
    assert blocking_pairs({"ben": "kim"}, mentee_prefs, mentor_prefs, {"kim": 2}) == [
        ("ana", "kim")
    ]
    assert blocking_pairs({"ben": "kim"}, mentee_prefs, mentor_prefs, {"kim": 1}) == [
        ("ana", "kim")
    ]
    assert blocking_pairs({"ana": "kim"}, mentee_prefs, mentor_prefs, {"kim": 1}) == []


def test_a_hand_placed_mentee_the_mentor_did_not_rank_counts_below_everyone():
    mentee_prefs = {"ana": ["kim"], "ben": ["lee"]}
    mentor_prefs = {"kim": ["ana"], "lee": ["ben"]}
    capacities = {"kim": 1, "lee": 1}
    placed = {"ben": "kim"}

    assert blocking_pairs(placed, mentee_prefs, mentor_prefs, capacities) == [
        ("ana", "kim"),
        ("ben", "lee"),
    ]
    assert rank_of(placed, mentee_prefs) == {}


def test_rank_of_counts_from_one_at_the_first_place_a_mentor_appears():
    mentee_prefs = {"ana": ["kim", "lee", "kim", "max"], "ben": ["max"]}

    assert rank_of({"ana": "max", "ben": "max"}, mentee_prefs) == {"ana": 4, "ben": 1}
    assert rank_of({"ana": "kim"}, mentee_prefs) == {"ana": 1}


# Seeded random rounds.


@pytest.mark.parametrize("seed", range(50))
def test_a_random_round_matches_the_oracle_and_is_stable(seed):
    mentees, mentors = (6, 3) if seed % 2 else (60, 15)
    mentee_prefs, mentor_prefs, capacities = random_round(seed, mentees, mentors)

    matching = stable_match(mentee_prefs, mentor_prefs, capacities)

    assert matching == oracle(mentee_prefs, mentor_prefs, capacities)
    check_stable(matching, mentee_prefs, mentor_prefs, capacities)
    rank = rank_of(matching, mentee_prefs)
    assert rank.keys() == matching.keys()
    for mentee, choice in rank.items():
        assert mentee_prefs[mentee].index(matching[mentee]) == choice - 1


@pytest.mark.parametrize("seed", range(50))
def test_blocking_pairs_and_reasons_agree_with_the_rules_on_any_matching(seed):
    mentee_prefs, mentor_prefs, capacities = random_round(seed, 30, 8)
    matching = random_matching(seed, mentee_prefs)

    pairs = blocking_pairs(matching, mentee_prefs, mentor_prefs, capacities)

    assert len(pairs) == len(set(pairs))
    assert set(pairs) == plain_blocking_pairs(matching, mentee_prefs, mentor_prefs, capacities)
    reasons = explain(matching, mentee_prefs, mentor_prefs, capacities)
    would_take = {
        (mentee, reason.mentor)
        for mentee, given in reasons.items()
        for reason in given
        if reason.why == "would_take"
    }
    assert would_take == set(pairs)


def test_a_round_of_a_thousand_mentees_is_stable():
    mentee_prefs, mentor_prefs, capacities = random_round(7, 1000, 200)

    matching = stable_match(mentee_prefs, mentor_prefs, capacities)

    assert blocking_pairs(matching, mentee_prefs, mentor_prefs, capacities) == []
    assert all(count <= capacities[mentor] for mentor, count in Counter(matching.values()).items())


# What the engine and the app import.


def test_the_engine_imports_only_the_standard_library():
    imported = set()
    for node in ast.walk(ast.parse(ENGINE.read_text())):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])

    assert imported
    assert imported <= sys.stdlib_module_names


def test_the_app_never_imports_the_matching_package():
    pattern = re.compile(r"^\s*(import\s+matching\b|from\s+matching\b)", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("mentorship", "accounts")
        for path in (ROOT / package).rglob("*.py")
        if pattern.search(path.read_text())
    ]

    assert offenders == []
