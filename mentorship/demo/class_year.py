"""This year's class in the residency, for `seed_demo`: 24 residents, six at each
level, and their mentors (seven faculty, and three of the CA-3s as near-peers), so
that a program's health has something to show.

18 of the 24 are paired, each after a request a few days to three weeks before the
start, from early July to three weeks ago: 4 of 6 interns, 5 of 6 CA-1s and CA-2s,
4 of 6 CA-3s. Most pairs meet every three to six weeks, three have been quiet for
60 days or more, two haven't met yet; a few commitments are kept, some are overdue.
Two of those without a mentor are waiting for an answer; the others haven't asked.

Written in bulk and backdated, as seed_generated does, from the words in
story_class_residents.py and story_class_mentors.py. Idempotent: people, profiles,
appointments and pledges are made for whoever has none; the requests, pairings and
meetings are told once, while no resident of the class has a request or a pairing.
Every pairing gets at least one meeting (held or planned), so seed_meetings, which
gives a history to any started pairing without one, leaves them alone on a second run.
"""

from datetime import date, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from mentorship.demo.meetings import FORMATS, LENGTHS, TIMES
from mentorship.demo.profiles import create_profiles
from mentorship.demo.story_class_mentors import FACULTY, NEAR_PEERS, PAIRS, WAITING, Shape
from mentorship.demo.story_class_residents import INTERN, RESIDENTS
from mentorship.demo.story_meetings import MEETING_PLACES, MENTEE_COMMITMENTS, MENTOR_COMMITMENTS
from mentorship.demo.story_pairings import EXPLORE, HELP_NOW, YES_REPLIES
from mentorship.demo.story_people import DEMO_PASSWORD
from mentorship.demo.years import seed_years
from mentorship.meetings.models import Commitment, Meeting, Side
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import EvaluationPledge, MentorProfile
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.programs.models import Interest, Program
from mentorship.years.models import AcademicYear

# The pairings began between a few days into the year and three weeks ago. Early in
# a year that is a short window: it then reaches back into the spring (a resident
# who asked as a CA-1 is a CA-2 now), though never past an intern's first day.
FIRST_DAY = timedelta(days=3)
LAST_START = timedelta(days=21)
SHORTEST = timedelta(days=60)
# A pairing that hasn't met yet began at most this long ago: it isn't quiet yet.
NOT_MET_YET = timedelta(days=30)

MENTORS = {**FACULTY, **NEAR_PEERS}


def seed_class_year(residency: Program, director: User, now: datetime) -> tuple[int, int, int]:
    """The class, its mentors and its year. Returns how many people, pairings and
    meetings were made."""
    people = _seed_people(residency, director, now)
    pairings, meetings = _seed_pairings(residency, now)
    return people, pairings, meetings


def _seed_people(residency: Program, director: User, now: datetime) -> int:
    """Users, addresses, profiles, this year's appointments and the mentors' pledges,
    for whoever has none. Returns how many people were made."""
    names = {email: spec["name"] for email, spec in {**RESIDENTS, **FACULTY}.items()}
    have = set(User.objects.filter(email__in=names).values_list("email", flat=True))
    new = [email for email in names if email not in have]
    password = make_password(DEMO_PASSWORD) if new else ""
    User.objects.bulk_create(
        [
            User(
                email=email,
                name=names[email],
                password=password,
                is_mentee=email in RESIDENTS,
                is_mentor=email in MENTORS,
                onboarded_at=now,
            )
            for email in new
        ]
    )
    user_pks = dict(User.objects.filter(email__in=names).values_list("email", "pk"))
    addressed = set(
        EmailAddress.objects.filter(user_id__in=user_pks.values()).values_list("email", flat=True)
    )
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=pk, email=email, verified=True, primary=True)
            for email, pk in user_pks.items()
            if email not in addressed
        ]
    )

    interests = {i.name: i for i in Interest.objects.filter(name__in=_interest_names())}
    year = AcademicYear.objects.for_day(residency, timezone.localdate(now))

    def fields(spec: dict) -> dict:
        chosen = [interests[n] for n in spec["interests"] if n in interests]
        return {**{k: v for k, v in spec.items() if k != "name"}, "interests": chosen}

    create_profiles(
        MenteeProfile,
        {
            user_pks[email]: {
                **fields(spec),
                "program": residency,
                "start_year": year.starts_on.year,
            }
            for email, spec in RESIDENTS.items()
        },
        {},
    )
    approved = [{"program": residency, "approved_at": now, "approved_by": director}]
    create_profiles(
        MentorProfile,
        {user_pks[email]: fields(spec) for email, spec in MENTORS.items()},
        {user_pks[email]: approved for email in MENTORS},
    )
    # This year's appointments: each resident at their level, the faculty as faculty.
    seed_years([residency], now)
    # Every mentor of the class has given this year's word, so seed_terms finds
    # nothing to add on a second run.
    pledged = EvaluationPledge.objects.filter(year=year).values("mentor_id")
    EvaluationPledge.objects.bulk_create(
        [
            EvaluationPledge(mentor_id=pk, year=year, confirmed_at=now)
            for pk in MentorProfile.objects.filter(user__email__in=MENTORS)
            .exclude(pk__in=pledged)
            .values_list("pk", flat=True)
        ]
    )
    return len(new)


def _interest_names() -> set[str]:
    return {n for spec in (*RESIDENTS.values(), *MENTORS.values()) for n in spec["interests"]}


def _seed_pairings(residency: Program, now: datetime) -> tuple[int, int]:
    """The requests, pairings, meetings and commitments, told once. Returns how many
    pairings and meetings were made."""
    mentees = {
        p.user.email: p
        for p in MenteeProfile.objects.select_related("user").filter(user__email__in=RESIDENTS)
    }
    mentors = {
        p.user.email: p
        for p in MentorProfile.objects.select_related("user").filter(user__email__in=MENTORS)
    }
    if (
        MentorshipRequest.objects.filter(mentee__in=mentees.values()).exists()
        or Pairing.objects.filter(mentee__in=mentees.values()).exists()
    ):
        return 0, 0
    today = timezone.localdate(now)
    year = AcademicYear.objects.for_day(residency, today)
    latest = today - LAST_START
    window = (min(year.starts_on + FIRST_DAY, latest - SHORTEST), latest)
    # Near-peer or faculty, decided where every pairing's kind is (Pairing.kind_for).
    kinds = {
        email: Pairing.kind_for(mentors[email], residency) for email in {m for _, m, _, _ in PAIRS}
    }

    requests, pairings, meetings, commitments = [], [], [], []
    for i, (mentee_email, mentor_email, drew_you, shape) in enumerate(PAIRS):
        mentee, mentor = mentees[mentee_email], mentors[mentor_email]
        start = _start(shape, mentee.training_level, window, year.starts_on, today)
        began = min(_at(start, i), now)
        request = MentorshipRequest(
            mentee=mentee,
            mentor=mentor,
            program=residency,
            status=MentorshipRequest.Status.ACCEPTED,
            drew_you=drew_you,
            explore=EXPLORE[i % len(EXPLORE)],
            help_now=HELP_NOW[(i // 2) % len(HELP_NOW)],
            reply=YES_REPLIES[i % len(YES_REPLIES)],
            created_at=began - timedelta(days=shape.asked, hours=2 + i % 7),
            closed_at=began,
            closed_by=mentor.user,
        )
        pairing = Pairing(
            mentor=mentor,
            mentee=mentee,
            program=residency,
            status=Pairing.Status.ACTIVE,
            origin=Pairing.Origin.REQUEST,
            kind=kinds[mentor_email],
            request=request,
            created_at=began,
            created_by=mentor.user,
            started_on=start,
            mentor_confirmed_at=began,
            mentee_confirmed_at=began,
        )
        requests.append(request)
        pairings.append(pairing)
        held = _held_days(shape, start, today)
        pair_meetings = [
            _meeting(pairing, day, i + k, Meeting.Status.HELD, now) for k, day in enumerate(held)
        ]
        # The next meeting, planned for two pairs in three that still meet, and for
        # every pair that hasn't met yet: no pairing is left without a meeting.
        if not held or (not shape.quiet and i % 3 != 2):
            after = held[-1] + timedelta(days=shape.every) if held else today
            day = max(after, today + timedelta(days=2 + i % 5))
            pair_meetings.append(_meeting(pairing, day, i + len(held), Meeting.Status.PLANNED, now))
        meetings += pair_meetings
        commitments += _commitments(pairing, pair_meetings[: len(held)], shape, i, today)

    for mentee_email, mentor_email, drew_you, days, question in WAITING:
        asked = now - timedelta(days=days, hours=3)
        requests.append(
            MentorshipRequest(
                mentee=mentees[mentee_email],
                mentor=mentors[mentor_email],
                program=residency,
                drew_you=drew_you,
                explore=EXPLORE[days % len(EXPLORE)],
                help_now=HELP_NOW[days % len(HELP_NOW)],
                created_at=asked,
                question=question,
                question_asked_at=asked + timedelta(days=2) if question else None,
            )
        )

    MentorshipRequest.objects.bulk_create(requests)
    Pairing.objects.bulk_create(pairings)
    Meeting.objects.bulk_create(meetings)
    Commitment.objects.bulk_create(commitments)
    return len(pairings), len(meetings)


def _start(shape: Shape, level: str, window: tuple[date, date], first_day: date, today: date):
    """The day a pairing began: its place in the window, early enough for a quiet
    pair to have met before it went quiet, recent for a pair that hasn't met yet,
    and never before an intern's first day (once that day has come)."""
    earliest, latest = window
    day = earliest + timedelta(days=round((latest - earliest).days * shape.started))
    if shape.quiet:
        day = min(day, today - timedelta(days=shape.quiet + shape.first))
    if not shape.met:
        day = max(day, today - NOT_MET_YET)
    if level == INTERN and first_day <= today:
        day = max(day, first_day)
    return day


def _held_days(shape: Shape, start: date, today: date) -> list[date]:
    """The days they met: every `every` days from `first` days after the start until
    yesterday; for a quiet pair, until the meeting `quiet` days ago, their last."""
    if not shape.met:
        return []
    until = today - timedelta(days=shape.quiet) if shape.quiet else today
    days, day = [], start + timedelta(days=shape.first)
    while day < until:
        days.append(day)
        day += timedelta(days=shape.every)
    if shape.quiet:
        # The last meeting is `quiet` days ago; one just before it would be too close.
        days = [d for d in days if (until - d).days > shape.every // 2] + [until]
    return days


def _at(day: date, i: int) -> datetime:
    return datetime.combine(day, TIMES[i % len(TIMES)], tzinfo=timezone.get_current_timezone())


def _meeting(pairing: Pairing, day: date, i: int, status: str, now: datetime) -> Meeting:
    starts_at = _at(day, i)
    fmt = FORMATS[i % len(FORMATS)]
    planned = status == Meeting.Status.PLANNED
    places = MEETING_PLACES[fmt]
    return Meeting(
        pairing=pairing,
        starts_at=starts_at,
        minutes=LENGTHS[i % len(LENGTHS)],
        format=fmt,
        status=status,
        place=places[i % len(places)] if planned else "",
        logged_by=(pairing.mentor.user, pairing.mentee.user)[i % 2],
        created_at=max(now - timedelta(days=1 + i % 4), pairing.created_at)
        if planned
        else starts_at + timedelta(hours=2),
    )


def _commitments(
    pairing: Pairing, held: list[Meeting], shape: Shape, i: int, today: date
) -> list[Commitment]:
    """A few commitments: in every other pair, one made at the meeting before last and
    kept by the last; in each quiet pair and one pair in four, one made at the last
    meeting for two weeks later, still open (overdue once that day has passed)."""
    made = []

    def commit(meeting: Meeting, k: int, due_on: date, done_at=None) -> None:
        owner = (Side.MENTEE, Side.MENTOR)[(i + k) % 2]
        phrases = MENTOR_COMMITMENTS if owner == Side.MENTOR else MENTEE_COMMITMENTS
        made.append(
            Commitment(
                pairing=pairing,
                meeting=meeting,
                owner=owner,
                what=phrases[(i * 5 + k) % len(phrases)],
                due_on=due_on,
                done_at=done_at,
                created_by=meeting.logged_by,
                created_at=meeting.created_at,
            )
        )

    if len(held) >= 2 and i % 2 == 0:
        last = held[-1].starts_at
        commit(held[-2], 0, timezone.localdate(last), done_at=last - timedelta(days=2))
    if held and (shape.quiet or i % 4 == 1):
        commit(held[-1], 1, timezone.localdate(held[-1].starts_at) + timedelta(days=14))
    return made
