"""After choosing roles, people are taken to the profile they still have to write."""

import pytest
from django.urls import reverse

from tests.factories import make_mentee_profile, make_mentor_profile, make_program, make_user

pytestmark = pytest.mark.django_db


def test_a_new_mentee_goes_on_to_write_their_profile(client):
    client.force_login(make_user(onboarded=False, name="Ana Kowalski"))

    response = client.post(reverse("onboarding"), {"is_mentee": "on"}, follow=True)

    assert response.redirect_chain[0][0] == reverse("mentees:profile_edit")
    text = response.content.decode()
    assert "Welcome, Ana." in text
    assert "Write your profile" in text


def test_a_new_mentor_goes_on_to_write_their_mentor_profile(client):
    client.force_login(make_user(onboarded=False))

    response = client.post(reverse("onboarding"), {"is_mentor": "on"})

    assert response["Location"] == reverse("mentors:profile_edit")


def test_someone_who_is_both_writes_the_mentee_profile_first(client):
    client.force_login(make_user(onboarded=False))

    response = client.post(reverse("onboarding"), {"is_mentee": "on", "is_mentor": "on"})

    assert response["Location"] == reverse("mentees:profile_edit")


def test_someone_who_is_both_with_a_mentee_profile_goes_on_to_the_mentor_profile(client):
    user = make_user(onboarded=False)
    make_mentee_profile(user, program=make_program())
    client.force_login(user)

    response = client.post(reverse("onboarding"), {"is_mentee": "on", "is_mentor": "on"})

    assert response["Location"] == reverse("mentors:profile_edit")


def test_someone_whose_profiles_exist_goes_home_with_the_welcome(client):
    user = make_user(onboarded=False, name="Ana Kowalski")
    program = make_program()
    make_mentee_profile(user, program=program)
    make_mentor_profile(user, programs=[program])
    client.force_login(user)

    response = client.post(
        reverse("onboarding"), {"is_mentee": "on", "is_mentor": "on"}, follow=True
    )

    assert response.redirect_chain == [(reverse("home"), 302)]
    assert "Welcome, Ana. Here is your home in the program" in response.content.decode()


def test_changing_roles_later_also_asks_for_a_missing_profile(client):
    user = make_user(is_mentee=True)
    make_mentee_profile(user, program=make_program())
    client.force_login(user)

    response = client.post(
        reverse("onboarding"), {"is_mentee": "on", "is_mentor": "on"}, follow=True
    )

    assert response.redirect_chain[0][0] == reverse("mentors:profile_edit")
    assert "Your roles are saved." in response.content.decode()
