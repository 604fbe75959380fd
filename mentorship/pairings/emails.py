"""E-mail about requests and pairings: queued after commit, rendered by the worker.

The queued task names the e-mail and no more: the event, the recipient's id, the
ids of the rows its templates need ({"request": ["pairings.mentorshiprequest", 12]})
and plain values such as a link or a number of days. The worker loads the rows and
renders the templates when it runs, so what people wrote never waits in the task
table, and the e-mail tells how things stand when it is sent.
"""

import logging
from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import render_to_string
from django_tasks import task
from django_tasks.base import Task

from accounts.models import User
from accounts.site import site_url
from accounts.tasks import deliver

logger = logging.getLogger(__name__)

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

Plain = str | int | float | bool | None


def queue_email(event: str, *, to: list[User], **context) -> None:
    """One e-mail per recipient, queued once the transaction commits: a change that
    rolls back sends nothing. `context` holds saved rows and plain values."""
    queue(send_email, event, to=to, context=context)


def queue(send: Task, event: str, *, to: list[User], context: dict, **arguments) -> None:
    """Queue the task `send` for each recipient with `context` turned into references, and
    the address links start with, taken now while the request is at hand."""
    folder_for(event)  # an unknown event fails here, in the service, not in the worker
    objects, values = references(context)
    site = site_url()
    for recipient in to:
        transaction.on_commit(
            partial(
                send.enqueue,
                event=event,
                recipient=recipient.pk,
                objects=objects,
                values=values,
                site_url=site,
                **arguments,
            )
        )


def references(context: dict) -> tuple[dict[str, list], dict[str, Plain]]:
    """Rows as [model label, pk], for the worker to load again; plain values as they are."""
    objects, values = {}, {}
    for name, value in context.items():
        if isinstance(value, models.Model):
            if value.pk is None:
                raise ValueError(f"E-mail context {name!r} is a row that isn't saved yet")
            objects[name] = [value._meta.label_lower, value.pk]
        elif value is None or isinstance(value, str | int | float | bool):
            values[name] = value
        else:
            raise TypeError(
                f"E-mail context {name!r} must be a saved row or a plain value, "
                f"not {type(value).__name__}"
            )
    return objects, values


def folder_for(event: str) -> str:
    if event in MEETING_EVENTS:
        return "meetings/email"
    if event in EVENTS:
        return "pairings/email"
    raise ValueError(f"Unknown e-mail event {event!r}")


def render_email(
    event: str, *, recipient: int, objects: dict, values: dict, site_url: str
) -> EmailMultiAlternatives | None:
    """The e-mail for `event`, from the rows as they are now; None when one is gone
    (deleted since), since there is then nothing true to say."""
    folder = folder_for(event)
    rows = {}
    for name, (label, pk) in {"recipient": ["accounts.user", recipient], **objects}.items():
        rows[name] = apps.get_model(label)._default_manager.filter(pk=pk).first()
        if rows[name] is None:
            logger.info("Not sending %s: %s %s is gone", event, label, pk)
            return None
    ctx = {"site_url": site_url, **rows, **values}
    subject = render_to_string(f"{folder}/{event}_subject.txt", ctx)
    message = EmailMultiAlternatives(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        render_to_string(f"{folder}/{event}.txt", ctx).strip() + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [rows["recipient"].email],
    )
    message.attach_alternative(render_to_string(f"{folder}/{event}.html", ctx), "text/html")
    return message


@task()
def send_email(
    *,
    event: str,
    recipient: int,
    objects: dict[str, list],
    values: dict[str, Plain],
    site_url: str,
    attempt: int = 1,
) -> int:
    """Render and send one queued e-mail; a failed send is retried later."""
    arguments = {
        "event": event,
        "recipient": recipient,
        "objects": objects,
        "values": values,
        "site_url": site_url,
    }
    message = render_email(**arguments)
    if message is None:
        return 0
    return deliver(message, again=send_email, attempt=attempt, arguments=arguments)
