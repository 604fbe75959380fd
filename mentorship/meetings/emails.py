"""E-mail about meetings, in templates/meetings/email/: queued and rendered as
every e-mail is (mentorship/emails.py), with the calendar file built by the
worker from the meeting's id."""

from django_tasks import task

from accounts.models import User
from mentorship import emails

from .calendar import meeting_ics
from .models import Meeting


def queue_email(event: str, *, to: list[User], calendar: Meeting | None = None, **context) -> None:
    """`event` names templates/meetings/email/<event>…; with `calendar`, that
    meeting's .ics is attached, as it stands when the e-mail is sent."""
    emails.queue(
        send_email,
        f"meetings/email/{event}",
        to=to,
        context=context,
        calendar=calendar.pk if calendar else None,
    )


@task()
def send_email(
    *,
    template: str,
    recipient: int,
    objects: dict[str, list],
    values: dict[str, emails.Plain],
    site_url: str,
    calendar: int | None = None,
    attempt: int = 1,
) -> int:
    """Render and send one queued e-mail with its calendar file; retried later on failure."""
    arguments = {
        "template": template,
        "recipient": recipient,
        "objects": objects,
        "values": values,
        "site_url": site_url,
    }
    message = emails.render_email(**arguments)
    if message is None:
        return 0
    if calendar is not None:
        meeting = (
            Meeting.objects.select_related("pairing__mentor__user", "pairing__mentee__user")
            .filter(pk=calendar)
            .first()
        )
        if meeting is None:
            return 0
        message.attach("meeting.ics", meeting_ics(meeting, site=site_url), "text/calendar")
    return emails.deliver(
        message, again=send_email, attempt=attempt, arguments={**arguments, "calendar": calendar}
    )
