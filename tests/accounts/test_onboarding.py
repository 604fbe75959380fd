from http import HTTPStatus

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import (
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_onboarding_asks_a_new_person_which_roles_apply(client):
    client.force_login(make_user(onboarded=False))

    response = client.get(reverse("onboarding"))

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "How would you like to take part?" in text
    assert "I&#x27;d like a mentor" in text
    assert "I&#x27;d like to mentor others" in text


def test_the_dashboard_sends_someone_not_yet_onboarded_to_onboarding(client):
    client.force_login(make_user(onboarded=False))

    response = client.get(reverse("home"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("onboarding")


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


def test_a_mentor_dashboard_shows_only_the_mentor_side(client):
    client.force_login(make_mentor())

    text = client.get(reverse("home")).content.decode()

    assert "Residents you mentor" in text
    assert "Your mentors" not in text
    assert "Program admin" not in text


def test_a_director_dashboard_counts_their_programs_people_and_asks_for_mfa_first(client):
    director = make_director(with_mfa=False)
    ours = make_program("Ours", directors=[director])
    theirs = make_program("Theirs")
    make_mentee_profile(make_mentee("a@example.com"), program=ours)
    make_mentee_profile(make_mentee("b@example.com"), program=ours)
    make_mentee_profile(make_mentee("x@example.com"), program=theirs)
    make_mentor_profile(make_mentor("c@example.com"), programs=[ours])
    make_mentor_profile(make_mentor("d@example.com"), programs=[ours], approved=False)
    make_mentor_profile(make_mentor("y@example.com"), programs=[theirs])
    client.force_login(director)

    text = client.get(reverse("home")).content.decode()

    assert "<strong>2</strong> mentees" in text
    assert "<strong>1</strong> mentor in the directory" in text
    assert "<strong>1</strong> waiting for your approval" in text
    assert "Turn on two-step verification" in text
    assert "Program admin" in text


def test_a_director_with_mfa_is_offered_the_admin(client):
    client.force_login(make_director(with_mfa=True))

    text = client.get(reverse("home")).content.decode()

    assert "Open the program admin" in text


def test_the_greeting_uses_the_first_name_not_the_title(client):
    client.force_login(make_mentor(name="Dr Noor Haddad"))

    assert "Hello, Noor" in client.get(reverse("home")).content.decode()


def test_the_navigation_leads_to_the_mentor_directory(client):
    client.force_login(make_mentee())

    text = client.get(reverse("home")).content.decode()

    assert f'<a href="{reverse("mentors:directory")}">Mentors</a>' in text


def test_a_director_with_mentors_to_approve_gets_a_link_to_them(client):
    director = make_director(with_mfa=True)
    ours = make_program("Ours", directors=[director])
    make_mentor_profile(make_mentor("d@example.com"), programs=[ours], approved=False)
    client.force_login(director)

    text = client.get(reverse("home")).content.decode()

    assert 'href="/admin/mentors/mentorprofile/?approved=no">waiting for your approval' in text
