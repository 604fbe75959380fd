"""allauth's e-mails, sent from the task worker like every other e-mail
(mentorship/emails.py): queued by name, with the ids its link and key are made
again from, so no body, link or key waits in the task table."""

import logging

from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django_tasks import task

from mentorship.emails import deliver
from mentorship.site import SiteRequest

logger = logging.getLogger(__name__)


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
