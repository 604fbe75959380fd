import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.programs.models import Interest
from tests.factories import (
    interest,
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
)
from tests.mentors.directory_support import DIRECTORY_QUERIES, make_many_mentors, names_listed

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("mentors:directory")
EMAIL_ADDRESS = re.compile(r"[\w.+-]+(?:@|&#64;|%40)[\w-]+\.[\w.-]+")


@pytest.fixture
def people(program, other_program, chen):
    """Two approved mentors in the program, one waiting, one elsewhere."""
    return {
        "chen": chen,
        "haddad": make_mentor_profile(
            make_mentor("haddad@example.com", name="Dr Noor Haddad"), programs=[program]
        ),
        "waiting": make_mentor_profile(
            make_mentor("new@example.com", name="Dr Ari Levin"),
            programs=[program],
            approved=False,
        ),
        "elsewhere": make_mentor_profile(
            make_mentor("far@example.com", name="Dr Lee Park"), programs=[other_program]
        ),
    }


# --- who sees whom -------------------------------------------------------------


def test_someone_not_logged_in_is_sent_to_log_in(client):
    response = client.get(DIRECTORY)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_a_mentee_sees_only_the_approved_mentors_of_their_program(client, people, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY)

    assert response.status_code == HTTPStatus.OK
    assert names_listed(response) == ["Dr Dana Chen", "Dr Noor Haddad"]
    assert "<strong>2</strong> mentors" in response.content.decode()


def test_a_mentee_of_another_program_sees_only_that_programs_mentors(client, people, other_program):
    client.force_login(
        make_mentee_profile(make_mentee("b@example.com"), program=other_program).user
    )

    assert names_listed(client.get(DIRECTORY)) == ["Dr Lee Park"]


def test_a_mentor_waiting_for_approval_is_not_listed_even_to_themselves(client, people):
    client.force_login(people["waiting"].user)

    assert names_listed(client.get(DIRECTORY)) == ["Dr Dana Chen", "Dr Noor Haddad"]


def test_a_director_sees_only_approved_mentors_of_their_programs(client, people, program):
    director = make_director()
    program.directors.add(director)
    client.force_login(director)

    assert names_listed(client.get(DIRECTORY)) == ["Dr Dana Chen", "Dr Noor Haddad"]


def test_a_director_of_another_program_sees_that_programs_mentors(client, people, other_program):
    director = make_director()
    other_program.directors.add(director)
    client.force_login(director)

    assert names_listed(client.get(DIRECTORY)) == ["Dr Lee Park"]


def test_someone_in_no_program_learns_they_need_a_profile_first(client, people):
    client.force_login(make_mentee("lost@example.com"))

    response = client.get(DIRECTORY)

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert names_listed(response) == []
    assert "The directory opens once you're in a program" in text


# --- what a card says --------------------------------------------------------


def test_a_card_shows_title_interests_places_help_and_evaluative_roles(client, program, mentee):
    make_mentor_profile(
        make_mentor(name="Dr Dana Chen"),
        programs=[program],
        title="Associate Professor",
        division="Pediatric Anesthesia",
        capacity=3,
        interests=["Pediatric anesthesia", "Parenting"],
        how_i_help="Walks after hard calls. " + "x" * 300,
        roles=["ccc_member"],
    )
    client.force_login(mentee)

    text = client.get(DIRECTORY).content.decode()

    assert "Associate Professor · Pediatric Anesthesia" in text
    assert '<li class="tag">Pediatric anesthesia</li>' in text
    assert '<li class="tag">Parenting</li>' in text
    assert "3 open places" in text
    assert "Walks after hard calls." in text
    assert "x" * 200 not in text
    assert "Takes part in evaluating residents (Clinical Competency Committee member)" in text


def test_cards_say_when_a_mentor_is_full_or_resting(client, program, mentee):
    make_mentor_profile(make_mentor("a@example.com", name="A"), programs=[program], capacity=1)
    make_mentor_profile(make_mentor("b@example.com", name="B"), programs=[program], capacity=0)
    make_mentor_profile(
        make_mentor("c@example.com", name="C"), programs=[program], accepting_new=False
    )
    client.force_login(mentee)

    text = client.get(DIRECTORY).content.decode()

    assert "1 open place<" in text
    assert "No open places right now" in text
    assert "Not taking new mentees this season" in text


def test_the_directory_hides_e_mail_addresses(client, people, mentee):
    """Even from Chen's own mentee, whose pairing page does show Chen's address."""
    chen = people["chen"]
    pairing = make_pairing(chen, mentee.mentee_profile)
    client.force_login(mentee)
    assert "chen@example.com" in client.get(pairing.get_absolute_url()).content.decode()

    response = client.get(DIRECTORY)
    text = response.content.decode()

    assert "Dr Dana Chen" in names_listed(response)
    assert "chen@example.com" not in text
    assert EMAIL_ADDRESS.findall(text) == []


# --- filters -----------------------------------------------------------------


@pytest.fixture
def varied(program):
    make_mentor_profile(
        make_mentor("a@example.com", name="Ana Cardiac"),
        programs=[program],
        interests=["Cardiac anesthesia"],
        meets_in_person=True,
        meets_by_phone=False,
        how_i_help="Career maps and a cup of tea.",
    )
    make_mentor_profile(
        make_mentor("b@example.com", name="Ben Pediatric"),
        programs=[program],
        interests=["Pediatric anesthesia", "Parenting"],
        meets_in_person=False,
        meets_by_phone=True,
        capacity=0,
        wish_told="Sleep is not optional, and sourdough helps.",
    )
    make_mentor_profile(
        make_mentor("c@example.com", name="Cy Quality"),
        programs=[program],
        interests=["Quality and safety"],
        meets_in_person=True,
        meets_by_phone=False,
        accepting_new=False,
    )


def ids(*names) -> list[int]:
    return [interest(n).pk for n in names]


def test_two_interests_find_mentors_with_either(client, varied, mentee):
    client.force_login(mentee)

    response = client.get(
        DIRECTORY, {"interests": ids("Cardiac anesthesia", "Pediatric anesthesia")}
    )

    assert names_listed(response) == ["Ana Cardiac", "Ben Pediatric"]


def test_a_mentor_with_both_interests_is_listed_once(client, varied, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"interests": ids("Pediatric anesthesia", "Parenting")})

    assert names_listed(response) == ["Ben Pediatric"]
    assert "<strong>1</strong> mentor matches" in response.content.decode()


def test_the_category_filter_keeps_mentors_with_an_interest_in_that_area(client, varied, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"category": Interest.Category.RESEARCH})

    assert names_listed(response) == ["Cy Quality"]


def test_open_places_only_leaves_out_full_and_resting_mentors(client, varied, mentee):
    client.force_login(mentee)

    assert names_listed(client.get(DIRECTORY, {"open_only": "on"})) == ["Ana Cardiac"]


def test_the_meeting_filter_keeps_mentors_who_meet_that_way(client, varied, mentee):
    client.force_login(mentee)

    assert names_listed(client.get(DIRECTORY, {"format": "phone"})) == ["Ben Pediatric"]
    assert names_listed(client.get(DIRECTORY, {"format": "in_person"})) == [
        "Ana Cardiac",
        "Cy Quality",
    ]


def test_search_finds_a_word_from_a_prompt(client, varied, mentee):
    client.force_login(mentee)

    assert names_listed(client.get(DIRECTORY, {"q": "sourdough"})) == ["Ben Pediatric"]


def test_search_finds_a_name(client, varied, mentee):
    client.force_login(mentee)

    assert names_listed(client.get(DIRECTORY, {"q": "Cardiac"})) == ["Ana Cardiac"]


def test_filters_combine(client, varied, mentee):
    client.force_login(mentee)

    response = client.get(
        DIRECTORY,
        {"interests": ids("Cardiac anesthesia", "Pediatric anesthesia"), "format": "phone"},
    )

    assert names_listed(response) == ["Ben Pediatric"]


def test_no_match_explains_what_to_try_and_links_to_clear(client, varied, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"q": "origami"})

    text = response.content.decode()
    assert names_listed(response) == []
    assert "No mentor matches all of that. Try fewer interests, or clear the filters." in text
    assert f'href="{DIRECTORY}">Clear the filters' in text


def test_the_form_remembers_the_chosen_filters(client, varied, mentee):
    client.force_login(mentee)
    cardiac = interest("Cardiac anesthesia").pk

    text = client.get(DIRECTORY, {"interests": [cardiac], "q": "tea"}).content.decode()

    assert f'value="{cardiac}" id="id_interests_' in text
    assert re.search(rf'name="interests" value="{cardiac}"[^>]* checked', text)
    assert 'value="tea"' in text


@pytest.mark.parametrize(
    "query",
    [
        {"interests": ["abc"]},
        {"interests": ["999999"]},
        {"interests": ["99999999999999999999999"]},
        {"category": "astrology"},
        {"format": "carrier-pigeon"},
        {"q": "x" * 5000},
        {"page": "lots"},
        {"page": "-3"},
        {"page": "99999999999999999999"},
    ],
)
def test_garbage_in_the_url_is_ignored_safely(client, varied, mentee, query):
    client.force_login(mentee)

    response = client.get(DIRECTORY, query)

    assert response.status_code == HTTPStatus.OK
    assert names_listed(response) == ["Ana Cardiac", "Ben Pediatric", "Cy Quality"]


def test_an_unknown_filter_value_is_mentioned_quietly(client, varied, mentee):
    client.force_login(mentee)

    text = client.get(DIRECTORY, {"category": "astrology"}).content.decode()

    assert "We ignored a filter we didn't recognise." in text


def test_an_unknown_interest_is_dropped_and_the_known_ones_kept(client, varied, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"interests": [*ids("Parenting"), "abc", "999999"]})

    assert names_listed(response) == ["Ben Pediatric"]
    assert "We ignored a filter we didn't recognise." in response.content.decode()


def test_clean_filters_raise_no_notice(client, varied, mentee):
    client.force_login(mentee)

    text = client.get(DIRECTORY, {"interests": ids("Parenting")}).content.decode()

    assert "We ignored a filter" not in text


def filter_summary(response) -> str:
    """The one line the folded filter panel shows."""
    match = re.search(
        r'<details class="filter-panel">\s*<summary>(.*?)</summary>',
        response.content.decode(),
        re.S,
    )
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def test_the_folded_filters_invite_you_to_open_them_when_none_is_on(client, varied, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"q": "tea"})

    assert filter_summary(response) == "Filter by interest, stage and more"


def test_the_folded_filters_say_which_are_on(client, varied, mentee):
    client.force_login(mentee)

    two = client.get(
        DIRECTORY, {"interests": ids("Parenting", "Cardiac anesthesia"), "open_only": "on"}
    )
    every_kind = client.get(
        DIRECTORY,
        {
            "interests": ids("Parenting"),
            "category": Interest.Category.RESEARCH,
            "format": "video",
            "open_only": "on",
            "q": "tea",
        },
    )

    assert filter_summary(two) == "Filters: 2 interests, open places only"
    assert filter_summary(every_kind) == "Filters: 1 interest, Research, by video, open places only"


def test_a_filter_that_did_not_clean_is_not_said_to_be_on(client, varied, mentee):
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"format": "carrier-pigeon", "interests": ["999999"]})

    assert filter_summary(response) == "Filter by interest, stage and more"


# --- pagination and query counts --------------------------------------------


def test_pagination_links_keep_the_filters(client, program, mentee):
    make_many_mentors(program, 45)
    client.force_login(mentee)
    first = Interest.objects.order_by("pk").first().pk

    response = client.get(DIRECTORY, {"interests": [first], "format": "video", "page": "2"})

    text = response.content.decode()
    assert len(names_listed(response)) == 20
    assert names_listed(response)[0] == "Mentor 0020"
    assert "Page 2 of 3" in text
    assert f'href="?interests={first}&amp;format=video&amp;page=3"' in text
    assert f'href="?interests={first}&amp;format=video&amp;page=1"' in text


def test_a_page_past_the_end_shows_the_last_page(client, program, mentee):
    make_many_mentors(program, 25)
    client.force_login(mentee)

    response = client.get(DIRECTORY, {"page": "9"})

    assert names_listed(response)[0] == "Mentor 0020"


@pytest.mark.parametrize("count", [10, 300])
def test_the_directory_costs_the_same_queries_for_10_or_300_mentors(
    client, program, mentee, django_assert_max_num_queries, count
):
    make_many_mentors(program, count)
    client.force_login(mentee)
    first = Interest.objects.order_by("pk").first().pk
    client.get(reverse("home"))  # The first request records the signed-in session.

    with django_assert_max_num_queries(DIRECTORY_QUERIES):
        response = client.get(DIRECTORY)
    with django_assert_max_num_queries(DIRECTORY_QUERIES):
        filtered = client.get(DIRECTORY, {"interests": [first], "q": "listen", "page": "2"})

    assert len(names_listed(response)) == min(count, 20)
    assert len(names_listed(filtered)) == min(count, 20)  # Page 2 of one is page 1.
