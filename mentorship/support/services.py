"""Sending a message to a program's wellness contact, and reading it.

The e-mail to the contact names the message by its id only, so what a resident
wrote never waits in the task table (mentorship/emails.py); it says a message is
there and links to it."""

from uuid import UUID

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.emails import queue_email
from mentorship.programs.models import Program
from mentorship.refusal import Refusal
from mentorship.site import absolute

from .models import SupportMessage, SupportSetup


@transaction.atomic
def support_message_send(
    *, program: Program, by: User, body: str, form_token: UUID | None = None
) -> SupportMessage:
    """Send `body` to the program's wellness contact as it stands now. A second
    submit of the same form (`form_token`) answers with the message it sent."""
    if form_token and (made := SupportMessage.objects.filter(form_token=form_token).first()):
        if made.sender_id != by.pk:
            raise Refusal("Something went wrong with this form; please send it again.", "token")
        return made
    setup = SupportSetup.objects.filter(program=program).select_related("contact").first()
    contact = setup.contact if setup else None
    if contact is None:
        raise Refusal(
            "Your program hasn't named a wellness contact yet, so there is no one to send "
            "this to. The resources on this page are there for you now.",
            code="no_contact",
        )
    if contact.pk == by.pk:
        raise Refusal("You are this program's wellness contact yourself.", code="self")
    if not body.strip():
        raise Refusal("Write a few words first; a sentence is enough.", code="empty")
    message = SupportMessage.objects.create(
        program=program, sender=by, recipient=contact, body=body, form_token=form_token
    )
    queue_email(
        "support/email/message_new",
        to=[contact],
        message=message,
        program=program,
        url=absolute(reverse("support:message", args=[message.pk])),
    )
    return message


def support_message_read(*, message: SupportMessage, by: User) -> SupportMessage:
    """Mark a message read, by the person it was sent to (once: the first time stays)."""
    if message.recipient_id != by.pk:
        raise Refusal("Only the person it was sent to can do this.", code="not_recipient")
    if message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
    return message
