"""E-mail every app sends: queued once the change commits, rendered by the worker.

A queued e-mail names itself and no more: its templates ("pairings/email/
request_new" stands for request_new_subject.txt, .txt and .html in that
folder), the recipient's id, the ids of the rows the templates need
({"request": ["pairings.mentorshiprequest", 12]}) and plain values such as a
link or a number of days. The worker loads the rows and renders the templates
when it runs, so what people wrote, and any link with a key in it, never waits
in the task table (which the admin shows); and the e-mail tells how things stand
when it is sent.

This module sits below every app and imports none of them.
"""

import logging
from datetime import timedelta
from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from .site import site_url

logger = logging.getLogger(__name__)

Plain = str | int | float | bool | None

# The database backend runs a task once; a failed send is queued again, later.
MAX_ATTEMPTS = 5


def retry_delay(attempt: int) -> timedelta:
    return timedelta(minutes=2**attempt)  # 2, 4, 8, 16 minutes


def queue_email(template: str, *, to: list, **context) -> None:
    """One e-mail per recipient, queued once the transaction commits: a change that
    rolls back sends nothing. `context` holds saved rows and plain values."""
    queue(send_email, template, to=to, context=context)


def queue(send: Task, template: str, *, to: list, context: dict, **arguments) -> None:
    """Queue the task `send` for each recipient, with `context` turned into
    references and the address links start with, taken now while the request is
    at hand. `arguments` are more plain values for `send`."""
    get_template(f"{template}_subject.txt")  # a wrong name fails in the service, not the worker
    objects, values = references(context)
    site = site_url()
    for recipient in to:
        transaction.on_commit(
            partial(
                send.enqueue,
                template=template,
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


def render_email(
    template: str, *, recipient: int, objects: dict, values: dict, site_url: str
) -> EmailMultiAlternatives | None:
    """The e-mail, from the rows as they are now; None when one of them is gone
    (deleted since), since there is then nothing true to say."""
    rows = {}
    for name, (label, pk) in {
        "recipient": [settings.AUTH_USER_MODEL, recipient],
        **objects,
    }.items():
        rows[name] = apps.get_model(label)._default_manager.filter(pk=pk).first()
        if rows[name] is None:
            logger.info("Not sending %s: %s %s is gone", template, label, pk)
            return None
    ctx = {"site_url": site_url, **rows, **values}
    subject = render_to_string(f"{template}_subject.txt", ctx)
    message = EmailMultiAlternatives(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        render_to_string(f"{template}.txt", ctx).strip() + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [rows["recipient"].email],
    )
    message.attach_alternative(render_to_string(f"{template}.html", ctx), "text/html")
    return message


def deliver(message: EmailMessage, *, again: Task, attempt: int, arguments: dict) -> int:
    """Send `message`. When that fails, queue `again` with the same `arguments` (ids
    and plain values, never the message) for later, until MAX_ATTEMPTS."""
    try:
        return message.send()
    except Exception:
        if attempt >= MAX_ATTEMPTS or not again.get_backend().supports_defer:
            logger.exception(
                "Giving up on e-mail %r to %s after %d tries", message.subject, message.to, attempt
            )
            raise
        logger.warning(
            "E-mail %r to %s failed; trying again later", message.subject, message.to, exc_info=True
        )
        again.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
            **arguments, attempt=attempt + 1
        )
        raise


@task()
def send_email(
    *,
    template: str,
    recipient: int,
    objects: dict[str, list],
    values: dict[str, Plain],
    site_url: str,
    attempt: int = 1,
) -> int:
    """Render and send one queued e-mail; a failed send is retried later."""
    arguments = {
        "template": template,
        "recipient": recipient,
        "objects": objects,
        "values": values,
        "site_url": site_url,
    }
    message = render_email(**arguments)
    if message is None:
        return 0
    return deliver(message, again=send_email, attempt=attempt, arguments=arguments)
