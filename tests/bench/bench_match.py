"""Match Day's engine against the `matching` package on one large round.

    .venv/bin/python tests/bench/bench_match.py [--mentees 10000 --mentors 3000 --seed 1]

Builds a round like a big program's: each mentee lists 10 mentors, drawn with
Zipf-like weights so a few mentors are asked by most mentees; each mentor ranks
everyone who listed them, in a random order, and takes 1 to 4 mentees. Times
`stable_match` (best of 3) and the package's resident-optimal HospitalResident
(once: building the game, whose input checks are quadratic, and solving it),
checks both give the same matching, and prints the times and the speed-up, with
the engine's blocking_pairs and explain on the result. Exits 1 unless the two
matchings are identical and nothing blocks.
Not a test (pytest collects test_*.py only); `matching` is a dev requirement.
"""

import argparse
import random
import sys
import threading
import time
import warnings
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mentorship.rounds.engine import blocking_pairs, explain, stable_match  # noqa: E402

LIST_LENGTH = 10


def build_round(mentees: int, mentors: int, seed: int):
    rng = random.Random(seed)
    mentor_ids = [f"mentor-{i}" for i in range(mentors)]
    cumulative = list(accumulate(1 / (k + 1) for k in range(mentors)))
    length = min(LIST_LENGTH, mentors)
    mentee_prefs = {}
    for mentee in range(mentees):
        wishes: dict[str, None] = {}
        while len(wishes) < length:
            for mentor in rng.choices(mentor_ids, cum_weights=cumulative, k=2 * length):
                wishes.setdefault(mentor)
        mentee_prefs[mentee] = list(wishes)[:length]
    mentor_prefs: dict[str, list[int]] = {mentor: [] for mentor in mentor_ids}
    for mentee, wishes in mentee_prefs.items():
        for mentor in wishes:
            mentor_prefs[mentor].append(mentee)
    for ranking in mentor_prefs.values():
        rng.shuffle(ranking)
    capacities = {mentor: rng.randint(1, 4) for mentor in mentor_ids}
    return mentee_prefs, mentor_prefs, capacities


def time_engine(mentee_prefs, mentor_prefs, capacities, repeat: int = 3):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        matching = stable_match(mentee_prefs, mentor_prefs, capacities)
        best = min(best, time.perf_counter() - start)
    return matching, best


def time_package(mentee_prefs, mentor_prefs, capacities):
    """The package's run, in a thread with a deep stack: its game starts with a
    `copy.deepcopy` of the players, which recurses from player to player."""
    result = []
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1024 * 1024 * 1024)
    worker = threading.Thread(
        target=lambda: result.append(_run_package(mentee_prefs, mentor_prefs, capacities))
    )
    worker.start()
    worker.join()
    if not result:
        raise SystemExit("The matching package did not finish (see the error above).")
    return result[0]


def _run_package(mentee_prefs, mentor_prefs, capacities):
    with warnings.catch_warnings():
        from matching.games import HospitalResident

        warnings.simplefilter("error")  # the round is consistent: any warning is a mistake
        # The package wants no empty lists: leave out mentors nobody asked for.
        hospitals = {mentor: ranking for mentor, ranking in mentor_prefs.items() if ranking}
        start = time.perf_counter()
        game = HospitalResident.create_from_dictionaries(
            mentee_prefs, hospitals, {mentor: capacities[mentor] for mentor in hospitals}
        )
        built = time.perf_counter()
        game.solve(optimal="resident")
        solved = time.perf_counter()
    matching = {
        resident.name: resident.matching.name for resident in game.residents if resident.matching
    }
    return matching, built - start, solved - built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentees", type=int, default=10_000)
    parser.add_argument("--mentors", type=int, default=3_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    mentee_prefs, mentor_prefs, capacities = build_round(args.mentees, args.mentors, args.seed)
    made = time.perf_counter() - start
    asked = sorted((len(ranking) for ranking in mentor_prefs.values()), reverse=True)
    print(
        f"Round: {args.mentees:,} mentees x {args.mentors:,} mentors, lists of {LIST_LENGTH}, "
        f"{sum(capacities.values()):,} places, seed {args.seed} (built in {made:.2f} s)"
    )
    print(f"  most asked-for mentors: {', '.join(f'{n:,}' for n in asked[:5])} mentees each")

    engine, engine_seconds = time_engine(mentee_prefs, mentor_prefs, capacities)
    print(f"  engine.stable_match (best of 3): {engine_seconds:8.3f} s")
    start = time.perf_counter()
    blocking = blocking_pairs(engine, mentee_prefs, mentor_prefs, capacities)
    checked = time.perf_counter()
    reasons = explain(engine, mentee_prefs, mentor_prefs, capacities)
    explained = time.perf_counter()
    print(
        f"  then blocking_pairs {checked - start:.3f} s ({len(blocking)} found), "
        f"explain {explained - checked:.3f} s ({sum(map(len, reasons.values())):,} reasons)"
    )
    package, built, solved = time_package(mentee_prefs, mentor_prefs, capacities)
    total = built + solved
    print(
        f"  matching 1.4.3 HospitalResident: {total:8.3f} s "
        f"(building the game {built:.3f} s, solving {solved:.3f} s)"
    )
    print(
        f"  speed-up: {total / engine_seconds:,.0f}x in all, "
        f"{solved / engine_seconds:,.0f}x against solving alone"
    )

    same = engine == package
    print(
        f"  matched: {len(engine):,} of {args.mentees:,} mentees by the engine, {len(package):,} by the package"
    )
    print(f"  identical results: {'yes' if same else 'NO'}")
    return 0 if same and not blocking else 1


if __name__ == "__main__":
    sys.exit(main())
