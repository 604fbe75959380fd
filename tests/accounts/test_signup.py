from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "name": "Ana Kowalski",
    "email": "ana@stanford.edu",
    "password1": "curiosity-and-generosity",
    "password2": "curiosity-and-generosity",
}


def test_signup_inside_the_allowed_domains_sends_a_verification_link(client, settings):
    settings.SIGNUP_ALLOWED_DOMAINS = ["stanford.edu", "stanfordhealthcare.org"]

    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="ana@stanford.edu")
    assert user.name == "Ana Kowalski"
    assert not EmailAddress.objects.get(user=user).verified
    assert [m.to for m in mail.outbox] == [["ana@stanford.edu"]]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_signup_outside_the_allowed_domains_is_refused_naming_the_rule(client, settings):
    settings.SIGNUP_ALLOWED_DOMAINS = ["stanford.edu", "stanfordhealthcare.org"]

    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "ana@gmail.com"})

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "open to addresses ending in @stanford.edu or @stanfordhealthcare.org" in text
    # Everything typed comes back, except the passwords.
    assert 'value="Ana Kowalski"' in text
    assert 'value="ana@gmail.com"' in text
    assert not User.objects.filter(email="ana@gmail.com").exists()
    assert mail.outbox == []


def test_signup_page_states_the_domain_rule_before_anyone_trips_on_it(client, settings):
    settings.SIGNUP_ALLOWED_DOMAINS = ["stanford.edu"]

    response = client.get(reverse("account_signup"))

    assert "Sign-up is open to addresses ending in @stanford.edu." in response.content.decode()


def test_signup_with_no_domain_rule_accepts_any_address(client, settings):
    settings.SIGNUP_ALLOWED_DOMAINS = []

    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "ana@gmail.com"})

    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.filter(email="ana@gmail.com").exists()


def test_signup_with_a_weak_password_explains_why_and_keeps_the_rest(client):
    data = {**SIGNUP, "password1": "12345678", "password2": "12345678"}

    response = client.post(reverse("account_signup"), data)

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "This password is too common." in text
    assert 'value="Ana Kowalski"' in text
    assert 'value="ana@stanford.edu"' in text
    assert not User.objects.exists()


def test_signup_without_a_name_is_refused_at_the_name_field(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "name": ""})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["name"] == ["This field is required."]
    assert not User.objects.exists()


def test_signup_with_a_taken_address_in_another_case_does_not_create_a_second_account(client):
    User.objects.create_user(email="ana@stanford.edu", password="x-long-password-1", name="Ana")

    client.post(reverse("account_signup"), {**SIGNUP, "email": "ANA@stanford.edu"})

    assert User.objects.filter(email__iexact="ana@stanford.edu").count() == 1
