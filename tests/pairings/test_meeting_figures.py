"""A pairing's meeting figures, defined once on Pairing: when the two last met, how
many meetings they held, days since they met, and whether the pairing is quiet.
Only held meetings count; a planned one counts for nothing until it is held."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mentorship.meetings.models import Meeting
from mentorship.pairings.models import Pairing
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)
SITE = ZoneInfo("America/Los_Angeles")


@pytest.fixture(autouse=True)
def site_time_zone():
    with timezone.override(SITE):
        yield


@pytest.fixture
def program(program):
    """The cast's program, with the default target the figures below count against."""
    assert program.meeting_target_days == 42
    return program


def pairing(program, name: str, status="active", started=TODAY - timedelta(days=100)):
    """A pairing of two people of its own (one per `name`), from the shared factories."""
    return make_pairing(
        make_mentor_profile(make_mentor(f"mentor-{name}@example.com"), programs=[program]),
        make_mentee_profile(make_mentee(f"mentee-{name}@example.com"), program=program),
        status,
        started_on=started,
    )


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=SITE)


def meeting(pairing, starts_at: datetime, status="held") -> Meeting:
    return Meeting.objects.create(pairing=pairing, starts_at=starts_at, status=status)


def figures(pairing):
    row = Pairing.objects.with_meeting_figures().select_related("program").get(pk=pairing.pk)
    return row.last_meeting_on, row.meetings_held, row.last_met


def test_a_pairing_that_never_met_counts_from_its_start(program):
    never = pairing(program, "never")

    row = Pairing.objects.with_meeting_figures().select_related("program").get(pk=never.pk)

    assert (row.last_meeting_on, row.meetings_held, row.last_met) == (None, 0, never.started_on)
    assert row.days_since_met(TODAY) == 100
    assert row.days_quiet(TODAY) == 100


def test_only_held_meetings_count_not_planned_ones(program):
    both = pairing(program, "both")
    meeting(both, at(TODAY - timedelta(days=50)))
    meeting(both, at(TODAY - timedelta(days=20)))
    meeting(both, at(TODAY - timedelta(days=5)), status="planned")  # planned, never held
    meeting(both, at(TODAY + timedelta(days=7)), status="planned")

    row = Pairing.objects.with_meeting_figures().select_related("program").get(pk=both.pk)

    assert figures(both) == (TODAY - timedelta(days=20), 2, TODAY - timedelta(days=20))
    assert row.days_since_met(TODAY) == 20
    assert row.days_quiet(TODAY) is None  # within the program's 42 days


def test_quiet_is_beyond_the_programs_target_not_at_it(program):
    at_target = pairing(program, "at")
    meeting(at_target, at(TODAY - timedelta(days=42)))
    beyond = pairing(program, "beyond")
    meeting(beyond, at(TODAY - timedelta(days=43)))

    rows = {p.pk: p for p in Pairing.objects.with_meeting_figures().select_related("program")}

    assert rows[at_target.pk].days_since_met(TODAY) == 42
    assert rows[at_target.pk].days_quiet(TODAY) is None
    assert rows[beyond.pk].days_quiet(TODAY) == 43


def test_a_paused_pairing_has_days_since_it_met_but_is_never_quiet(program):
    paused = pairing(program, "paused", status="paused")
    meeting(paused, at(TODAY - timedelta(days=80)))

    row = Pairing.objects.with_meeting_figures().select_related("program").get(pk=paused.pk)

    assert row.days_since_met(TODAY) == 80
    assert row.days_quiet(TODAY) is None


@pytest.mark.parametrize("status", ["ended", "proposed"])
def test_a_pairing_not_running_has_no_days_since_it_met(program, status):
    started = None if status == "proposed" else TODAY - timedelta(days=200)
    other = pairing(program, status, status=status, started=started)
    if status == "ended":
        meeting(other, at(TODAY - timedelta(days=150)))

    row = Pairing.objects.with_meeting_figures().select_related("program").get(pk=other.pk)

    assert row.meetings_held == (1 if status == "ended" else 0)
    assert row.days_since_met(TODAY) is None
    assert row.days_quiet(TODAY) is None


def test_the_last_meeting_is_dated_where_the_site_is(program):
    # 23:30 in California is already the next day in UTC: the site's day counts.
    late = pairing(program, "late")
    meeting(late, at(TODAY - timedelta(days=43), hour=23, minute=30))

    row = Pairing.objects.with_meeting_figures().select_related("program").get(pk=late.pk)

    assert row.last_meeting_on == TODAY - timedelta(days=43)
    assert row.days_since_met(TODAY) == 43
    assert row.days_quiet(TODAY) == 43


def test_today_defaults_to_the_sites_date(program):
    quiet = pairing(program, "quiet", started=timezone.localdate() - timedelta(days=60))

    row = Pairing.objects.with_meeting_figures().select_related("program").get(pk=quiet.pk)

    assert row.days_since_met() == 60
    assert row.days_quiet() == 60


def test_a_pairing_read_without_the_figures_reads_them_in_one_query(program):
    plain = pairing(program, "plain")
    meeting(plain, at(TODAY - timedelta(days=30)))
    plain = Pairing.objects.select_related("program").get(pk=plain.pk)

    with CaptureQueriesContext(connection) as queries:
        assert plain.days_since_met(TODAY) == 30
        assert plain.days_quiet(TODAY) is None

    assert len(queries) == 1


def test_the_figures_rule_for_plain_values_is_the_same():
    assert Pairing.days_since("active", TODAY - timedelta(days=9), TODAY) == 9
    assert Pairing.days_since("paused", TODAY - timedelta(days=9), TODAY) == 9
    assert Pairing.days_since("ended", TODAY - timedelta(days=9), TODAY) is None
    assert Pairing.days_since("active", None, TODAY) is None


def test_quiet_since_is_running_pairings_with_no_meeting_held_from_that_day(program):
    since = TODAY - timedelta(days=30)
    met_before = pairing(program, "before")
    meeting(met_before, at(since - timedelta(days=1), hour=23, minute=45))
    met_at_midnight = pairing(program, "midnight")
    meeting(met_at_midnight, at(since, hour=0, minute=15))  # on that day where the site is
    never_met = pairing(program, "never")  # started long before
    new = pairing(program, "new", started=since + timedelta(days=3))  # too new to be quiet
    paused = pairing(program, "paused", status="paused")
    pairing(program, "ended", status="ended")
    pairing(program, "proposed", status="proposed", started=None)
    only_planned = pairing(program, "planned")
    meeting(only_planned, at(since + timedelta(days=2)), status="planned")

    quiet = set(Pairing.objects.quiet_since(since).values_list("pk", flat=True))

    assert quiet == {met_before.pk, never_met.pk, paused.pk, only_planned.pk}
    assert met_at_midnight.pk not in quiet and new.pk not in quiet


def test_quiet_since_agrees_with_last_met(program):
    since = TODAY - timedelta(days=30)
    for days in (10, 29, 30, 31, 90):
        meeting(pairing(program, f"met-{days}"), at(TODAY - timedelta(days=days)))

    rows = Pairing.objects.with_meeting_figures()
    by_last_met = {p.pk for p in rows if p.last_met < since}

    assert set(Pairing.objects.quiet_since(since).values_list("pk", flat=True)) == by_last_met
    assert len(by_last_met) == 2
