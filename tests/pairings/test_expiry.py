"""Pending requests nobody answered expire after the program's limit."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest
from mentorship.pairings.tasks import expire_stale_requests
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def limits(program):
    """The program's limits these tests count from: 14 days to answer, 5 requests at once."""
    program.request_expiry_days = 14
    program.max_pending_requests = 5
    program.save()


@pytest.fixture
def mentors(program):
    return [
        make_mentor_profile(make_mentor(f"mentor{i}@example.com", name=name), programs=[program])
        for i, name in enumerate(["Dr Dana Chen", "Dr Luis Herrera", "Dr Priya Raman"])
    ]


def ask(mentee, mentor, *, days_ago: int) -> MentorshipRequest:
    request = services.request_create(
        mentee=mentee, mentor=mentor, by=mentee.user, drew_you="Your talk on airways."
    )
    MentorshipRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return request


def status(request) -> str:
    request.refresh_from_db()
    return request.status


@pytest.fixture
def deferring_backend(settings):
    settings.TASKS = DUMMY
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def test_a_request_older_than_the_programs_limit_expires_and_the_mentee_hears(
    sam, mentors, mailoutbox, django_capture_on_commit_callbacks
):
    old = ask(sam, mentors[0], days_ago=15)

    with django_capture_on_commit_callbacks(execute=True):
        expired = services.requests_expire_stale()

    assert expired == 1
    assert status(old) == "expired"
    old.refresh_from_db()
    assert old.closed_at is not None
    assert old.closed_by is None
    [message] = mailoutbox
    assert message.to == ["sam@example.com"]
    assert message.subject == "[Mentorship] Your request to Dr Dana Chen has closed"
    assert "closed after 14 days without an answer" in message.body


def test_a_younger_request_and_answered_ones_are_left_alone(
    sam, mentors, mailoutbox, django_capture_on_commit_callbacks
):
    young = ask(sam, mentors[0], days_ago=13)
    declined = ask(sam, mentors[1], days_ago=30)
    services.request_decline(request=declined, by=mentors[1].user)
    withdrawn = ask(sam, mentors[2], days_ago=30)
    services.request_withdraw(request=withdrawn, by=sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        expired = services.requests_expire_stale()

    assert expired == 0
    assert (status(young), status(declined), status(withdrawn)) == (
        "pending",
        "declined",
        "withdrawn",
    )
    assert mailoutbox == []


def test_each_program_keeps_its_own_limit(
    sam, mentors, program, django_capture_on_commit_callbacks
):
    other = make_program("Bay Area Society")
    other.request_expiry_days = 60
    other.save()
    ana = make_mentee_profile(make_mentee("ana@example.com", name="Ana Kowalski"), program=other)
    mentors[0].programs.add(other, through_defaults={"approved_at": timezone.now()})
    theirs = ask(ana, mentors[0], days_ago=30)
    ours = ask(sam, mentors[0], days_ago=30)

    with django_capture_on_commit_callbacks(execute=True):
        services.requests_expire_stale()

    assert (status(ours), status(theirs)) == ("expired", "pending")


def test_the_command_expires_now_and_prints_how_many(
    sam, mentors, capsys, mailoutbox, django_capture_on_commit_callbacks
):
    ask(sam, mentors[0], days_ago=20)
    ask(sam, mentors[1], days_ago=15)
    ask(sam, mentors[2], days_ago=2)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_requests")

    assert capsys.readouterr().out == "Expired 2 pending requests.\n"
    assert MentorshipRequest.objects.filter(status="expired").count() == 2
    assert len(mailoutbox) == 2


def test_the_command_says_so_when_nothing_expired(sam, mentors, capsys):
    ask(sam, mentors[0], days_ago=1)

    call_command("expire_requests")

    assert capsys.readouterr().out == "Expired 0 pending requests.\n"


def test_schedule_queues_the_daily_task_instead_of_expiring(
    sam, mentors, capsys, deferring_backend
):
    old = ask(sam, mentors[0], days_ago=20)

    call_command("expire_requests", schedule=True)

    [queued] = deferring_backend.results
    assert queued.task.name == "expire_stale_requests"
    assert "Queued the daily expiry of requests" in capsys.readouterr().out
    assert status(old) == "pending"


def test_schedule_refuses_when_tasks_run_at_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    with pytest.raises(CommandError, match="run this command without --schedule from cron"):
        call_command("expire_requests", schedule=True)


def test_schedule_queues_no_second_chain_in_the_database(settings, capsys):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    call_command("expire_requests", schedule=True)
    call_command("expire_requests", schedule=True)

    assert DBTaskResult.objects.filter(task_path=expire_stale_requests.module_path).count() == 1
    assert "already queued" in capsys.readouterr().out


def test_the_task_expires_and_queues_its_next_run_a_day_later(
    sam, mentors, deferring_backend, django_capture_on_commit_callbacks
):
    old = ask(sam, mentors[0], days_ago=20)
    before = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        expired = expire_stale_requests.call()

    assert expired == 1
    assert status(old) == "expired"
    [nxt] = [r for r in deferring_backend.results if r.task.name == "expire_stale_requests"]
    assert before + timedelta(hours=24) <= nxt.task.run_after
    assert nxt.task.run_after <= timezone.now() + timedelta(hours=24)


def test_the_task_runs_once_without_repeating_when_tasks_run_at_once(settings, sam, mentors):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    old = ask(sam, mentors[0], days_ago=20)

    result = expire_stale_requests.enqueue()

    assert result.return_value == 1
    assert status(old) == "expired"
