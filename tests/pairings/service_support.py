"""Helpers shared by the service tests: the words people write, and how a
refusal is checked."""

import pytest

from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.pairings.services import PairingError

Status = MentorshipRequest.Status

DREW_YOU = "Your talk on pediatric airways at grand rounds."
EXPLORE = "Whether a pediatric fellowship fits the life I want."
HELP_NOW = "Preparing for my first solo call night."
LEARNED = "That a ten-minute call after a hard case is enough."
CARRY = "Ask early, and say thank you twice."


def ask(mentee, mentor, *, drew_you=DREW_YOU, **answers):
    """The mentee asks, in their own name."""
    return services.request_create(
        mentee=mentee, mentor=mentor, by=mentee.user, drew_you=drew_you, **answers
    )


def fresh(pairing):
    return Pairing.objects.get(pk=pairing.pk)


def snapshot():
    """Every request and pairing row, and every history row: what a refusal must not touch."""
    return (
        list(MentorshipRequest.objects.order_by("pk").values()),
        list(Pairing.objects.order_by("pk").values()),
        MentorshipRequest.history.count(),
        Pairing.history.count(),
    )


def refused(code, call, capture, mailoutbox):
    """Run a change that must be refused: the code is right, nothing moved, nobody is mailed."""
    before = snapshot()
    with capture(execute=True), pytest.raises(PairingError) as caught:
        call()
    assert caught.value.code == code
    assert caught.value.message == str(caught.value)
    assert snapshot() == before
    assert mailoutbox == []
    return caught.value


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)
