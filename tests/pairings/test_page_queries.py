"""The inbox, the request list, the pairings list and the dashboard cost the same
number of queries for 5 rows as for 200."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.pairings.models import MentorshipRequest, Pairing
from tests.factories import make_program, make_user

pytestmark = pytest.mark.django_db

Status = MentorshipRequest.Status

# Each count includes what every signed-in page that writes nothing costs: the
# session and the user (2).
INBOX_QUERIES = 4  # + the pending requests with their mentees, and their levels this year
REQUEST_LIST_QUERIES = 3  # + the requests with mentor, referral and pairing
PAIRING_LIST_QUERIES = 3  # + the pairings with both people
# The dashboard of someone both mentee and mentor (tests/dashboard/test_profile_cards.py).
DASHBOARD_QUERIES = 10


def _people(prefix: str, n: int, **flags) -> list[User]:
    now = timezone.now()
    return User.objects.bulk_create(
        User(
            email=f"{prefix}{i}@example.com",
            name=f"{prefix.title()} {i:03d}",
            onboarded_at=now,
            password="!",
            **flags,
        )
        for i in range(n)
    )


def build(program, label: str, n: int) -> User:
    """One person, mentor and mentee, with n of everything, statuses varied."""
    me = make_user(
        f"{label}@example.com", name=f"Dr {label.title()}", is_mentee=True, is_mentor=True
    )
    my_mentor_profile = MentorProfile.objects.create(user=me, title="Professor", capacity=20)
    my_mentor_profile.programs.add(program, through_defaults={"approved_at": timezone.now()})
    my_mentee_profile = MenteeProfile.objects.create(
        user=me, program=program, training_level="fellow", start_year=2026
    )
    mentees = MenteeProfile.objects.bulk_create(
        MenteeProfile(user=user, program=program, training_level="ca1", start_year=2026)
        for user in _people(f"{label}-mentee", n, is_mentee=True)
    )
    mentors = MentorProfile.objects.bulk_create(
        MentorProfile(user=user, title="Associate Professor")
        for user in _people(f"{label}-mentor", n, is_mentor=True)
    )
    Membership.objects.bulk_create(
        Membership(mentor=mentor, program=program, approved_at=timezone.now()) for mentor in mentors
    )
    now = timezone.now()
    # Asked of me: pending, some with a question asked and answered.
    MentorshipRequest.objects.bulk_create(
        MentorshipRequest(
            mentee=mentee,
            mentor=my_mentor_profile,
            program=program,
            drew_you=f"Reason {i}",
            question="How often?" if i % 2 else "",
            question_asked_at=now if i % 2 else None,
            question_answer="Monthly." if i % 4 == 1 else "",
            question_answered_at=now if i % 4 == 1 else None,
        )
        for i, mentee in enumerate(mentees)
    )
    # Asked by me: every status, a referral on the declined ones.
    statuses = [Status.PENDING, Status.DECLINED, Status.WITHDRAWN, Status.EXPIRED, Status.ACCEPTED]
    mine = MentorshipRequest.objects.bulk_create(
        MentorshipRequest(
            mentee=my_mentee_profile,
            mentor=mentor,
            program=program,
            drew_you=f"Reason {i}",
            status=statuses[i % 5],
            referred_to=mentors[(i + 1) % n] if statuses[i % 5] == Status.DECLINED else None,
        )
        for i, mentor in enumerate(mentors)
    )
    pairing_statuses = [
        Pairing.Status.PROPOSED,
        Pairing.Status.ACTIVE,
        Pairing.Status.PAUSED,
        Pairing.Status.ENDED,
    ]
    Pairing.objects.bulk_create(
        [
            # Mentored by me, one per mentee.
            *(
                Pairing(
                    mentor=my_mentor_profile,
                    mentee=mentee,
                    program=program,
                    status=pairing_statuses[i % 4],
                    started_on=None if i % 4 == 0 else now.date(),
                    ended_on=now.date() if i % 4 == 3 else None,
                )
                for i, mentee in enumerate(mentees)
            ),
            # My mentors, from my accepted requests.
            *(
                Pairing(
                    mentor=request.mentor,
                    mentee=my_mentee_profile,
                    program=program,
                    request=request,
                    status=pairing_statuses[i % 4],
                    started_on=None if i % 4 == 0 else now.date(),
                    ended_on=now.date() if i % 4 == 3 else None,
                    mentor_confirmed_at=now,
                )
                for i, request in enumerate(r for r in mine if r.status == Status.ACCEPTED)
            ),
        ]
    )
    return me


@pytest.fixture
def people():
    program = make_program()
    return {n: build(program, f"p{n}", n) for n in (5, 200)}


def counts_for(client, people, url, pinned, django_assert_max_num_queries, expect) -> list:
    counts = []
    for n, user in people.items():
        client.force_login(user)
        client.get(url)  # the first request records the signed-in session
        with django_assert_max_num_queries(pinned) as captured:
            response = client.get(url)
        text = response.content.decode()
        assert text.count(expect) >= min(n, 5), (n, expect)
        counts.append(len(captured))
    return counts


def test_the_inbox_costs_the_same_for_5_or_200_requests(
    client, people, django_assert_max_num_queries
):
    counts = counts_for(
        client,
        people,
        reverse("pairings:inbox"),
        INBOX_QUERIES,
        django_assert_max_num_queries,
        "What drew you to this mentor?",
    )
    assert counts[0] == counts[1]


def test_the_request_list_costs_the_same_for_5_or_200_requests(
    client, people, django_assert_max_num_queries
):
    counts = counts_for(
        client,
        people,
        reverse("pairings:request_list"),
        REQUEST_LIST_QUERIES,
        django_assert_max_num_queries,
        'class="card request-card"',
    )
    assert counts[0] == counts[1]


def test_the_pairing_list_costs_the_same_for_5_or_200_pairings(
    client, people, django_assert_max_num_queries
):
    counts = counts_for(
        client,
        people,
        reverse("pairings:list"),
        PAIRING_LIST_QUERIES,
        django_assert_max_num_queries,
        'class="card pairing-card"',
    )
    assert counts[0] == counts[1]


def test_the_dashboard_costs_the_same_for_5_or_200_pairings_and_requests(
    client, people, django_assert_max_num_queries
):
    counts = counts_for(
        client,
        people,
        reverse("home"),
        DASHBOARD_QUERIES,
        django_assert_max_num_queries,
        'class="card pairing-card"',
    )
    assert counts[0] == counts[1]
