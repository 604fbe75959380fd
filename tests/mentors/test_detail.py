from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import (
    interest,
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_role_term,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def chen(chen):
    """The cast's Chen, with her whole profile written out as the page shows it."""
    chen.meets_in_person, chen.meets_by_video, chen.meets_by_phone = True, True, False
    chen.how_i_help = "A listening ear, then a map of the next step."
    chen.wish_told = "That asking for help is a strength."
    chen.ask_me_about = ""
    chen.learning_now = "Sourdough, slowly."
    chen.save()
    chen.interests.set(
        [interest(name) for name in ("Pediatric anesthesia", "Quality and safety", "Parenting")]
    )
    return chen


@pytest.fixture
def waiting(program):
    return make_mentor_profile(
        make_mentor("levin@example.com", name="Dr Ari Levin"), programs=[program], approved=False
    )


def url(profile) -> str:
    return reverse("pairings:mentor", args=[profile.pk])


def test_someone_not_logged_in_is_sent_to_log_in(client, chen):
    response = client.get(url(chen))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_a_mentee_of_the_program_reads_the_whole_profile(client, chen, program):
    client.force_login(make_mentee_profile(program=program).user)

    response = client.get(url(chen))

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Dr Dana Chen</h1>" in text
    assert "Associate Professor · Pediatric Anesthesia" in text
    assert "Stanford Anesthesiology" in text
    assert "2 open places" in text
    assert "In person, by video" in text
    for answer in (
        "A listening ear, then a map of the next step.",
        "That asking for help is a strength.",
        "Sourdough, slowly.",
    ):
        assert answer in text
    assert "What do you wish someone had told you in residency?" in text
    # An unanswered prompt is not shown as an empty heading.
    assert "Ask me about" not in text
    assert "<h3>Clinical area</h3>" in text
    assert "<h3>Research</h3>" in text
    assert "<h3>Life outside medicine</h3>" in text
    assert '<li class="tag">Quality and safety</li>' in text


def test_the_profile_hides_the_mentors_e_mail_address(client, chen, program):
    """Even from Chen's own mentee, whose pairing page does show Chen's address."""
    pairing = make_pairing(chen, make_mentee_profile(program=program))
    client.force_login(pairing.mentee.user)
    assert "chen@example.com" in client.get(pairing.get_absolute_url()).content.decode()

    text = client.get(url(chen)).content.decode()

    assert "<h1>Dr Dana Chen</h1>" in text
    assert "chen@example.com" not in text
    assert "mailto:" not in text


def test_evaluative_roles_are_stated_plainly(client, chen, program):
    make_role_term(chen.user, program, "ccc_member")
    make_role_term(chen.user, program, "associate_program_director")
    client.force_login(make_mentee_profile(program=program).user)

    text = client.get(url(chen)).content.decode()

    assert (
        "Dr Dana Chen is also an associate program director and a Clinical Competency "
        "Committee member, and so takes part in evaluating residents. Some residents prefer "
        "a mentor outside their evaluations; the choice is yours."
    ) in text


def test_a_mentor_with_no_evaluative_role_gets_no_such_notice(client, chen, program):
    client.force_login(make_mentee_profile(program=program).user)

    assert "takes part in evaluating residents" not in client.get(url(chen)).content.decode()


def test_a_mentee_of_another_program_gets_not_found(client, chen, other_program):
    client.force_login(make_mentee_profile(program=other_program).user)

    assert client.get(url(chen)).status_code == HTTPStatus.NOT_FOUND


def test_a_mentor_waiting_for_approval_is_not_found_by_mentees(client, waiting, program):
    client.force_login(make_mentee_profile(program=program).user)

    assert client.get(url(waiting)).status_code == HTTPStatus.NOT_FOUND


def test_a_mentor_waiting_for_approval_is_not_found_by_other_mentors(client, waiting, chen):
    client.force_login(chen.user)

    assert client.get(url(waiting)).status_code == HTTPStatus.NOT_FOUND


def test_a_mentor_waiting_for_approval_sees_their_own_page_and_its_status(client, waiting):
    client.force_login(waiting.user)

    response = client.get(url(waiting))

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Waiting for a program director's approval" in text
    assert "Edit your profile" in text
    assert f'href="{reverse("mentors:profile_edit")}"' in text


def test_the_owner_is_shown_which_prompts_are_still_empty(client, chen):
    client.force_login(chen.user)

    text = client.get(url(chen)).content.decode()

    assert "Listed in the directory" in text
    assert "Still unanswered:" in text
    assert "<li>Ask me about…</li>" in text
    assert "<li>What are you learning these days?</li>" not in text


def test_an_approved_mentor_sees_another_mentor_of_the_program(client, chen, program):
    other = make_mentor_profile(make_mentor("b@example.com", name="B"), programs=[program])
    client.force_login(other.user)

    response = client.get(url(chen))

    assert response.status_code == HTTPStatus.OK
    assert "Edit your profile" not in response.content.decode()


def test_a_director_of_the_program_sees_a_mentor_waiting_for_approval(client, waiting, program):
    director = make_director()
    program.directors.add(director)
    client.force_login(director)

    response = client.get(url(waiting))

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Waiting for a program director's approval" in text
    assert "Edit your profile" not in text


def test_a_director_of_another_program_gets_not_found(client, waiting, chen, other_program):
    director = make_director()
    other_program.directors.add(director)
    client.force_login(director)

    assert client.get(url(waiting)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(url(chen)).status_code == HTTPStatus.NOT_FOUND


def test_a_mentor_that_does_not_exist_is_not_found(client, program):
    client.force_login(make_mentee_profile(make_mentee(), program=program).user)

    assert client.get(reverse("pairings:mentor", args=[999999])).status_code == HTTPStatus.NOT_FOUND
