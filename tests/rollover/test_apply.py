from datetime import date

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from mentorship.mentors.models import MentorProfile
from mentorship.pairings.models import Pairing
from mentorship.rollover import services
from mentorship.rollover.models import AlumniOffer, CapacityConfirmation, Rollover, RolloverChoice
from mentorship.years.models import Appointment, Level
from tests.factories import make_pairing
from tests.rollover.support import NEXT_YEAR, appoint, years

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(program, director, sam, ana, noor, chen):
    """Sam (CA-3) graduates with a running pairing with Chen and said yes to
    mentoring; Ana (intern) advances; Noor (CA-3) is extended; Chen reconfirmed 3."""
    this, following = years(program)
    appoint(sam.user, this, Level.CA3)
    appoint(ana.user, this, Level.INTERN)
    appoint(noor.user, this, Level.CA3)
    appoint(chen.user, this, Level.FACULTY)
    make_pairing(chen, sam)
    rollover = Rollover.objects.create(
        program=program, to_year=following, state=Rollover.State.SCHEDULED, confirmed_by=director
    )
    RolloverChoice.objects.create(
        rollover=rollover,
        user=noor.user,
        choice=RolloverChoice.Choice.EXTEND,
        expected_end=date(2027, 12, 31),
    )
    AlumniOffer.objects.create(
        rollover=rollover, user=sam.user, asked_at="2027-04-02T09:00Z", accepted=True
    )
    CapacityConfirmation.objects.create(
        user=chen.user,
        year=following,
        asked_at="2027-04-02T09:00Z",
        capacity=3,
        confirmed_at="2027-04-03T09:00Z",
    )
    return rollover


def test_applying_moves_everyone_into_the_next_year(
    scheduled, sam, ana, noor, chen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        done = services.rollover_apply(rollover=scheduled, day=NEXT_YEAR)

    next_year = {
        a.user.email: (a.level, a.status, a.expected_end)
        for a in Appointment.objects.filter(year=scheduled.to_year)
    }
    assert next_year == {
        "ana@example.com": ("ca1", "active", None),
        "noor@example.com": ("ca3", "extended", date(2027, 12, 31)),
        "chen@example.com": ("faculty", "active", None),
    }
    assert Appointment.objects.get(user=sam.user, year__starts_on=date(2026, 7, 1)).status == (
        "graduated"
    )
    pairing = Pairing.objects.get(mentee=sam)
    assert pairing.status == Pairing.Status.ENDED
    assert sorted(m.to[0] for m in mail.outbox) == ["chen@example.com", "sam@example.com"]
    assert "closing reflection" in mail.outbox[0].body
    sam.user.refresh_from_db()
    assert sam.user.is_mentor
    assert MentorProfile.objects.get(user=sam.user).is_listed_in(scheduled.program)
    chen.refresh_from_db()
    assert chen.capacity == 3
    assert (done.appointments, done.graduated, done.pairings_ended, done.alumni) == (3, 1, 1, 1)
    scheduled.refresh_from_db()
    assert scheduled.state == Rollover.State.APPLIED


def test_applying_twice_changes_nothing_the_second_time(
    scheduled, django_capture_on_commit_callbacks
):
    services.rollover_apply(rollover=scheduled, day=NEXT_YEAR)
    rows = list(Appointment.objects.values_list("pk", "level", "status", "updated_at"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        again = services.rollover_apply(rollover=scheduled, day=NEXT_YEAR)

    assert str(again) == str(services.Applied())
    assert list(Appointment.objects.values_list("pk", "level", "status", "updated_at")) == rows
    assert mail.outbox == []


def test_the_daily_job_waits_for_the_first_day(scheduled):
    assert services.rollovers_apply_due(date(2027, 6, 30)) == []
    scheduled.refresh_from_db()
    assert scheduled.state == Rollover.State.SCHEDULED

    [(rollover, done)] = services.rollovers_apply_due(NEXT_YEAR)

    assert rollover == scheduled and done.appointments == 3
    assert services.rollovers_apply_due(date(2027, 7, 2)) == []


def test_a_draft_or_undone_rollover_is_never_applied(scheduled):
    for state in (Rollover.State.DRAFT, Rollover.State.UNDONE):
        Rollover.objects.filter(pk=scheduled.pk).update(state=state)
        assert services.rollovers_apply_due(NEXT_YEAR) == []
        assert not Appointment.objects.filter(year=scheduled.to_year).exists()


def test_the_command_prints_the_plan_on_a_dry_run(scheduled, capsys):
    call_command("rollover", program=scheduled.program.slug, year=2027, dry_run=True)

    out = capsys.readouterr().out
    assert "from 2026–27 into 2027–28, on 1 July 2027." in out
    assert "Advance to the next level or stay: 3 (1 held back or extended by a director)." in out
    assert "Graduate: 1." in out
    assert "Pairings that end with graduation: 1" in out
    assert "said yes: 1." in out
    assert "Mentors who reconfirmed their places: 1 of 1." in out
    assert "State: Scheduled." in out
    assert not Appointment.objects.filter(year=scheduled.to_year).exists()


def test_the_command_refuses_to_apply_before_the_day(scheduled, today):
    today(date(2027, 6, 30))
    with pytest.raises(CommandError, match="scheduled for 1 July 2027"):
        call_command("rollover", program=scheduled.program.slug, year=2027)
    assert not Appointment.objects.filter(year=scheduled.to_year).exists()


def test_the_command_names_a_program_it_doesnt_know():
    with pytest.raises(CommandError, match="No program has the slug 'nope'"):
        call_command("rollover", program="nope", dry_run=True)


def test_apply_rollovers_command_leaves_a_rollover_before_its_day(scheduled, capsys, today):
    today(date(2027, 6, 30))

    call_command("apply_rollovers")

    assert capsys.readouterr().out.strip() == "Applied 0 rollovers."
    scheduled.refresh_from_db()
    assert scheduled.state == Rollover.State.SCHEDULED


def test_apply_rollovers_command_applies_on_the_day_and_not_again(scheduled, capsys, today):
    today(NEXT_YEAR)

    call_command("apply_rollovers")
    call_command("apply_rollovers")

    out = capsys.readouterr().out
    assert "Applied 1 rollover." in out and out.strip().endswith("Applied 0 rollovers.")
    assert Appointment.objects.filter(year=scheduled.to_year).count() == 3
