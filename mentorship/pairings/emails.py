"""E-mail about requests and pairings: rendered now, sent by the worker after commit."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from accounts.models import User
from accounts.tasks import send_email

# Each event has <folder>/<event>_subject.txt, <event>.txt and <event>.html, where
# the folder is templates/pairings/email/ unless MEETING_EVENTS names it.
EVENTS = {
    "request_new",
    "request_withdrawn",
    "request_accepted",
    "request_declined",
    "request_question",
    "request_question_answered",
    "request_expired",
    "pairing_proposed",
    "pairing_needs_approval",
    "pairing_active",
    "pairing_paused",
    "pairing_resumed",
    "pairing_ended",
}
MEETING_EVENTS = {"meeting_planned", "meeting_reminder", "pairing_quiet"}


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def queue_email(
    event: str,
    *,
    to: list[User],
    attachments: list[tuple[str, str, str]] | None = None,
    **context,
) -> None:
    """Render one e-mail per recipient and send it once the transaction commits:
    a change that rolls back sends nothing. `attachments` are (filename, text,
    mimetype), such as a calendar file."""
    if event in MEETING_EVENTS:
        folder = "meetings/email"
    elif event in EVENTS:
        folder = "pairings/email"
    else:
        raise ValueError(f"Unknown e-mail event {event!r}")
    for recipient in to:
        ctx = {"recipient": recipient, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"{folder}/{event}_subject.txt", ctx)
        transaction.on_commit(
            partial(
                send_email.enqueue,
                subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
                body=render_to_string(f"{folder}/{event}.txt", ctx).strip() + "\n",
                html=render_to_string(f"{folder}/{event}.html", ctx),
                to=[recipient.email],
                from_email=settings.DEFAULT_FROM_EMAIL,
                attachments=attachments or [],
            )
        )
