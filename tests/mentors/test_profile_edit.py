from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.mentors.models import MentorProfile
from tests.factories import interest, make_mentee, make_mentor, make_mentor_profile

pytestmark = pytest.mark.django_db

EDIT = reverse("mentors:profile_edit")


def answers(program, **changes) -> dict:
    data = {
        "programs": [program.pk],
        "title": "Associate Professor",
        "division": "Pediatric Anesthesia",
        "interests": [interest("Pediatric anesthesia").pk, interest("Parenting").pk],
        "capacity": "3",
        "accepting_new": "on",
        "meets_in_person": "on",
        "meets_by_video": "on",
        "how_i_help": "A listening ear, then a map of the next step.",
        "wish_told": "That asking for help is a strength.",
        "ask_me_about": "Pediatric airways and sourdough.",
        "learning_now": "Point-of-care ultrasound.",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_mentor_without_a_profile_sees_an_empty_form(client, program):
    client.force_login(make_mentor())

    response = client.get(EDIT)

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Your mentor profile</h1>" in text
    assert "How do you like to help?" in text
    assert "are kept by your program's directors, with their dates" in text
    assert 'type="number"' in text
    assert "Send my profile for approval" in text


def test_a_mentor_creates_their_profile_and_waits_for_approval(client, program):
    mentor = make_mentor()
    client.force_login(mentor)

    response = client.post(EDIT, answers(program), follow=True)

    profile = MentorProfile.objects.get(user=mentor)
    assert response.redirect_chain == [(profile.get_absolute_url(), HTTPStatus.FOUND)]
    text = response.content.decode()
    assert (
        "Thank you. A director of Stanford Anesthesiology will look at your profile soon; "
        "you&#x27;ll appear in the directory once it&#x27;s approved, and we&#x27;ll e-mail you."
    ) in text
    assert "Waiting for a program director's approval" in text
    assert "Waiting for approval in Stanford Anesthesiology." in text
    assert not profile.is_listed
    assert profile.capacity == 3
    assert list(profile.programs.all()) == [program]
    assert {i.name for i in profile.interests.all()} == {"Pediatric anesthesia", "Parenting"}
    assert (profile.meets_in_person, profile.meets_by_video, profile.meets_by_phone) == (
        True,
        True,
        False,
    )


def test_a_mentor_edits_their_profile_and_stays_approved(client, program):
    profile = make_mentor_profile(programs=[program], how_i_help="Old words.")
    approved_at = profile.memberships.get().approved_at
    client.force_login(profile.user)

    form = client.get(EDIT).content.decode()
    assert "Old words." in form
    assert "<h1>Edit your profile</h1>" in form

    response = client.post(EDIT, answers(program, how_i_help="New words."), follow=True)

    profile.refresh_from_db()
    assert response.redirect_chain == [(profile.get_absolute_url(), HTTPStatus.FOUND)]
    assert "Your profile is saved." in response.content.decode()
    assert profile.how_i_help == "New words."
    assert profile.memberships.get().approved_at == approved_at
    assert MentorProfile.objects.count() == 1


def test_saving_a_waiting_profile_does_not_approve_it(client, program):
    profile = make_mentor_profile(programs=[program], approved=False)
    client.force_login(profile.user)

    client.post(EDIT, answers(program, approved_at="2024-01-01T00:00:00Z"))

    assert not profile.memberships.get().is_approved


@pytest.mark.parametrize(
    ("capacity", "message"),
    [
        ("21", "Choose 20 or fewer."),
        ("-1", "Choose 0 or more; 0 means you&#x27;re not taking mentees for now."),
        ("lots", "Enter a whole number from 0 to 20."),
    ],
)
def test_a_capacity_outside_0_to_20_is_refused_at_the_field_keeping_the_rest(
    client, program, capacity, message
):
    mentor = make_mentor()
    client.force_login(mentor)

    response = client.post(EDIT, answers(program, capacity=capacity))

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert message in text
    assert 'id="id_capacity_error' in text
    assert f'value="{capacity}"' in text
    assert "A listening ear, then a map of the next step." in text
    assert 'value="Associate Professor"' in text
    assert not MentorProfile.objects.filter(user=mentor).exists()


def test_an_overlong_answer_is_refused_and_kept(client, program):
    client.force_login(make_mentor())
    essay = "Listening. " * 200  # 2,200 characters

    response = client.post(EDIT, answers(program, wish_told=essay))

    text = response.content.decode()
    assert "Please keep this under 2000 characters; it has 2199 now." in text
    assert 'id="id_wish_told_error' in text
    assert essay.strip() in text
    assert not MentorProfile.objects.exists()


def test_an_unknown_interest_is_refused_at_the_field(client, program):
    client.force_login(make_mentor())

    response = client.post(EDIT, answers(program, interests=["999999"]))

    text = response.content.decode()
    assert "Select a valid choice. 999999 is not one of the available choices." in text
    assert not MentorProfile.objects.exists()


def test_at_least_one_program_is_needed(client, program):
    client.force_login(make_mentor())

    response = client.post(EDIT, answers(program, programs=None))

    assert "Choose at least one program, so its residents can find you." in (
        response.content.decode()
    )
    assert not MentorProfile.objects.exists()


def test_someone_who_is_not_a_mentor_is_sent_to_choose_their_roles(client):
    client.force_login(make_mentee())

    response = client.get(EDIT, follow=True)

    assert response.redirect_chain == [(reverse("onboarding"), HTTPStatus.FOUND)]
    assert "Tell us you&#x27;d like to mentor first." in response.content.decode()


def test_someone_who_is_not_a_mentor_cannot_post_a_profile(client, program):
    client.force_login(make_mentee())

    client.post(EDIT, answers(program))

    assert not MentorProfile.objects.exists()


def test_the_form_only_ever_edits_your_own_profile(client, program):
    chen = make_mentor_profile(
        make_mentor("chen@example.com", name="Dr Dana Chen"),
        programs=[program],
        how_i_help="Chen's words.",
    )
    mine = make_mentor_profile(make_mentor("me@example.com", name="Me"), programs=[program])
    client.force_login(mine.user)

    assert "Chen&#x27;s words." not in client.get(EDIT).content.decode()
    client.post(
        EDIT + f"?pk={chen.pk}",
        answers(program, how_i_help="Overwritten.", user=chen.user.pk, id=chen.pk, pk=chen.pk),
    )

    chen.refresh_from_db()
    mine.refresh_from_db()
    assert chen.how_i_help == "Chen's words."
    assert chen.user.email == "chen@example.com"
    assert mine.how_i_help == "Overwritten."
    assert mine.user.email == "me@example.com"


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(EDIT)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_an_empty_post_says_what_is_missing_instead_of_showing_a_blank_form(client):
    client.force_login(make_mentor())

    response = client.post(reverse("mentors:profile_edit"), {})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].is_bound
    assert "title" in response.context["form"].errors
