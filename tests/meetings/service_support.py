"""The cast and helpers of the meeting service tests: who may try a change, how a
session is logged, and how a refusal is checked."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser

from mentorship.meetings import services
from mentorship.meetings.models import Commitment, Meeting, Note, Nudge
from mentorship.pairings.models import Pairing
from mentorship.refusal import Refusal
from tests.factories import (
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
    make_user,
)

TZ = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=TZ)
LAST_WEEK = NOW - timedelta(days=7)
PRIVATE = "She is carrying more than she says about the night shifts."
SHARED = "We talked about asking for help before the pager gets loud."
TAKEAWAY = "Asking early is a kindness to the whole team."
PROMISE = "Send Sam the airway simulation schedule"
# Everyone who might try a change but isn't one of Dana and Sam.
OUTSIDERS = ["other mentor", "other mentee", "director", "superuser", "anonymous"]


def pair(mentor, mentee, status=Pairing.Status.ACTIVE, started_on=date(2026, 1, 5)):
    return Pairing.objects.create(
        mentor=mentor,
        mentee=mentee,
        program=mentee.program,
        status=status,
        started_on=started_on,
    )


def make_cast() -> dict:
    """Dana mentors Sam; Ari mentors Noor in the same program; Maya directs it."""
    program = make_program("Stanford Anesthesiology")
    director = make_director("maya@example.com", name="Dr Maya Okafor", with_mfa=False)
    program.directors.add(director)
    dana = make_mentor_profile(
        make_mentor("dana@example.com", name="Dr Dana Chen"), programs=[program]
    )
    ari = make_mentor_profile(
        make_mentor("ari@example.com", name="Dr Ari Levin"), programs=[program]
    )
    sam = make_mentee_profile(make_mentee("sam@example.com", name="Sam Whitfield"), program=program)
    noor = make_mentee_profile(make_mentee("noor@example.com", name="Noor Haddad"), program=program)
    return {
        "pairing": pair(dana, sam),
        "their pairing": pair(ari, noor),
        "mentor": dana.user,
        "mentee": sam.user,
        "other mentor": ari.user,
        "other mentee": noor.user,
        "director": director,
        "superuser": make_user("root@example.com", name="Ada Root", is_superuser=True),
        "anonymous": AnonymousUser(),
    }


def log(pairing, by, *, notes=(), commitments=(), **kwargs):
    """Log a 45-minute walk a week ago, unless told otherwise."""
    kwargs.setdefault("starts_at", LAST_WEEK)
    return services.meeting_log(
        pairing=pairing,
        by=by,
        minutes=kwargs.pop("minutes", 45),
        format=kwargs.pop("format", Meeting.Format.WALK),
        notes=notes,
        commitments=commitments,
        now=kwargs.pop("now", NOW),
        **kwargs,
    )


def snapshot():
    """Every meeting, note, commitment and nudge: what a refusal must not touch."""
    return [
        list(model.objects.order_by("pk").values()) for model in (Meeting, Note, Commitment, Nudge)
    ]


def refused(code, call, capture, mailoutbox):
    """Run a change that must be refused: the code is right, nothing moved, nobody is mailed."""
    before = snapshot()
    with capture(execute=True), pytest.raises(Refusal) as caught:
        call()
    assert caught.value.code == code
    assert snapshot() == before
    assert mailoutbox == []
    return caught.value
