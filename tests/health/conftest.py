"""The health dashboard's own program: last academic year, wholly in the past, so
every figure is fixed whatever day the tests run (the year's figures stand on its
last day). Built from the suite's cast (tests/cast.py) plus what only these tests need.

Stanford Anesthesiology, year starting S (last year's first day):
- Sam (CA-1) asked Dr Chen on S+10, paired on S+14 (4 days), met S+20, S+100,
  S+190, S+280: active, quarterly, first meeting in 6 days.
- Ana (CA-1) asked Dr Levin on S, paired on S+20 (20 days), met once on S+70:
  active, not quarterly, first meeting in 50 days.
- Alex (CA-2), Match Day's pair with Dr Park from S+5, met S+10, ended S+60.
- Noor (CA-2) has no mentor.
Coverage 2 of 4 (CA-1 2 of 2, CA-2 0 of 2); median days to match 12; first met
within 30 days 2 of 3; quarterly 1 of 2; commitments kept 2 of 3; funnel 3
invited, 2 joined, 1 matched, 1 met.
Bay Area Society (another director's) has one resident, Rae, paired with Dr Stone.
"""

from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from mentorship.invitations.models import Invitation
from mentorship.meetings.models import Commitment, Meeting, Note
from mentorship.pairings.models import Pairing
from mentorship.years.models import AcademicYear
from tests.factories import (
    add_totp,
    make_appointment,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_request,
    make_user,
)

NOTE = "Sam spoke about a night that still keeps him awake."


def at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def last_year_start(program) -> date:
    return program.year_start_on_or_before(timezone.localdate()).replace(
        year=program.year_start_on_or_before(timezone.localdate()).year - 1
    )


def held(pairing, day: date) -> Meeting:
    return Meeting.objects.create(pairing=pairing, starts_at=at(day), status=Meeting.Status.HELD)


def paired(mentor, mentee, *, asked_on: date | None, made_on: date, **fields) -> Pairing:
    request = None
    if asked_on is not None:
        request = make_request(mentor, mentee, status="accepted")
        request.created_at = at(asked_on)
        request.save(update_fields=["created_at"])
    return make_pairing(
        mentor, mentee, started_on=made_on, created_at=at(made_on), request=request, **fields
    )


@pytest.fixture
def start(program):
    return last_year_start(program)


@pytest.fixture
def year(program, start):
    return AcademicYear.objects.for_day(program, start)


@pytest.fixture
def world(
    program, other_program, director, other_director, sam, ana, noor, alex, chen, levin, park, start
):
    add_totp(director)
    add_totp(other_director)
    day = lambda n: start + timedelta(days=n)  # noqa: E731
    for person, level in ((sam, "ca1"), (ana, "ca1"), (alex, "ca2"), (noor, "ca2")):
        make_appointment(person.user, program=program, level=level, day=start)
    sam_chen = paired(chen, sam, asked_on=day(10), made_on=day(14))
    ana_levin = paired(levin, ana, asked_on=day(0), made_on=day(20))
    alex_park = paired(
        park,
        alex,
        asked_on=None,
        made_on=day(5),
        origin=Pairing.Origin.MATCHING,
        status=Pairing.Status.ENDED,
        ended_on=day(60),
    )
    for n in (20, 100, 190, 280):
        meeting = held(sam_chen, day(n))
    Note.objects.create(meeting=meeting, author=sam.user, prompt="taking_away", answer=NOTE)
    held(ana_levin, day(70))
    held(alex_park, day(10))
    for pairing, due, done in ((sam_chen, 30, True), (sam_chen, 40, False), (ana_levin, 50, True)):
        Commitment.objects.create(
            pairing=pairing,
            owner="mentee",
            what="Read the airway chapter",
            due_on=day(due),
            done_at=at(day(due)) if done else None,
        )
    newcomer = make_user("lee@example.com", name="Lee Newcomer")
    for user, joined in ((sam.user, True), (noor.user, True), (newcomer, False)):
        Invitation.objects.create(
            program=program,
            user=user,
            email=user.email,
            name=user.name,
            level="ca1",
            starts_on=start,
            sent_at=at(day(-30)),
            joined_at=at(day(-20)) if joined else None,
        )
    # Another director's program, in the same year.
    rae = make_mentee_profile(
        make_mentee("rae@example.com", name="Rae Other"), program=other_program
    )
    stone = make_mentor_profile(
        make_mentor("stone@example.com", name="Dr Kim Stone"), programs=[other_program]
    )
    make_appointment(rae.user, program=other_program, level="ca1", day=start)
    other = paired(stone, rae, asked_on=day(1), made_on=day(3))
    held(other, day(4))
    return {
        "sam_chen": sam_chen,
        "ana_levin": ana_levin,
        "alex_park": alex_park,
        "other": other,
        "start": start,
    }
