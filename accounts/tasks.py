import logging
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)

# The database backend runs a task once; a failed send is queued again, later.
MAX_ATTEMPTS = 5


def retry_delay(attempt: int) -> timedelta:
    return timedelta(minutes=2**attempt)  # 2, 4, 8, 16 minutes


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str,
    html: str | None = None,
    attachments: list[list[str]] | None = None,
    attempt: int = 1,
) -> int:
    """Send one e-mail; runs on the task worker in production, retried on failure.
    `attachments` are [filename, text, mimetype] (JSON-friendly, for the queue)."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    try:
        return message.send()
    except Exception:
        if attempt >= MAX_ATTEMPTS or not default_task_backend.supports_defer:
            logger.exception("Giving up on e-mail %r to %s after %d tries", subject, to, attempt)
            raise
        logger.warning("E-mail %r to %s failed; trying again later", subject, to, exc_info=True)
        send_email.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
            subject=subject,
            body=body,
            to=to,
            from_email=from_email,
            html=html,
            attachments=attachments,
            attempt=attempt + 1,
        )
        raise
