from http import HTTPStatus

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import make_director, make_mentee, make_user

pytestmark = pytest.mark.django_db


def test_onboarding_asks_a_new_person_which_roles_apply(client):
    client.force_login(make_user(onboarded=False))

    response = client.get(reverse("onboarding"))

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "How would you like to take part?" in text
    assert "I&#x27;d like a mentor" in text
    assert "I&#x27;d like to mentor others" in text


def test_onboarding_as_a_mentee_only(client):
    user = make_user(onboarded=False)
    client.force_login(user)

    response = client.post(reverse("onboarding"), {"is_mentee": "on"})

    # Next comes the profile mentors read (tests/mentees/test_onboarding_next_step.py).
    assert response["Location"] == reverse("mentees:profile_edit")
    user.refresh_from_db()
    assert (user.is_mentee, user.is_mentor) == (True, False)
    assert user.onboarded_at is not None


def test_onboarding_as_both_mentee_and_mentor(client):
    user = make_user(onboarded=False)
    client.force_login(user)

    client.post(reverse("onboarding"), {"is_mentee": "on", "is_mentor": "on"})

    user.refresh_from_db()
    assert (user.is_mentee, user.is_mentor) == (True, True)
    dashboard = client.get(reverse("home")).content.decode()
    assert "You don't have a mentor yet" in dashboard
    assert "No requests yet" in dashboard


def test_onboarding_with_no_role_asks_again_without_saving(client):
    user = make_user(onboarded=False)
    client.force_login(user)

    response = client.post(reverse("onboarding"), {})

    assert response.status_code == HTTPStatus.OK
    assert "Choose at least one" in response.content.decode()
    user.refresh_from_db()
    assert user.onboarded_at is None


def test_nobody_can_make_themselves_a_director_through_onboarding(client):
    user = make_user(onboarded=False)
    client.force_login(user)

    client.post(
        reverse("onboarding"),
        {"is_mentor": "on", "is_staff": "on", "is_superuser": "on", "groups": "1"},
    )

    user = User.objects.get(pk=user.pk)
    assert user.is_mentor
    assert not user.is_staff
    assert not user.is_superuser
    assert not user.is_director


def test_changing_roles_later_keeps_the_first_onboarding_time(client):
    user = make_mentee()
    first = user.onboarded_at
    client.force_login(user)

    response = client.post(reverse("onboarding"), {"is_mentee": "on", "is_mentor": "on"})

    # Roles are saved, then the missing mentee profile is asked for.
    assert response["Location"] == reverse("mentees:profile_edit")
    user.refresh_from_db()
    assert user.is_mentor
    assert user.onboarded_at == first


def test_a_director_may_hold_no_other_role(client):
    director = make_director()
    client.force_login(director)

    response = client.post(reverse("onboarding"), {})

    assert response.status_code == HTTPStatus.FOUND
