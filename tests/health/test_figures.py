"""The health figures on the hand-built program of tests/health/conftest.py."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mentorship.health import figures
from mentorship.health.figures import Scope
from mentorship.years.models import AcademicYear

pytestmark = pytest.mark.django_db


def scope_of(program, start, **fields) -> Scope:
    return Scope(
        programs=(program,),
        starts_on=start,
        ends_on=AcademicYear.last_day_after(start),
        **fields,
    )


def test_coverage_counts_residents_with_an_active_mentor_by_level(world, program):
    coverage = figures.coverage(scope_of(program, world["start"]))
    assert (coverage.residents, coverage.mentored, coverage.pct) == (4, 2, 50)
    assert coverage.by_level == [("ca1", 2, 2), ("ca2", 2, 0)]
    assert coverage.table().rows[-1] == ["Every level", 4, 2, "50%"]


def test_coverage_of_one_level_and_one_mentor_type(world, program):
    assert figures.coverage(scope_of(program, world["start"], level="ca2")).residents == 2
    near_peer = figures.coverage(scope_of(program, world["start"], kind="near_peer"))
    assert (near_peer.residents, near_peer.mentored) == (4, 0)


def test_median_days_to_match_reads_pairings_made_from_a_request(world, program):
    match = figures.days_to_match(scope_of(program, world["start"]))
    assert match.days == [4, 20]
    assert match.median == 12


def test_first_meeting_within_30_days(world, program):
    first = figures.first_meetings(scope_of(program, world["start"]))
    assert sorted(first.days) == [5, 6, 50]
    assert (first.within, first.decided, first.pct) == (2, 3, 67)


def test_pairs_meeting_at_least_quarterly(world, program):
    rhythm = figures.rhythm(scope_of(program, world["start"]))
    # Alex and Dr Park ran 56 days: too short to tell.
    assert (rhythm.quarterly, len(rhythm.counted), rhythm.pct) == (1, 2, 50)
    # Against one meeting every 42 days: Sam and Dr Chen's 4 in 352 days, Ana and
    # Dr Levin's 1 are under half; Alex and Dr Park's 1 in 56 days is more than half.
    assert dict(rhythm.table().rows) == {
        "No meeting yet": 0,
        "Under half the target": 2,
        "Half the target or more": 1,
        "At the target or more": 0,
        "Under a month: too early": 0,
    }


def test_commitments_kept_are_done_of_those_due(world, program):
    kept = figures.commitments(scope_of(program, world["start"]))
    assert (kept.due, kept.kept, kept.pct) == (3, 2, 67)


def test_funnel_from_invited_to_met(world, program):
    funnel = figures.funnel(scope_of(program, world["start"]))
    assert (funnel.invited, funnel.joined, funnel.matched, funnel.met) == (3, 2, 1, 1)
    assert funnel.table().rows[0] == ["Invited", 3, "100%"]


def test_another_programs_rows_are_not_counted(world, program, other_program):
    both = Scope(
        programs=(program, other_program),
        starts_on=world["start"],
        ends_on=AcademicYear.last_day_after(world["start"]),
    )
    assert figures.coverage(both).residents == 5
    assert figures.coverage(scope_of(program, world["start"])).residents == 4


def test_standing_of_active_pairs_today(program, sam, chen, ana, levin, noor):
    """Standing is as of today: a pair quiet past the target needs a check-in, one
    that hasn't met yet and began within it is too early, one that met lately is
    on track."""
    from tests.factories import make_appointment, make_pairing
    from tests.health.conftest import held

    today = timezone.localdate()
    this_start = program.year_start_on_or_before(today)
    for person in (sam, ana, noor):
        make_appointment(person.user, program=program, level="ca1", day=today)
    quiet = make_pairing(chen, sam, started_on=today - timedelta(days=1))
    held(quiet, today - timedelta(days=1))
    make_pairing(levin, ana, started_on=today)
    scope = Scope((program,), this_start, AcademicYear.last_day_after(this_start), today=today)
    assert figures.standings(scope).counts == {"on_track": 1, "check_in": 0, "too_early": 1}
    later = Scope(
        (program,),
        this_start,
        AcademicYear.last_day_after(this_start),
        today=today + timedelta(days=60),
    )
    assert figures.standings(later).counts["check_in"] == 2
