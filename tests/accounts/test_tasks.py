"""Queued e-mail: a failed send is queued again later, a few times, then given up;
each retry carries the same ids and plain values, never the e-mail."""

import logging
from datetime import timedelta

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend

from mentorship.emails import MAX_ATTEMPTS, send_email
from mentorship.meetings import emails as meeting_emails
from mentorship.meetings.models import Meeting

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SITE = "https://mentorship.example.org"


@pytest.fixture
def accepted(pending, chen):
    """Chen said yes to Sam: the e-mail Sam gets, as the task names it."""
    pending.status, pending.reply = "accepted", "I would love to. Coffee next week?"
    pending.save()
    return {
        "template": "pairings/email/request_accepted",
        "recipient": pending.mentee.user.pk,
        "objects": {"request": ["pairings.mentorshiprequest", pending.pk]},
        "values": {"url": SITE + reverse("pairings:request_detail", args=[pending.pk])},
        "site_url": SITE,
    }


class FailingBackend(BaseEmailBackend):
    """An SMTP server that is down: every send raises, and is counted."""

    attempts = 0

    def send_messages(self, email_messages):
        FailingBackend.attempts += 1
        raise ConnectionRefusedError("The mail server is down.")


@pytest.fixture
def failing_mail(settings):
    FailingBackend.attempts = 0
    settings.EMAIL_BACKEND = "tests.accounts.test_tasks.FailingBackend"


@pytest.fixture
def deferring_backend(settings):
    """A backend that can run jobs later, like the database worker; it keeps what
    is queued instead of running it."""
    settings.TASKS = DUMMY
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def test_an_e_mail_is_rendered_by_the_task_with_its_plain_and_html_parts(
    accepted, settings, mailoutbox
):
    settings.TASKS = IMMEDIATE

    result = send_email.enqueue(**accepted)

    assert result.status == TaskResultStatus.SUCCESSFUL
    [message] = mailoutbox
    assert message.subject == "[Mentorship] Dr Dana Chen said yes"
    assert message.to == ["sam@example.com"]
    assert message.body.startswith("Hi Sam,\n\n")
    assert "I would love to. Coffee next week?" in message.body
    assert "I would love to. Coffee next week?" in message.alternatives[0][0]


def test_a_failed_send_is_queued_again_later_as_the_next_attempt(
    accepted, failing_mail, deferring_backend
):
    before = timezone.now()

    with pytest.raises(ConnectionRefusedError):
        send_email.call(**accepted)

    [retry] = deferring_backend.results
    assert retry.task.name == "send_email"
    assert retry.kwargs == {**accepted, "attempt": 2}
    # The first retry waits two minutes.
    assert before + timedelta(minutes=2) <= retry.task.run_after
    assert retry.task.run_after <= timezone.now() + timedelta(minutes=2)


def test_each_retry_waits_longer_than_the_one_before(accepted, failing_mail, deferring_backend):
    before = timezone.now()

    with pytest.raises(ConnectionRefusedError):
        send_email.call(**accepted, attempt=3)

    [retry] = deferring_backend.results
    assert retry.kwargs["attempt"] == 4
    assert retry.task.run_after >= before + timedelta(minutes=8)


def test_the_last_attempt_gives_up_and_logs_it(accepted, failing_mail, deferring_backend, caplog):
    with (
        caplog.at_level(logging.ERROR, logger="mentorship.emails"),
        pytest.raises(ConnectionRefusedError),
    ):
        send_email.call(**accepted, attempt=MAX_ATTEMPTS)

    assert deferring_backend.results == []
    assert FailingBackend.attempts == 1
    assert f"after {MAX_ATTEMPTS} tries" in caplog.text
    assert "sam@example.com" in caplog.text


def test_with_the_immediate_backend_a_failure_fails_the_task_without_retrying(
    accepted, failing_mail, settings, mailoutbox
):
    settings.TASKS = IMMEDIATE

    result = send_email.enqueue(**accepted)

    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class_path == "builtins.ConnectionRefusedError"
    assert FailingBackend.attempts == 1
    assert mailoutbox == []


def test_a_retry_keeps_the_calendar_as_the_meetings_id(active, failing_mail, deferring_backend):
    meeting = Meeting.objects.create(
        pairing=active,
        starts_at=timezone.now() + timedelta(days=3),
        minutes=30,
        status=Meeting.Status.PLANNED,
    )
    planned = {
        "template": "meetings/email/meeting_planned",
        "recipient": active.mentee.user.pk,
        "objects": {
            "meeting": ["meetings.meeting", meeting.pk],
            "pairing": ["pairings.pairing", active.pk],
        },
        "values": {"by": None, "url": SITE + active.get_absolute_url()},
        "site_url": SITE,
        "calendar": meeting.pk,
    }

    with pytest.raises(ConnectionRefusedError):
        meeting_emails.send_email.call(**planned)

    [retry] = deferring_backend.results
    assert retry.kwargs == {**planned, "attempt": 2}


def test_an_e_mail_about_a_row_deleted_since_is_not_sent(accepted, pending, settings, mailoutbox):
    settings.TASKS = IMMEDIATE
    pending.delete()

    result = send_email.enqueue(**accepted)

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert mailoutbox == []
