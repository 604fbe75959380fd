"""Sending e-mail from the task worker: one retrying delivery for every app, and
allauth's e-mails.

A queued e-mail holds only what names it: a template, the recipient, the ids of
the rows it needs and plain values. The worker renders it when it runs, so no
body, link or key waits in the task table, which the admin shows.
"""

import logging
from datetime import timedelta

from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

from .site import SiteRequest

logger = logging.getLogger(__name__)

# The database backend runs a task once; a failed send is queued again, later.
MAX_ATTEMPTS = 5


def retry_delay(attempt: int) -> timedelta:
    return timedelta(minutes=2**attempt)  # 2, 4, 8, 16 minutes


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
def send_account_email(
    *,
    template_prefix: str,
    email: str,
    site_url: str,
    user: int | None = None,
    email_address: int | None = None,
    attempt: int = 1,
) -> int:
    """One of allauth's e-mails, rendered here with its link and key made anew from
    the rows named (see AccountAdapter.render_queued_mail)."""
    ids = {"user": user, "email_address": email_address}
    arguments = {
        "template_prefix": template_prefix,
        "email": email,
        "site_url": site_url,
        **{name: pk for name, pk in ids.items() if pk is not None},
    }
    # allauth builds its links from the request: stand in for the one it was queued in.
    with request_context(SiteRequest(site_url)):
        message = get_adapter().render_queued_mail(
            template_prefix, email, user=user, email_address=email_address
        )
    if message is None:
        logger.info("Nothing to send for %s to %s: its account has gone", template_prefix, email)
        return 0
    return deliver(message, again=send_account_email, attempt=attempt, arguments=arguments)
