"""The daily jobs: a reminder the day before a planned meeting, and one gentle
nudge per target period for pairings that have gone quiet. Time is passed in."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from mentorship.meetings.models import Meeting, Nudge
from mentorship.meetings.services import meetings_send_reminders, pairings_nudge_quiet
from mentorship.meetings.tasks import nudge_quiet_pairings, send_meeting_reminders
from mentorship.pairings.models import Pairing
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
)

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("America/Los_Angeles")
TODAY = date(2026, 3, 10)
NOW = datetime.combine(TODAY, time(6, 0), tzinfo=TZ)
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def person_pair(program, n, mentor_name, mentee_name, **fields):
    mentor = make_mentor_profile(
        make_mentor(f"mentor{n}@example.com", name=mentor_name), programs=[program]
    )
    mentee = make_mentee_profile(
        make_mentee(f"mentee{n}@example.com", name=mentee_name), program=program
    )
    fields.setdefault("started_on", date(2025, 12, 1))
    return make_pairing(mentor, mentee, **fields)


@pytest.fixture
def dana_sam(program):
    return person_pair(program, 1, "Dr Dana Chen", "Sam Whitfield")


def meeting(pairing, starts_at, status=Meeting.Status.HELD, **fields):
    return Meeting.objects.create(
        pairing=pairing, starts_at=starts_at, minutes=30, status=status, **fields
    )


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


def to(mailoutbox) -> list[str]:
    return sorted(address for message in mailoutbox for address in message.to)


@pytest.fixture
def deferring_backend(settings):
    """A backend that can run jobs later, like the database worker; it keeps what
    is queued instead of running it."""
    settings.TASKS = DUMMY
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


# --- reminders --------------------------------------------------------------------


def test_both_people_are_reminded_the_day_before_exactly_once(
    dana_sam, mailoutbox, django_capture_on_commit_callbacks
):
    tomorrow = meeting(
        dana_sam, at(TODAY + timedelta(days=1), 7, 30), Meeting.Status.PLANNED, place="Room 3"
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert meetings_send_reminders(now=NOW) == 1

    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects == {
        "mentor1@example.com": "[Mentorship] Tomorrow: your meeting with Sam at 7:30 AM",
        "mentee1@example.com": "[Mentorship] Tomorrow: your meeting with Dana at 7:30 AM",
    }
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at == NOW

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert meetings_send_reminders(now=NOW + timedelta(hours=6)) == 0
    assert mailoutbox == []


def test_no_reminder_for_todays_meetings_the_day_after_tomorrows_or_held_ones(
    dana_sam, mailoutbox, django_capture_on_commit_callbacks
):
    meeting(dana_sam, at(TODAY, 18), Meeting.Status.PLANNED)
    meeting(dana_sam, at(TODAY + timedelta(days=2), 0, 30), Meeting.Status.PLANNED)
    meeting(dana_sam, at(TODAY - timedelta(days=1), 12))

    with django_capture_on_commit_callbacks(execute=True):
        assert meetings_send_reminders(now=NOW) == 0

    assert mailoutbox == []


def test_tomorrow_is_the_whole_local_day_from_midnight_to_midnight(
    dana_sam, mailoutbox, django_capture_on_commit_callbacks
):
    meeting(dana_sam, at(TODAY + timedelta(days=1), 0, 0), Meeting.Status.PLANNED)
    meeting(dana_sam, at(TODAY + timedelta(days=1), 23, 45), Meeting.Status.PLANNED)

    with django_capture_on_commit_callbacks(execute=True):
        assert meetings_send_reminders(now=NOW) == 2

    assert len(mailoutbox) == 4


# --- nudges -----------------------------------------------------------------------


def test_a_pairing_quiet_past_its_target_nudges_both_people_once(
    dana_sam, mailoutbox, django_capture_on_commit_callbacks
):
    meeting(dana_sam, at(TODAY - timedelta(days=49), 12))

    with django_capture_on_commit_callbacks(execute=True):
        assert pairings_nudge_quiet(now=NOW) == 1

    by_person = {m.to[0]: m for m in mailoutbox}
    assert sorted(by_person) == ["mentee1@example.com", "mentor1@example.com"]
    assert by_person["mentee1@example.com"].body.startswith(
        "Hi Sam,\n\nIt has been 49 days since you met Dana. A short message is enough to reconnect."
    )
    assert "It has been 49 days since you met Sam." in by_person["mentor1@example.com"].body
    assert Nudge.objects.get().days_quiet == 49

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert pairings_nudge_quiet(now=NOW + timedelta(hours=12)) == 0
    assert mailoutbox == []


def test_a_still_quiet_pairing_is_nudged_again_after_another_target_period_only(
    dana_sam, mailoutbox, django_capture_on_commit_callbacks
):
    meeting(dana_sam, at(TODAY - timedelta(days=45), 12))
    with django_capture_on_commit_callbacks(execute=True):
        pairings_nudge_quiet(now=NOW)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert pairings_nudge_quiet(now=NOW + timedelta(days=41)) == 0
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        assert pairings_nudge_quiet(now=NOW + timedelta(days=42)) == 1
    assert len(mailoutbox) == 2
    assert "It has been 87 days since you met" in mailoutbox[0].body
    assert list(Nudge.objects.values_list("days_quiet", flat=True)) == [87, 45]


def test_a_pairing_that_has_not_met_yet_counts_from_its_start(
    program, mailoutbox, django_capture_on_commit_callbacks
):
    person_pair(program, 2, "Dr Ari Levin", "Noor Haddad", started_on=TODAY - timedelta(days=43))
    person_pair(
        program, 3, "Dr Luis Herrera", "Jordan Blake", started_on=TODAY - timedelta(days=42)
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert pairings_nudge_quiet(now=NOW) == 1

    assert to(mailoutbox) == ["mentee2@example.com", "mentor2@example.com"]
    assert "It has been 43 days since you met Ari." in mailoutbox[0].body + mailoutbox[1].body


def test_a_pairing_that_met_recently_or_only_planned_a_meeting_is_left_alone(
    program, dana_sam, mailoutbox, django_capture_on_commit_callbacks
):
    meeting(dana_sam, at(TODAY - timedelta(days=90), 12))
    meeting(dana_sam, at(TODAY - timedelta(days=10), 12))
    planned_only = person_pair(program, 2, "Dr Ari Levin", "Noor Haddad")
    meeting(planned_only, at(TODAY + timedelta(days=3), 12), Meeting.Status.PLANNED)

    with django_capture_on_commit_callbacks(execute=True):
        nudged = pairings_nudge_quiet(now=NOW)

    # A plan is a good sign, but only a meeting held ends the quiet.
    assert nudged == 1
    assert to(mailoutbox) == ["mentee2@example.com", "mentor2@example.com"]


def test_each_program_keeps_its_own_target(
    program, dana_sam, mailoutbox, django_capture_on_commit_callbacks
):
    program.meeting_target_days = 60
    program.save()
    meeting(dana_sam, at(TODAY - timedelta(days=50), 12))

    with django_capture_on_commit_callbacks(execute=True):
        assert pairings_nudge_quiet(now=NOW) == 0


@pytest.mark.parametrize("status", ["paused", "ended", "proposed"])
def test_paused_ended_and_proposed_pairings_get_no_nudge(
    status, program, mailoutbox, django_capture_on_commit_callbacks
):
    person_pair(
        program,
        2,
        "Dr Ari Levin",
        "Noor Haddad",
        status=status,
        started_on=None if status == "proposed" else TODAY - timedelta(days=200),
        ended_on=TODAY - timedelta(days=5) if status == "ended" else None,
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert pairings_nudge_quiet(now=NOW) == 0

    assert mailoutbox == []
    assert not Nudge.objects.exists()


# --- the commands and the tasks ----------------------------------------------------


def test_the_reminder_command_sends_now_and_prints_how_many(
    dana_sam, capsys, mailoutbox, django_capture_on_commit_callbacks
):
    tomorrow = timezone.localdate() + timedelta(days=1)
    meeting(dana_sam, at(tomorrow, 12), Meeting.Status.PLANNED)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_meeting_reminders")

    assert capsys.readouterr().out == "Sent reminders for 1 meeting tomorrow.\n"
    assert len(mailoutbox) == 2

    call_command("send_meeting_reminders")
    assert capsys.readouterr().out == "Sent reminders for 0 meetings tomorrow.\n"


def test_the_nudge_command_nudges_now_and_prints_how_many(
    program, capsys, mailoutbox, django_capture_on_commit_callbacks
):
    for n in (1, 2):
        person_pair(
            program,
            n,
            f"Dr Mentor {n}",
            f"Mentee {n}",
            started_on=timezone.localdate() - timedelta(days=100),
        )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("nudge_quiet_pairings")

    assert capsys.readouterr().out == "Nudged 2 quiet pairings.\n"
    assert len(mailoutbox) == 4

    call_command("nudge_quiet_pairings")
    assert capsys.readouterr().out == "Nudged 0 quiet pairings.\n"


@pytest.mark.parametrize(
    ("command", "task_name", "said"),
    [
        ("send_meeting_reminders", "send_meeting_reminders", "Queued the daily meeting reminders"),
        (
            "nudge_quiet_pairings",
            "nudge_quiet_pairings",
            "Queued the daily nudge of quiet pairings",
        ),
    ],
)
def test_schedule_queues_the_daily_task_instead_of_running_it(
    command, task_name, said, dana_sam, capsys, deferring_backend
):
    Pairing.objects.filter(pk=dana_sam.pk).update(started_on=date(2020, 1, 1))

    call_command(command, schedule=True)

    [queued] = deferring_backend.results
    assert queued.task.name == task_name
    assert said in capsys.readouterr().out
    assert not Nudge.objects.exists()


@pytest.mark.parametrize("command", ["send_meeting_reminders", "nudge_quiet_pairings"])
def test_schedule_refuses_when_tasks_run_at_once(command, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    with pytest.raises(CommandError, match="run this command without --schedule from cron"):
        call_command(command, schedule=True)


@pytest.mark.parametrize(
    ("command", "task"),
    [
        ("send_meeting_reminders", send_meeting_reminders),
        ("nudge_quiet_pairings", nudge_quiet_pairings),
    ],
)
def test_schedule_queues_no_second_chain_in_the_database(command, task, settings, capsys):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    call_command(command, schedule=True)
    call_command(command, schedule=True)

    assert DBTaskResult.objects.filter(task_path=task.module_path).count() == 1
    assert "already queued" in capsys.readouterr().out


def test_the_tasks_run_and_queue_their_next_run_a_day_later(
    dana_sam, deferring_backend, django_capture_on_commit_callbacks
):
    Pairing.objects.filter(pk=dana_sam.pk).update(
        started_on=timezone.localdate() - timedelta(days=60)
    )
    meeting(dana_sam, at(timezone.localdate() + timedelta(days=1), 12), Meeting.Status.PLANNED)
    before = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        assert send_meeting_reminders.call() == 1
        assert nudge_quiet_pairings.call() == 1

    queued = {r.task.name: r for r in deferring_backend.results if r.task.name != "send_email"}
    assert set(queued) == {"send_meeting_reminders", "nudge_quiet_pairings"}
    for result in queued.values():
        assert before + timedelta(hours=24) <= result.task.run_after
        assert result.task.run_after <= timezone.now() + timedelta(hours=24)
    # The e-mail waits for the worker too: two reminders and two nudges.
    assert sum(r.task.name == "send_email" for r in deferring_backend.results) == 4


def test_the_tasks_run_once_without_repeating_when_tasks_run_at_once(settings, dana_sam):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    Pairing.objects.filter(pk=dana_sam.pk).update(started_on=timezone.localdate())

    assert send_meeting_reminders.enqueue().return_value == 0
    assert nudge_quiet_pairings.enqueue().return_value == 0


def test_no_reminder_for_a_meeting_of_a_pairing_paused_since_it_was_planned(
    django_capture_on_commit_callbacks, mailoutbox
):
    program = make_program("Quiet Program")
    pairing = make_pairing(
        make_mentor_profile(make_mentor("m@example.com"), programs=[program]),
        make_mentee_profile(make_mentee("e@example.com"), program=program),
        Pairing.Status.PAUSED,
        started_on=timezone.localdate() - timedelta(days=30),
    )
    now = timezone.now()
    Meeting.objects.create(
        pairing=pairing,
        starts_at=now + timedelta(days=1),
        status=Meeting.Status.PLANNED,
    )

    with django_capture_on_commit_callbacks(execute=True):
        sent = meetings_send_reminders(now=now)

    assert sent == 0
    assert mailoutbox == []
