"""The directory's order: mentors who share most of your interests first, then
those with most open places, then by name; each card says what you share."""

import re

import pytest
from django.urls import reverse

from mentorship.programs.models import Interest
from tests.factories import (
    interest,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
)
from tests.mentors.directory_support import DIRECTORY_QUERIES, make_many_mentors, names_listed

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("mentors:directory")
REGIONAL = "Regional anesthesia and acute pain"


@pytest.fixture
def sam(sam):
    """The cast's Sam, curious about regional anesthesia, wellness and parenting."""
    sam.interests.set([interest(name) for name in (REGIONAL, "Wellness", "Parenting")])
    return sam


def mentor(program, name: str, *, email: str = "", interests=(), capacity: int = 2, **fields):
    email = email or name.lower().replace(" ", ".") + "@example.com"
    return make_mentor_profile(
        make_mentor(email, name=name),
        programs=[program],
        interests=interests,
        capacity=capacity,
        **fields,
    )


@pytest.fixture
def mentors(program, sam):
    """Six mentors, chosen so that each rule of the order decides somewhere."""
    return {
        "ana": mentor(
            program, "Ana Abbott", interests=[REGIONAL, "Cardiac anesthesia"], capacity=3
        ),
        "ben": mentor(program, "Ben Brooks", interests=["Wellness", REGIONAL], capacity=1),
        "cy": mentor(program, "Cy Cho", interests=["Parenting", "Wellness"], capacity=2),
        "dee": mentor(program, "Dee Dunn", interests=["Cardiac anesthesia"], capacity=5),
        "eve": mentor(program, "Eve Evans", interests=["Parenting"], capacity=3),
        "fay": mentor(
            program,
            "Fay Foster",
            interests=[REGIONAL, "Wellness"],
            capacity=5,
            accepting_new=False,
        ),
    }


def you_share(response) -> dict[str, str]:
    """Each card's name and its "You share: …" line, for the cards that have one."""
    cards = response.content.decode().split('<li class="card mentor-card">')[1:]
    lines = {}
    for card in cards:
        name = re.search(r"<h2><a [^>]*>([^<]+)</a></h2>", card).group(1)
        if shared := re.search(r'<p class="mentor-card__shared">([^<]+)</p>', card):
            lines[name] = shared.group(1)
    return lines


def test_mentors_sharing_most_of_your_interests_come_first_then_open_places_then_name(
    client, mentors, sam
):
    client.force_login(sam.user)

    response = client.get(DIRECTORY)

    # Cy and Ben share two, Cy with more open places; Fay shares two but is resting
    # this season, so has no open place. Ana and Eve share one with three places
    # each: by name. Dee shares nothing.
    assert names_listed(response) == [
        "Cy Cho",
        "Ben Brooks",
        "Fay Foster",
        "Ana Abbott",
        "Eve Evans",
        "Dee Dunn",
    ]


def test_places_held_by_open_pairings_count_against_a_mentor(client, program, mentors, sam):
    # Cy's two places are both taken: Ben, with one left, now comes before Cy.
    for n in range(2):
        other = make_mentee_profile(make_mentee(f"taken{n}@example.com"), program=program)
        make_pairing(mentors["cy"], other)
    client.force_login(sam.user)

    assert names_listed(client.get(DIRECTORY))[:3] == ["Ben Brooks", "Cy Cho", "Fay Foster"]


def test_mentors_alike_in_everything_but_their_id_keep_a_steady_order(client, program, sam):
    first = mentor(program, "Jo Kim", email="jo@example.com", interests=["Wellness"])
    second = mentor(program, "Jo Kim", email="kim@example.com", interests=["Wellness"])
    client.force_login(sam.user)

    text = client.get(DIRECTORY).content.decode()

    links = re.findall(r'<h2><a href="/mentors/(\d+)/', text)
    assert links == [str(first.pk), str(second.pk)]


def test_each_card_says_which_of_your_interests_you_share_in_the_taxonomys_order(
    client, mentors, sam
):
    client.force_login(sam.user)

    lines = you_share(client.get(DIRECTORY))

    # Clinical areas come before wellness, and wellness before life outside
    # medicine, whatever order the mentor ticked them in.
    assert lines == {
        "Cy Cho": "You share: Wellness, Parenting",
        "Ben Brooks": f"You share: {REGIONAL}, Wellness",
        "Fay Foster": f"You share: {REGIONAL}, Wellness",
        "Ana Abbott": f"You share: {REGIONAL}",
        "Eve Evans": "You share: Parenting",
    }


def test_someone_who_is_not_a_mentee_sees_open_places_first_and_no_you_share_line(client, mentors):
    client.force_login(mentors["dee"].user)

    response = client.get(DIRECTORY)

    assert names_listed(response) == [
        "Dee Dunn",
        "Ana Abbott",
        "Eve Evans",
        "Cy Cho",
        "Ben Brooks",
        "Fay Foster",
    ]
    assert "You share" not in response.content.decode()


def test_a_mentee_with_no_interests_yet_sees_open_places_first(client, program, mentors):
    client.force_login(make_mentee_profile(make_mentee("new@example.com"), program=program).user)

    response = client.get(DIRECTORY)

    assert names_listed(response)[:2] == ["Dee Dunn", "Ana Abbott"]
    assert "You share" not in response.content.decode()


def test_filters_and_search_keep_the_order(client, mentors, sam):
    client.force_login(sam.user)
    cardiac, wellness = interest("Cardiac anesthesia").pk, interest("Wellness").pk

    filtered = client.get(DIRECTORY, {"interests": [cardiac, wellness]})
    open_only = client.get(DIRECTORY, {"open_only": "on"})
    searched = client.get(DIRECTORY, {"q": "listen"})

    assert names_listed(filtered) == [
        "Cy Cho",
        "Ben Brooks",
        "Fay Foster",
        "Ana Abbott",
        "Dee Dunn",
    ]
    assert names_listed(open_only) == [
        "Cy Cho",
        "Ben Brooks",
        "Ana Abbott",
        "Eve Evans",
        "Dee Dunn",
    ]
    assert names_listed(searched) == names_listed(client.get(DIRECTORY))


def test_the_order_runs_across_pages(client, program, sam):
    # Twenty-one mentors share nothing; the one who shares opens page 1, and
    # page 2 holds the last of the others by name.
    make_many_mentors(program, 21)
    mentor(program, "Zoe Zimmer", interests=["Wellness"], capacity=1)
    client.force_login(sam.user)

    first = names_listed(client.get(DIRECTORY))
    second = names_listed(client.get(DIRECTORY, {"page": "2"}))

    assert first[0] == "Zoe Zimmer"
    assert first[1:] == [f"Mentor {i:04}" for i in range(19)]
    assert second == ["Mentor 0019", "Mentor 0020"]


@pytest.mark.parametrize("count", [10, 300])
def test_the_shared_order_costs_the_same_queries_for_10_or_300_mentors(
    client, program, django_assert_max_num_queries, count
):
    # make_many_mentors gives every mentor the first two interests of the taxonomy.
    shared = list(Interest.objects.order_by("pk")[:1])
    viewer = make_mentee_profile(
        make_mentee("viewer@example.com"), program=program, interests=[*shared, "Wellness"]
    )
    make_many_mentors(program, count)
    client.force_login(viewer.user)
    client.get(reverse("home"))  # The first request records the signed-in session.

    with django_assert_max_num_queries(DIRECTORY_QUERIES):
        response = client.get(DIRECTORY)
    with django_assert_max_num_queries(DIRECTORY_QUERIES):
        filtered = client.get(DIRECTORY, {"interests": [shared[0].pk], "q": "listen", "page": "2"})

    assert len(names_listed(response)) == min(count, 20)
    assert len(you_share(response)) == min(count, 20)
    assert len(names_listed(filtered)) == min(count, 20)
