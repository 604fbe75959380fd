"""The demo's class of this year (mentorship/demo/class_year.py): 24 residents across
the levels, their mentors, and a year of pairings a program's health can show."""

from collections import Counter
from datetime import datetime, time, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from mentorship.demo.class_year import seed_class_year
from mentorship.demo.story_class_mentors import FACULTY, NEAR_PEERS
from mentorship.demo.story_class_residents import RESIDENTS
from mentorship.meetings.models import Commitment, Meeting
from mentorship.meetings.services import pairings_quiet
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import EvaluationPledge, Membership, MentorProfile
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear, Appointment
from tests.factories import make_director, make_program

pytestmark = pytest.mark.django_db

# What the class shows: residents with an active pairing, of the six at each level.
COVERAGE = {"intern": 4, "ca1": 5, "ca2": 5, "ca3": 4}


def residency() -> Program:
    return Program.objects.get(slug="stanford-anesthesiology")


def class_pairings():
    return Pairing.objects.filter(mentee__user__email__in=RESIDENTS)


def levels_this_year(program: Program, day=None) -> dict[int, str]:
    """user id -> level, from this year's appointments in the program."""
    return dict(
        Appointment.objects.current(day).in_program(program).values_list("user_id", "level")
    )


def test_the_class_has_six_residents_at_each_level_and_ten_mentors():
    call_command("seed_demo")

    program = residency()
    levels = levels_this_year(program)
    mentees = MenteeProfile.objects.filter(user__email__in=RESIDENTS).select_related("user")
    assert mentees.count() == 24
    assert Counter(levels[m.user_id] for m in mentees) == {
        "intern": 6,
        "ca1": 6,
        "ca2": 6,
        "ca3": 6,
    }
    for mentee in mentees:
        assert mentee.program == program
        assert mentee.training_level == levels[mentee.user_id]
        assert mentee.empty_prompts == []
        assert mentee.interests.count() >= 3
    mentors = MentorProfile.objects.filter(user__email__in=[*FACULTY, *NEAR_PEERS]).select_related(
        "user"
    )
    assert mentors.count() == 10
    assert Counter(levels[m.user_id] for m in mentors) == {"faculty": 7, "ca3": 3}
    for mentor in mentors:
        assert mentor.empty_prompts == []
        assert mentor.is_listed_in(program.pk)
        assert Membership.objects.get(mentor=mentor).approved_by.email == "director@example.com"
    assert EvaluationPledge.objects.filter(mentor__in=mentors).count() == 10
    # Names are the people's own, addresses made up and verified.
    users = User.objects.filter(email__in=[*RESIDENTS, *FACULTY])
    assert len(set(users.values_list("name", flat=True))) == 31
    assert EmailAddress.objects.filter(user__in=users, verified=True).count() == 31


def test_coverage_by_level_differs_and_near_peers_mentor_those_earlier_in_training():
    call_command("seed_demo")

    levels = levels_this_year(residency())
    active = class_pairings().filter(status="active").select_related("mentee", "mentor")
    assert active.count() == 18
    assert Counter(levels[p.mentee.user_id] for p in active) == COVERAGE
    # One mentor each; a mentor's places are never exceeded.
    assert len({p.mentee_id for p in active}) == 18
    for mentor in MentorProfile.objects.with_open_places().filter(pairings__in=active).distinct():
        assert mentor.active_mentees <= mentor.capacity
    kinds = Counter(p.kind for p in active)
    assert kinds == {"faculty": 12, "near_peer": 6}
    for pairing in active:
        near_peer = pairing.mentor.user.email in NEAR_PEERS
        assert pairing.kind == ("near_peer" if near_peer else "faculty")
        if near_peer:
            assert levels[pairing.mentee.user_id] in {"intern", "ca1", "ca2"}
    # Two of the six without a mentor are waiting for an answer, within its time.
    waiting = MentorshipRequest.objects.filter(mentee__user__email__in=RESIDENTS, status="pending")
    assert waiting.count() == 2
    assert not waiting.filter(mentee__pairings__isnull=False).exists()


def test_the_pairings_began_this_year_after_requests_answered_in_days_or_weeks():
    call_command("seed_demo")

    program = residency()
    today = timezone.localdate()
    year = AcademicYear.objects.for_day(program, today)
    pairings = class_pairings().select_related("request")
    days_to_match = []
    for pairing in pairings:
        assert pairing.origin == "request"
        assert pairing.request.status == "accepted"
        assert pairing.request.closed_at == pairing.created_at
        assert pairing.started_on <= today - timedelta(days=21)
        if today - year.starts_on > timedelta(days=120):  # the window is the year's
            assert pairing.started_on >= year.starts_on
        days_to_match.append((pairing.created_at - pairing.request.created_at).days)
    assert min(days_to_match) <= 4 and max(days_to_match) >= 19
    assert len(set(days_to_match)) > 10


def test_most_pairs_meet_every_few_weeks_three_have_gone_quiet_and_two_have_not_met():
    call_command("seed_demo")

    now, today = timezone.now(), timezone.localdate()
    pairings = list(class_pairings().with_meeting_figures().select_related("program"))
    quiet = [p for p in pairings if p.days_quiet(today)]
    assert sorted(p.days_quiet(today) for p in quiet) == [64, 73, 88]
    assert {p.pk for p in quiet} <= {p.pk for p in pairings_quiet()}
    not_met = [p for p in pairings if p.meetings_held == 0]
    assert len(not_met) == 2
    for pairing in pairings:
        meetings = list(pairing.meetings.all())
        assert meetings, "every pairing has a meeting, held or planned"
        planned = [m for m in meetings if m.status == "planned"]
        assert len(planned) <= 1
        assert all(m.starts_at > now and m.place for m in planned)
        held = sorted(m.starts_at for m in meetings if m.status == "held")
        assert all(timezone.localdate(at) > pairing.started_on and at < now for at in held)
        if pairing in quiet:
            assert not planned and len(held) >= 2
        elif pairing in not_met:
            assert len(planned) == 1
            assert (today - pairing.started_on).days <= 30
        else:
            assert pairing.days_since_met(today) <= 42
            gaps = {(b - a).days for a, b in zip(held, held[1:], strict=False)}
            assert gaps <= set(range(20, 43))
    # Of the pairs that meet, some have planned their next meeting and some not yet.
    meeting = [p for p in pairings if p not in quiet and p not in not_met]
    planned_next = sum(1 for p in meeting if p.meetings.planned().exists())
    assert 0 < planned_next < len(meeting)
    days_to_first = {
        (timezone.localdate(p.meetings.held().order_by("starts_at")[0].starts_at) - p.started_on)
        for p in pairings
        if p not in quiet and p not in not_met
    }
    assert len(days_to_first) > 5


def test_some_commitments_are_kept_and_some_are_overdue():
    call_command("seed_demo")

    commitments = Commitment.objects.filter(pairing__in=class_pairings())
    kept = commitments.filter(done_at__isnull=False)
    assert kept.count() >= 5
    assert not kept.filter(done_at__gt=timezone.now()).exists()
    assert commitments.overdue().count() >= 3
    quiet = [p.pk for p in pairings_quiet() if p.mentee.user.email in RESIDENTS]
    assert commitments.overdue().filter(pairing__in=quiet).count() == 3
    assert commitments.open().exclude(pk__in=commitments.overdue()).exists()


def test_seed_demo_run_twice_adds_nothing_to_the_class(capsys):
    call_command("seed_demo")
    people = User.objects.filter(email__in=[*RESIDENTS, *FACULTY])
    rows = [
        people,
        EmailAddress.objects.filter(user__in=people),
        MenteeProfile.objects.filter(user__in=people),
        MentorProfile.objects.filter(user__in=people),
        Membership.objects.filter(mentor__user__in=people),
        Appointment.objects.filter(user__in=people),
        EvaluationPledge.objects.filter(mentor__user__in=people),
        MentorshipRequest.objects.filter(mentee__user__in=people),
        class_pairings(),
        Meeting.objects.filter(pairing__in=class_pairings()),
        Commitment.objects.filter(pairing__in=class_pairings()),
    ]
    before = [queryset.count() for queryset in rows]
    assert before[:9] == [31, 31, 24, 10, 10, 31, 10, 20, 18]
    assert "This year's class: new people: 31; new pairings: 18; new meetings: " in (
        capsys.readouterr().out
    )

    call_command("seed_demo")

    assert [queryset.count() for queryset in rows] == before
    assert "This year's class: new people: 0; new pairings: 0; new meetings: 0." in (
        capsys.readouterr().out
    )


def test_early_in_the_year_the_class_still_has_its_shape():
    """Ten days into the year, the window reaches back into the spring for the
    residents further along; interns start no earlier than their first day."""
    director = make_director()
    program = make_program(directors=[director])
    today = timezone.localdate()
    first_day = AcademicYear.objects.for_day(program, today).starts_on
    day = min(today, first_day + timedelta(days=10))
    now = min(
        timezone.now(),
        datetime.combine(day, time(12, 0), tzinfo=timezone.get_current_timezone()),
    )

    assert seed_class_year(program, director, now)[:2] == (31, 18)

    levels = levels_this_year(program, day)
    pairings = list(
        Pairing.objects.filter(program=program)
        .with_meeting_figures()
        .select_related("mentee", "program")
    )
    assert Counter(levels[p.mentee.user_id] for p in pairings) == COVERAGE
    assert sorted(filter(None, (p.days_quiet(day) for p in pairings))) == [64, 73, 88]
    for pairing in pairings:
        assert pairing.started_on <= day
        if levels[pairing.mentee.user_id] == "intern":
            assert pairing.started_on >= first_day
    for meeting in Meeting.objects.filter(pairing__program=program).select_related("pairing"):
        assert timezone.localdate(meeting.starts_at) > meeting.pairing.started_on
        assert (meeting.starts_at < now) == (meeting.status == "held")
    assert seed_class_year(program, director, now) == (0, 0, 0)
