"""The demo's year of check-ins (mentorship/demo/checkins.py) and its annual
report's own section (mentorship/demo/review.py): something for the dashboard and
the report to show, some answered and some not, one low pulse."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from mentorship.checkins import totals
from mentorship.checkins.models import Answer, Checkin, FollowUp, Kind
from mentorship.programs.models import Program
from mentorship.years.models import YearReview

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_demo", stdout=StringIO())
    return Program.objects.get(slug="stanford-anesthesiology")


def test_a_year_of_check_ins_some_answered_some_not(seeded):
    checkins = Checkin.objects.filter(program=seeded)
    kinds = set(checkins.values_list("kind", flat=True))
    assert {Kind.FIT, Kind.PULSE} <= kinds
    statuses = set(checkins.values_list("status", flat=True))
    assert {Checkin.Status.ANSWERED, Checkin.Status.CLOSED} <= statuses
    today = timezone.localdate()
    assert not checkins.filter(opened_on__gt=today).exists()
    # Closed means fourteen days passed unanswered.
    assert not checkins.filter(status=Checkin.Status.OPEN, closes_on__lte=today).exists()
    assert not Answer.objects.filter(checkin__status=Checkin.Status.CLOSED).exists()


def test_one_low_pulse_puts_sams_pairing_on_the_directors_list(seeded):
    task = FollowUp.objects.get(program=seeded)
    assert task.reason == FollowUp.Reason.LOW_PULSE
    assert task.pairing.mentee.user.email == "mentee@example.com"
    assert task.done_at is None


def test_the_pulse_shows_as_a_total_and_by_level(seeded):
    year = seeded.years.get(starts_on=seeded.year_start_on_or_before(timezone.localdate()))
    cut = totals.Cut((seeded.pk,), year.starts_on, timezone.localdate())
    assert totals.pulse(cut).shown and 3.5 <= totals.pulse(cut).mean <= 4.6
    by_level = [totals.pulse(totals.Cut(cut.program_ids, cut.starts_on, cut.ends_on, level=lv))
                for lv in ("intern", "ca1", "ca2", "ca3")]  # fmt: skip
    assert sum(t.shown for t in by_level) >= 3


def test_the_director_has_written_the_years_review(seeded):
    review = YearReview.objects.get(year__program=seeded)
    assert review.themes and review.actions.count() == 4


def test_a_second_run_adds_no_check_ins(seeded):
    before = (Checkin.objects.count(), Answer.objects.count(), FollowUp.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (Checkin.objects.count(), Answer.objects.count(), FollowUp.objects.count()) == before
    assert YearReview.objects.count() == 1
