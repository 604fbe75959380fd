"""Who sees what on the home page: someone not yet onboarded is sent to onboarding,
a mentor sees only the mentor side, a director their programs' people and the way
to the admin; everyone is greeted by first name and led to the mentor directory."""

from http import HTTPStatus

import pytest
from django.urls import reverse

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


def test_the_dashboard_sends_someone_not_yet_onboarded_to_onboarding(client):
    client.force_login(make_user(onboarded=False))

    response = client.get(reverse("home"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("onboarding")


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
