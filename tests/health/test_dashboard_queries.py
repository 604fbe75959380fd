"""The dashboard, its CSVs and charts cost the same number of queries for a few
pairs as for many more."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentorship.checkins.models import Checkin, FollowUp
from mentorship.meetings.models import Commitment
from tests.factories import (
    make_appointment,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
)
from tests.health.conftest import at, held, paired

pytestmark = pytest.mark.django_db

# The page: session, user, two-step check, programs, years; the pairs' facts (2:
# their dates, their meetings by pair), the commitments by pair, coverage, the
# pulse's totals (3) and by month (3), the response, the funnel; the shown pairs'
# flags and last pulses; the residents without a mentor; the base template's
# group check.
PAGE_QUERIES = 21


def more_pairs(program, start, n: int) -> None:
    day = lambda k: start + timedelta(days=k)  # noqa: E731
    for i in range(n):
        mentee = make_mentee_profile(
            make_mentee(f"r{i}@example.com", name=f"Resident {i:03}"), program=program
        )
        mentor = make_mentor_profile(
            make_mentor(f"m{i}@example.com", name=f"Dr Mentor {i:03}"), programs=[program]
        )
        make_appointment(mentee.user, program=program, level="ca1" if i % 2 else "ca3", day=start)
        pairing = paired(mentor, mentee, asked_on=day(i % 9), made_on=day(10 + i % 9))
        held(pairing, day(30 + i))
        Commitment.objects.create(
            pairing=pairing, owner="mentor", what="Send a paper", due_on=day(40 + i)
        )
        checkin = Checkin.objects.create(
            program=program,
            person=mentee.user,
            pairing=pairing,
            side="mentee",
            kind="pulse",
            period="pulse-90",
            level="ca1",
            mentor_kind="faculty",
            opened_on=day(100),
            closes_on=day(114),
            status="answered",
            answered_at=at(day(101)),
        )
        FollowUp.objects.create(
            program=program, pairing=pairing, checkin=checkin, reason="low_pulse"
        )


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_for_many_more_pairs(
    client, world, director, program, django_assert_num_queries
):
    client.force_login(director)
    url = reverse("health:dashboard") + f"?year={world['start'].isoformat()}"
    client.get(url)
    with django_assert_num_queries(PAGE_QUERIES):
        client.get(url)
    more_pairs(program, world["start"], 30)
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(url)
    assert "Resident 029" in response.content.decode()


def test_csvs_and_charts_cost_the_same_queries_for_many_more_pairs(
    client, world, director, program
):
    client.force_login(director)
    q = f"?year={world['start'].isoformat()}"
    urls = [reverse("health:csv", args=[n]) + q for n in ("pairs", "residents", "pulse")] + [
        reverse("health:chart", args=[n]) + q for n in ("coverage", "status", "pulse")
    ]
    client.get(urls[0])  # the session's first page records it
    before = [count(client, u) for u in urls]
    more_pairs(program, world["start"], 30)
    assert [count(client, u) for u in urls] == before
