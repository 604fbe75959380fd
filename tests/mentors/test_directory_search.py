"""Searching the directory finds mentors who have all the words, each in any of
the searched fields, on PostgreSQL (full-text) and on SQLite alike: run this module
on both databases."""

import pytest
from django.urls import reverse

from tests.factories import (
    make_mentor,
    make_mentor_profile,
)
from tests.mentors.directory_support import names_listed

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("mentors:directory")


@pytest.fixture
def mentors(program):
    def mentor(email, name, **fields):
        fields = {"division": "", "how_i_help": "", **fields}
        make_mentor_profile(make_mentor(email, name=name), programs=[program], **fields)

    # Both words, in two different fields.
    mentor(
        "chen@example.com",
        "Dr Dana Chen",
        division="Pediatric Anesthesia",
        ask_me_about="Difficult airway carts and the calm voice that goes with them.",
    )
    # Both words, in one field but not side by side.
    mentor(
        "okafor@example.com",
        "Dr Maya Okafor",
        how_i_help="Pediatric cases first, then the airway plan that fits the child.",
    )
    # Only one of the words each.
    mentor("park@example.com", "Dr Lee Park", division="Pediatric Anesthesia")
    mentor("haddad@example.com", "Dr Noor Haddad", learning_now="Airway ultrasound.")
    mentor("levin@example.com", "Dr Ari Levin", wish_told="Sourdough is a fine hobby.")


def test_two_words_find_the_mentors_who_have_both_wherever_they_are(client, mentors, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"q": "pediatric airway"})

    assert names_listed(response) == ["Dr Dana Chen", "Dr Maya Okafor"]


def test_the_order_of_the_words_does_not_matter(client, mentors, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"q": "Airway  PEDIATRIC"})

    assert names_listed(response) == ["Dr Dana Chen", "Dr Maya Okafor"]


def test_a_name_and_a_word_from_a_profile_find_that_mentor(client, mentors, mentee):
    client.force_login(mentee)

    assert names_listed(client.get(DIRECTORY, {"q": "Levin sourdough"})) == ["Dr Ari Levin"]


def test_a_word_nobody_has_finds_nobody_even_beside_one_many_have(client, mentors, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"q": "airway origami"})

    assert names_listed(response) == []
    assert "No mentor matches all of that" in response.content.decode()


def test_one_word_still_finds_everyone_who_has_it(client, mentors, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"q": "airway"})

    assert names_listed(response) == ["Dr Dana Chen", "Dr Maya Okafor", "Dr Noor Haddad"]
