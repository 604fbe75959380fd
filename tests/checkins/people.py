"""A small program for the check-in tests: its people, pairings and check-ins."""

from datetime import date

from mentorship.checkins.models import Answer, Checkin, Kind
from mentorship.pairings.models import Pairing
from tests.checkins.factories import question
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
)


def pair(program, n: int, *, level="ca1", kind=Pairing.Kind.FACULTY, started_on=None, **fields):
    """Mentee n (with mentor n) in `program`, paired and active since `started_on`."""
    mentor = make_mentor_profile(
        make_mentor(f"mentor{n}@example.com", name=f"Dr Mentor {n}"), programs=[program]
    )
    mentee = make_mentee_profile(
        make_mentee(f"mentee{n}@example.com", name=f"Resident {n}"),
        program=program,
        training_level=level,
    )
    return make_pairing(
        mentor,
        mentee,
        program=program,
        kind=kind,
        started_on=started_on or date(2026, 7, 1),
        **fields,
    )


def ask(pairing, *, kind=Kind.PULSE, period="pulse-30", opened_on=date(2026, 8, 1), level=None):
    """A check-in to the mentee of `pairing`, as the calendar would open it."""
    return Checkin.objects.create(
        program=pairing.program,
        person=pairing.mentee.user,
        pairing=pairing,
        side="mentee",
        kind=kind,
        period=period,
        level=level if level is not None else pairing.mentee.training_level,
        mentor_kind=pairing.kind,
        opened_on=opened_on,
        closes_on=Checkin.closing_day(opened_on),
    )


def answer(checkin, key: str, number=None, text=""):
    q = question(checkin.kind, key)
    checkin.status = Checkin.Status.ANSWERED
    checkin.save(update_fields=["status"])
    return Answer.objects.create(
        checkin=checkin, question=q, number=number, text=text, audience=q.audience
    )
