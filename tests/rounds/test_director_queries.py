"""The director's round pages cost the same number of queries for 10 mentees as
for 60: names are read once for the whole round, and everything else per kind
of row, never per mentee."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.rounds import services
from mentorship.rounds.models import Choice, Entrant, Exclusion, Round, Seat
from tests.factories import interest, make_director_round
from tests.rounds.director_support import signed_in

pytestmark = pytest.mark.django_db

# Every page: the session and its user (2), two-step verification (1), the round
# (1); an HTML page also asks whether the viewer directs, for the menu (1).
GATE = 4
PAGE = GATE + 1
# The round's run (1), everyone's names (1), the run's overrides (1).
RUN = 3
# The unmatched's interests (1), the interests of the mentors with room (1), their
# names (1), the evaluators (1), the exclusions (1) and past pairings (1) of the
# unmatched; every run (1), every move (1).
REVIEW = PAGE + RUN + 6 + 2
# services.check (14: the round's input, the names on it, who hasn't confirmed);
# the names for the form (1), the exclusions (1).
CHECK = PAGE + 14 + 2
# The mentee (1), their list (1), their exclusions (1), the roles of the mentors
# on it (1), which of them ranked anyone (1).
MENTEE = PAGE + RUN + 5
# The mentor (1), their seat (1), who listed them (1), their ranking (1).
MENTOR = PAGE + RUN + 4
# The run (1), the names (1), its overrides (1), the round's run (1) and its
# overrides (1), both runs' pairs again for the difference (2).
WHAT_IF = PAGE + 7
# The round's own run: no difference to draw.
THE_RUN = PAGE + 4
# The run, names and overrides (3), the mentees' levels (1); no menu in a CSV.
CSV = GATE + RUN + 1
# The counts (2), the run (1), the names (1), its overrides (1), every run (1), every move (1).
REPORT = PAGE + 7
PUBLISH = PAGE + RUN
# The round's run (1) and the counts (2).
MANAGE = PAGE + 3
# The rounds (1), in place of one round.
INDEX = PAGE


def build(program, director, n: int) -> Round:
    """n mentees with lists of three of n // 2 mentors (one place each), a few pairs
    left out by a director, a third of the mentees sharing an interest with every
    mentor; run once, with one director's move and one what-if."""
    users = User.objects.bulk_create(
        [User(email=f"r{i}@example.com", name=f"Resident {i:03}", is_mentee=True) for i in range(n)]
        + [
            User(email=f"m{i}@example.com", name=f"Dr Mentor {i:03}", is_mentor=True)
            for i in range(n // 2)
        ]
    )
    mentees = MenteeProfile.objects.bulk_create(
        MenteeProfile(user=u, program=program, training_level="ca1", start_year=2026)
        for u in users[:n]
    )
    mentors = MentorProfile.objects.bulk_create(
        MentorProfile(user=u, title="Professor", capacity=2) for u in users[n:]
    )
    Membership.objects.bulk_create(
        Membership(mentor=m, program=program, approved_at=timezone.now()) for m in mentors
    )
    wellness = interest("Wellness")
    for m in mentors:
        m.interests.add(wellness)
    for m in mentees[::3]:
        m.interests.add(wellness)
    round = make_director_round(
        program, mentees=mentees, mentors=mentors, state=Round.State.CLOSED, by=director
    )
    Seat.objects.filter(round=round).update(capacity=1, confirmed_at=timezone.now())
    k = len(mentors)
    Choice.objects.bulk_create(
        Choice(round=round, mentee=mentee, mentor=mentors[(i * 7 + j) % k], rank=j + 1)
        for i, mentee in enumerate(mentees)
        for j in range(3)
    )
    Exclusion.objects.bulk_create(
        Exclusion(
            round=round,
            mentee=c.mentee,
            mentor=c.mentor,
            source=Exclusion.Source.DIRECTOR,
            reason="Left out.",
        )
        for c in Choice.objects.filter(round=round, rank=2)[:3]
    )
    services.problems_accept(round=round, by=director, code="few_seats")  # half the places
    run = services.run_solve(round=round, by=director)
    someone = MenteeProfile.objects.get(pk=int(next(iter(run.result))))
    services.override_move(run=run, mentee=someone, to_mentor=None, by=director, reason="Wait.")
    services.run_solve(
        round=round, by=director, what_if=True, changes={"capacities": {str(mentors[0].pk): 3}}
    )
    round.refresh_from_db()
    return round


def pages(round: Round) -> list[tuple[str, int]]:
    run = round.run
    mentee = Entrant.objects.filter(round=round).last().mentee_id
    mentor = Seat.objects.filter(round=round).first().mentor_id
    tried = round.runs.get(is_draft=True)
    review = reverse("rounds:review", args=[round.pk])
    return [
        (review, REVIEW),
        (review + "?page=2&q=resident", REVIEW),
        (review + "?show=mentors", REVIEW),
        (review + "?only=unmatched", REVIEW),
        (reverse("rounds:check", args=[round.pk]), CHECK),
        (reverse("rounds:mentee", args=[round.pk, mentee]), MENTEE),
        (reverse("rounds:mentor", args=[round.pk, mentor]), MENTOR),
        (reverse("rounds:run", args=[round.pk, tried.pk]), WHAT_IF),
        (reverse("rounds:run", args=[round.pk, run.pk]), THE_RUN),
        (reverse("rounds:csv", args=[round.pk]), CSV),
        (reverse("rounds:report", args=[round.pk]), REPORT),
        (reverse("rounds:publish", args=[round.pk]), PUBLISH),
        (reverse("rounds:manage", args=[round.pk]), MANAGE),
        (reverse("rounds:index"), INDEX),
    ]


@pytest.mark.parametrize("n", [10, 60])
def test_the_directors_pages_cost_the_same_for_10_or_60_mentees(
    client, program, director, n, django_assert_num_queries
):
    round = build(program, director, n)
    signed_in(client, director)
    client.get(reverse("rounds:index"))  # the session's first page refreshes it

    for url, queries in pages(round):
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200, url


def test_the_larger_round_has_pages_beyond_the_first(client, program, director):
    round = build(program, director, 60)
    signed_in(client, director)

    response = client.get(reverse("rounds:review", args=[round.pk]) + "?page=2")

    assert response.context["page"].number == 2
    assert len(response.context["rows"]) == 10
