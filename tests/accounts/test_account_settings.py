"""Changing e-mail, password or MFA asks who you are again; sessions can be ended."""

from http import HTTPStatus

import pytest
from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_mentee

pytestmark = pytest.mark.django_db


def log_in(client, email="sam@example.com"):
    response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND
    return response


def test_adding_an_email_address_asks_for_the_password_again(client):
    make_mentee("sam@example.com")
    log_in(client)

    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "sam.w@example.com"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_turning_on_mfa_asks_for_the_password_again(client):
    make_mentee("sam@example.com")
    log_in(client)

    response = client.get(reverse("mfa_activate_totp"))

    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_changing_the_password_needs_the_current_one(client):
    user = make_mentee("sam@example.com")
    log_in(client)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": "generosity-first", "password2": "generosity-first"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "Please type your current password." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_person_sees_their_sessions_and_ends_the_others():
    make_mentee("sam@example.com")
    phone, desk = Client(), Client()
    log_in(phone)
    log_in(desk)

    listing = desk.get(reverse("usersessions_list"))
    assert listing.status_code == HTTPStatus.OK
    assert UserSession.objects.count() == 2

    desk.post(reverse("usersessions_list"))

    assert phone.get(reverse("home")).context["user"].is_anonymous
    assert desk.get(reverse("home")).context["user"].is_authenticated


def test_sessions_of_other_people_are_not_listed():
    make_mentee("sam@example.com")
    make_mentee("ana@example.com", name="Ana Kowalski")
    sam, ana = Client(HTTP_USER_AGENT="Sam's phone"), Client(HTTP_USER_AGENT="Ana's laptop")
    log_in(sam)
    log_in(ana, "ana@example.com")

    text = sam.get(reverse("usersessions_list")).content.decode()

    assert "Sam&#x27;s phone" in text
    assert "Ana&#x27;s laptop" not in text
