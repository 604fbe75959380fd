"""The director's pages' own round: four mentees and four mentors of the cast, with
lists that make every kind of explanation.

- Dr Dana Chen has one place; Sam lists her then Dr Ari Levin, Ana lists her then
  Dr Lee Park, and Dana ranks Ana first: Ana gets Dana (her first choice) and Sam
  gets Ari, his 2nd, because Dana was full with a mentee she ranked higher. Lee
  Park ranks Noor, then Ana.
- Noor lists Dr Ana Grey, who sits on the CCC (a conflict: the pair is left out
  before solving), then Lee Park: Noor gets Lee, her 2nd.
- Alex sends no list: unmatched, and the check holds the run until accepted.
"""

from django.utils import timezone

from mentorship.rounds import services
from mentorship.rounds.models import Choice, MentorRanking, Round, Seat
from tests.factories import add_totp, make_director_round

DREW = "Her talk on airway simulation at grand rounds."


def signed_in(client, user, *, totp: bool = True):
    if totp:
        add_totp(user)
    client.force_login(user)
    return client


def lists(round: Round, wishes: dict) -> None:
    """{mentee profile: [mentor profiles in order]}, straight into the database."""
    Choice.objects.bulk_create(
        Choice(round=round, mentee=mentee, mentor=mentor, rank=n, drew_you=DREW if n == 1 else "")
        for mentee, mentors in wishes.items()
        for n, mentor in enumerate(mentors, start=1)
    )


def places(round: Round, capacities: dict) -> None:
    """{mentor profile: places}, confirmed now."""
    for mentor, capacity in capacities.items():
        Seat.objects.filter(round=round, mentor=mentor).update(
            capacity=capacity, confirmed_at=timezone.now()
        )


def ranking(round: Round, mentor, mentees) -> None:
    MentorRanking.objects.bulk_create(
        MentorRanking(round=round, mentor=mentor, mentee=m, rank=n)
        for n, m in enumerate(mentees, start=1)
    )


def fill(round: Round, *, sam, ana, noor, alex, chen, levin, park, grey) -> Round:
    """The lists, places and ranking described above, on a round that has its
    entrants and seats."""
    lists(round, {sam: [chen, levin], ana: [chen, park], noor: [grey, park]})
    places(round, {chen: 1, levin: 1, park: 2, grey: 1})
    ranking(round, chen, [ana, sam])
    ranking(round, park, [noor, ana])
    return round


def closed_round(program, director, people: dict, **fields) -> Round:
    """The round with its lists in, closed (not yet run)."""
    round = make_director_round(
        program,
        mentees=[people[n] for n in ("sam", "ana", "noor", "alex")],
        mentors=[people[n] for n in ("chen", "levin", "park", "grey")],
        state=Round.State.CLOSED,
        by=director,
        **fields,
    )
    return fill(round, **people)


def solved_round(program, director, people: dict, **fields) -> Round:
    """The round run once, Alex's missing list accepted."""
    round = closed_round(program, director, people, **fields)
    services.problems_accept(round=round, by=director, code="no_list")
    services.run_solve(round=round, by=director)
    round.refresh_from_db()
    return round
