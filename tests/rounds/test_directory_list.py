"""'Add to my list' from the mentors' directory and a mentor's page, and the home
page's Match Day card: shown to the people of a round taking lists, for the mentors
who have a seat in it, at a constant cost in queries."""

import html
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentorship.mentors.models import MentorProfile
from mentorship.rounds import services
from mentorship.rounds.models import Choice, Round
from tests.factories import make_mentee_profile, make_mentor_profile, make_round, make_user
from tests.mentors.directory_support import DIRECTORY_QUERIES, make_many_mentors

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("mentors:directory")
BUTTON = ">Add to my list<"


@pytest.fixture
def round(program, sam, chen, levin):
    """Sam ranks; Dana Chen and Ari Levin have seats (Ana Grey, of the program, hasn't)."""
    return make_round(program, mentees=[sam], mentors=[chen, levin], list_min=1, list_max=2)


def text(response) -> str:
    return html.unescape(response.content.decode())


def card_of(page: str, name: str) -> str:
    """The directory card of one mentor."""
    start = page.index(f">{name}</a></h2>")
    end = page.find('<li class="card mentor-card">', start)
    return page[start : end if end > 0 else None]


def test_a_mentee_of_a_round_sees_the_button_on_seated_mentors_cards(
    client, round, sam, chen, levin, grey
):
    client.force_login(sam.user)

    page = text(client.get(DIRECTORY))

    assert BUTTON in card_of(page, "Dr Dana Chen")
    assert BUTTON in card_of(page, "Dr Ari Levin")
    assert BUTTON not in card_of(page, "Dr Ana Grey")
    assert f'action="{reverse("rounds:add", args=[round.pk])}"' in page
    assert f'name="next" value="{DIRECTORY}#on-list-{chen.pk}"' in page


def test_adding_from_a_card_comes_back_to_it_and_says_where_on_the_list(
    client, round, sam, chen, levin
):
    client.force_login(sam.user)
    here = f"{DIRECTORY}?q=listen#on-list-{chen.pk}"

    response = client.post(
        reverse("rounds:add", args=[round.pk]), {"mentor": chen.pk, "next": here}
    )

    assert response["Location"] == here
    page = text(client.get(response["Location"]))
    assert "Dr Dana Chen is 1st on your list for Match Day 2027." in page
    assert "On your list (1st)" in card_of(page, "Dr Dana Chen")
    assert BUTTON in card_of(page, "Dr Ari Levin")
    services.choice_add(round=round, mentor=levin, by=sam.user)
    page = text(client.get(DIRECTORY))
    assert "On your list (2nd)" in card_of(page, "Dr Ari Levin")


def test_a_full_list_says_so_on_the_cards_not_yet_on_it(client, program, sam, chen, levin, park):
    round = make_round(program, mentees=[sam], mentors=[chen, levin, park], list_min=1, list_max=2)
    services.choice_add(round=round, mentor=chen, by=sam.user)
    services.choice_add(round=round, mentor=levin, by=sam.user)
    client.force_login(sam.user)

    page = text(client.get(DIRECTORY))

    assert "list is full" in card_of(page, "Dr Lee Park") and BUTTON not in page


def test_the_mentors_page_has_the_button_and_comes_back_to_itself(client, round, sam, chen):
    client.force_login(sam.user)
    profile = reverse("pairings:mentor", args=[chen.pk])

    page = text(client.get(profile))
    response = client.post(
        reverse("rounds:add", args=[round.pk]), {"mentor": chen.pk, "next": profile}
    )

    assert BUTTON in page and f'name="next" value="{profile}"' in page
    assert response["Location"] == profile
    assert "On your list (1st)" in text(client.get(profile))


@pytest.mark.parametrize("who", ["noor", "chen", "director"])
def test_nobody_outside_the_rounds_mentees_sees_the_button(client, request, round, who):
    person = request.getfixturevalue(who)
    client.force_login(getattr(person, "user", person))
    assert BUTTON not in text(client.get(DIRECTORY))


def test_no_button_once_lists_close(client, round, sam, chen):
    services.choice_add(round=round, mentor=chen, by=sam.user)
    Round.objects.filter(pk=round.pk).update(
        opens_on=timezone.localdate() - timedelta(days=10),
        mentee_deadline=timezone.localdate() - timedelta(days=1),
    )
    client.force_login(sam.user)
    page = text(client.get(DIRECTORY))
    assert BUTTON not in page and "On your list" not in page


def test_a_mentee_and_mentor_sees_no_button_on_their_own_card(client, round, program, chen):
    chen.user.is_mentee = True
    chen.user.save()
    round.entrants.create(mentee=make_mentee_profile(chen.user, program=program))
    client.force_login(chen.user)
    page = text(client.get(DIRECTORY))
    assert BUTTON not in card_of(page, "Dr Dana Chen")
    assert BUTTON in card_of(page, "Dr Ari Levin")


@pytest.mark.parametrize("count", [10, 300])
def test_the_directory_of_a_mentee_in_a_round_costs_the_same_for_10_or_300_seats(
    client, program, sam, count, django_assert_max_num_queries
):
    make_many_mentors(program, count)
    mentors = list(MentorProfile.objects.listed_in([program.pk]).order_by("pk"))
    round = make_round(program, mentees=[sam], mentors=mentors, list_max=3)
    for mentor in mentors[:2]:
        services.choice_add(round=round, mentor=mentor, by=sam.user)
    client.force_login(sam.user)
    client.get(reverse("home"))  # the first request records the signed-in session

    with django_assert_max_num_queries(DIRECTORY_QUERIES):
        response = client.get(DIRECTORY)

    page = text(response)
    assert page.count(BUTTON) + page.count("On your list (") == min(count, 20)


def test_the_mentors_page_costs_the_same_in_a_round_or_not(client, round, sam, chen, noor):
    # The round adds one query (the seats the viewer could add), for anyone who is a mentee.
    profile = reverse("pairings:mentor", args=[chen.pk])
    counts = []
    for person in (sam.user, noor.user):
        client.force_login(person)
        client.get(reverse("home"))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(profile).status_code == HTTPStatus.OK
        counts.append(len(captured))
    assert counts[0] == counts[1]


# --- the home page ---------------------------------------------------------------------


def home(client) -> str:
    return text(client.get(reverse("home")))


def test_home_asks_a_mentee_to_build_their_list_by_the_deadline(client, round, sam, chen):
    client.force_login(sam.user)

    page = home(client)

    deadline = f"{round.mentee_deadline:%-d %B}"
    assert f"Match Day 2027: build your list by {deadline}" in page
    assert reverse("rounds:mine", args=[round.pk]) in page and "Build my list" in page
    services.choice_add(round=round, mentor=chen, by=sam.user)
    services.list_submit(round=round, by=sam.user)
    assert "Your list is in, with 1 name." in home(client)


def test_home_asks_a_mentor_to_confirm_their_places(client, round, chen):
    client.force_login(chen.user)

    assert "Match Day 2027: confirm your places" in home(client)
    services.seat_confirm(round=round, by=chen.user, capacity=2, no_preference=False)
    assert "Match Day 2027: your places are confirmed" in home(client)


def test_home_says_when_results_come_once_lists_close(client, round, sam):
    Round.objects.filter(pk=round.pk).update(state=Round.State.CLOSED)
    client.force_login(sam.user)
    page = home(client)
    assert f"Match Day 2027: results on {round.publish_on:%-d %B}" in page
    assert "build your list" not in page


def test_home_has_no_card_once_published_or_for_others(client, round, sam, noor):
    client.force_login(noor.user)
    assert "Match Day" not in home(client)
    Round.objects.filter(pk=round.pk).update(
        state=Round.State.PUBLISHED, published_at=timezone.now()
    )
    client.force_login(sam.user)
    assert "Match Day" not in home(client)


def test_the_home_page_costs_the_same_in_one_round_or_three(
    client, program, django_assert_max_num_queries
):
    from tests.dashboard.test_profile_cards import DASHBOARD_QUERIES

    me = make_user("both@example.com", name="Dr Both", is_mentee=True, is_mentor=True)
    mentee = make_mentee_profile(me, program=program)
    mentor = make_mentor_profile(me, programs=[program])
    counts = []
    for n in (1, 3):
        Round.objects.all().delete()
        for i in range(n):
            make_round(program, mentees=[mentee], mentors=[mentor], name=f"Round {i}")
        client.force_login(me)
        client.get(reverse("home"))
        with django_assert_max_num_queries(DASHBOARD_QUERIES) as captured:
            page = home(client)
        assert page.count("build your list by") == n
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert Choice.objects.count() == 0
