"""Near-peer mentors in the directory: labelled on their card and page, offered to
students, interns and CA-1s, and never offered to a mentee at their level or above."""

import pytest
from django.urls import reverse

from mentorship.mentors.directory import near_peer_levels_for
from mentorship.mentors.models import MentorProfile
from mentorship.years.models import Level
from tests.factories import (
    make_appointment,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
)
from tests.mentors.directory_support import names_listed

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("mentors:directory")


@pytest.fixture
def rosa(program):
    profile = make_mentor_profile(
        make_mentor("rosa@example.com", name="Rosa Medina"), programs=[program], title="Resident"
    )
    make_appointment(profile.user, program=program, level=Level.CA3)
    return profile


@pytest.fixture
def cal(program):
    profile = make_mentor_profile(
        make_mentor("cal@example.com", name="Cal Osei"), programs=[program], title="Resident"
    )
    make_appointment(profile.user, program=program, level=Level.CA2)
    return profile


def _mentee_at(program, level):
    profile = make_mentee_profile(
        make_mentee("tess@example.com", name="Tess Moreau"), program=program, training_level=level
    )
    make_appointment(profile.user, program=program, level=level)
    return profile.user


@pytest.mark.parametrize(
    ("mentee_level", "offered"),
    [
        ("student", ["ca2", "ca3"]),
        ("intern", ["ca2", "ca3"]),
        ("ca1", ["ca2", "ca3"]),
        ("ca2", ["ca3"]),
        ("ca3", []),
        ("fellow", []),
        (None, ["ca2", "ca3"]),
    ],
)
def test_near_peers_are_only_ever_further_along_than_their_mentee(mentee_level, offered):
    assert near_peer_levels_for(mentee_level) == offered


def test_near_peers_for_a_ca2_are_the_ca3s(rosa, cal, chen):
    assert list(MentorProfile.objects.near_peers_for(Level.CA2)) == [rosa]
    assert set(MentorProfile.objects.near_peers()) == {rosa, cal}


def test_a_near_peer_card_says_so_and_what_it_means(client, program, rosa, chen):
    client.force_login(_mentee_at(program, Level.CA1))
    page = client.get(DIRECTORY).content.decode()
    assert page.count("Near-peer · CA-3") == 1
    assert "A senior resident who remembers the first year." in page


def test_a_near_peers_page_says_so(client, program, rosa):
    client.force_login(_mentee_at(program, Level.INTERN))
    assert "Near-peer · CA-3" in client.get(rosa.get_absolute_url()).content.decode()


def test_a_faculty_mentors_page_says_nothing_of_near_peers(client, program, chen):
    client.force_login(_mentee_at(program, Level.INTERN))
    assert "Near-peer" not in client.get(chen.get_absolute_url()).content.decode()


def test_an_intern_is_offered_near_peers_and_can_list_only_them(client, program, rosa, cal, chen):
    client.force_login(_mentee_at(program, Level.INTERN))
    page = client.get(DIRECTORY)
    assert "See near-peer mentors" in page.content.decode()
    assert set(names_listed(page)) == {"Rosa Medina", "Cal Osei", "Dr Dana Chen"}
    only = client.get(DIRECTORY, {"near_peer": "on"})
    assert names_listed(only) == ["Cal Osei", "Rosa Medina"]
    assert "near-peers only" in only.content.decode()


def test_a_ca2_is_not_offered_the_first_year_section(client, program, rosa):
    client.force_login(_mentee_at(program, Level.CA2))
    assert "See near-peer mentors" not in client.get(DIRECTORY).content.decode()


def test_a_ca2_sees_ca3_near_peers_but_not_other_ca2s(client, program, rosa, cal, chen):
    client.force_login(_mentee_at(program, Level.CA2))
    assert set(names_listed(client.get(DIRECTORY))) == {"Rosa Medina", "Dr Dana Chen"}
    assert names_listed(client.get(DIRECTORY, {"near_peer": "on"})) == ["Rosa Medina"]


def test_a_ca3_sees_no_near_peers_at_all(client, program, rosa, cal, chen):
    client.force_login(_mentee_at(program, Level.CA3))
    assert names_listed(client.get(DIRECTORY)) == ["Dr Dana Chen"]


def test_a_mentor_browsing_sees_every_near_peer(client, program, rosa, cal, chen, levin):
    client.force_login(levin.user)
    assert len(names_listed(client.get(DIRECTORY))) == 4


def test_the_directory_of_near_peers_costs_the_same_queries_for_one_or_many(
    client, program, rosa, django_assert_max_num_queries
):
    from tests.mentors.directory_support import DIRECTORY_QUERIES

    client.force_login(_mentee_at(program, Level.INTERN))
    client.get(reverse("home"))
    with django_assert_max_num_queries(DIRECTORY_QUERIES):
        client.get(DIRECTORY, {"near_peer": "on"})
    for i in range(5):
        extra = make_mentor_profile(
            make_mentor(f"np{i}@example.com", name=f"Near Peer {i}"), programs=[program]
        )
        make_appointment(extra.user, program=program, level=Level.CA2)
    with django_assert_max_num_queries(DIRECTORY_QUERIES):
        response = client.get(DIRECTORY, {"near_peer": "on"})
    assert len(names_listed(response)) == 6
