"""E-mail of a matching round, in templates/rounds/email/: queued after the change
commits and rendered by the worker (see mentorship/emails.py)."""

from accounts.models import User
from mentorship import emails


def queue_email(event: str, *, to: list[User], **context) -> None:
    """`event` names templates/rounds/email/<event>_subject.txt, .txt and .html."""
    emails.queue_email(f"rounds/email/{event}", to=to, **context)
