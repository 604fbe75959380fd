"""send_email: a failed send is queued again later, a few times, then given up."""

import logging
from datetime import timedelta

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend

from accounts.tasks import MAX_ATTEMPTS, send_email

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

MESSAGE = {
    "subject": "[Mentorship] Dr Dana Chen said yes",
    "body": "Hi Sam,\n\nGood news.\n",
    "html": "<p>Hi Sam,</p><p>Good news.</p>",
    "to": ["sam@example.com"],
    "from_email": "Mentorship program <mentorship@localhost>",
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


def test_an_e_mail_is_sent_with_its_plain_and_html_parts(settings, mailoutbox):
    settings.TASKS = IMMEDIATE

    result = send_email.enqueue(**MESSAGE)

    assert result.status == TaskResultStatus.SUCCESSFUL
    [message] = mailoutbox
    assert message.subject == "[Mentorship] Dr Dana Chen said yes"
    assert message.to == ["sam@example.com"]
    assert message.body == "Hi Sam,\n\nGood news.\n"
    assert message.alternatives[0][0] == "<p>Hi Sam,</p><p>Good news.</p>"


def test_a_failed_send_is_queued_again_later_as_the_next_attempt(failing_mail, deferring_backend):
    before = timezone.now()

    with pytest.raises(ConnectionRefusedError):
        send_email.call(**MESSAGE)

    [retry] = deferring_backend.results
    assert retry.task.name == "send_email"
    assert retry.kwargs == {**MESSAGE, "attachments": None, "attempt": 2}
    # The first retry waits two minutes.
    assert before + timedelta(minutes=2) <= retry.task.run_after
    assert retry.task.run_after <= timezone.now() + timedelta(minutes=2)


def test_each_retry_waits_longer_than_the_one_before(failing_mail, deferring_backend):
    before = timezone.now()

    with pytest.raises(ConnectionRefusedError):
        send_email.call(**MESSAGE, attempt=3)

    [retry] = deferring_backend.results
    assert retry.kwargs["attempt"] == 4
    assert retry.task.run_after >= before + timedelta(minutes=8)


def test_the_last_attempt_gives_up_and_logs_it(failing_mail, deferring_backend, caplog):
    with (
        caplog.at_level(logging.ERROR, logger="accounts.tasks"),
        pytest.raises(ConnectionRefusedError),
    ):
        send_email.call(**MESSAGE, attempt=MAX_ATTEMPTS)

    assert deferring_backend.results == []
    assert FailingBackend.attempts == 1
    assert f"after {MAX_ATTEMPTS} tries" in caplog.text
    assert "sam@example.com" in caplog.text


def test_with_the_immediate_backend_a_failure_fails_the_task_without_retrying(
    failing_mail, settings, mailoutbox
):
    settings.TASKS = IMMEDIATE

    result = send_email.enqueue(**MESSAGE)

    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class_path == "builtins.ConnectionRefusedError"
    assert FailingBackend.attempts == 1
    assert mailoutbox == []


def test_a_retry_keeps_the_attachments(failing_mail, deferring_backend):
    calendar = ["meeting.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"]

    with pytest.raises(ConnectionRefusedError):
        send_email.call(**MESSAGE, attachments=[calendar])

    [retry] = deferring_backend.results
    assert retry.kwargs["attachments"] == [calendar]
