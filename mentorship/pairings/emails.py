"""E-mail about requests and pairings, in templates/pairings/email/: queued after
the change commits and rendered by the worker (see mentorship/emails.py)."""

from accounts.models import User
from mentorship import emails


def queue_email(event: str, *, to: list[User], **context) -> None:
    """`event` names templates/pairings/email/<event>_subject.txt, .txt and .html."""
    emails.queue_email(f"pairings/email/{event}", to=to, **context)
