from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, make_mentee, make_user

pytestmark = pytest.mark.django_db


def log_in(client, email, password=PASSWORD, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password, **extra})


def test_login_is_refused_until_the_email_is_verified(client):
    make_user("new@example.com", verified=False, onboarded=False)

    response = log_in(client, "new@example.com")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    # A fresh link is on its way.
    assert [m.to for m in mail.outbox] == [["new@example.com"]]


def test_following_the_verification_link_lets_the_person_in(client):
    make_user("new@example.com", verified=False, onboarded=False)
    log_in(client, "new@example.com")
    link = next(line for line in mail.outbox[0].body.splitlines() if "confirm-email" in line)
    path = link[link.index("/accounts/") :].strip()

    client.post(path)
    response = log_in(client, "new@example.com")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("onboarding")
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_first_login_goes_to_onboarding_and_later_ones_to_the_dashboard(client):
    make_user("first@example.com", onboarded=False)
    make_mentee("back@example.com")

    assert log_in(client, "first@example.com")["Location"] == reverse("onboarding")
    client.logout()
    assert log_in(client, "back@example.com")["Location"] == reverse("home")


def test_a_wrong_password_says_so_and_keeps_the_email_typed(client):
    make_mentee("sam@example.com")

    response = log_in(client, "sam@example.com", "not-the-password")

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "The email address and/or password you specified are not correct." in text
    assert 'value="sam@example.com"' in text
    assert "_auth_user_id" not in client.session


def test_repeated_failed_logins_are_rate_limited_with_a_message(client):
    make_mentee("sam@example.com")
    for _ in range(5):
        log_in(client, "sam@example.com", "guessing-wrong")

    # Even the right password is refused now; allauth answers 200 with a message.
    response = log_in(client, "sam@example.com")

    assert response.status_code == HTTPStatus.OK
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_rate_limit_is_per_address_and_spares_other_people(client):
    make_mentee("sam@example.com")
    make_mentee("ana@example.com", name="Ana Kowalski")
    for _ in range(5):
        log_in(client, "sam@example.com", "guessing-wrong")

    response = log_in(client, "ana@example.com")

    assert response.status_code == HTTPStatus.FOUND


def test_keep_me_logged_in_sets_the_documented_session_lifetime(client, settings):
    make_mentee("sam@example.com")

    log_in(client, "sam@example.com", remember="on")

    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 14 * 24 * 3600
    assert not client.session.get_expire_at_browser_close()


def test_without_keep_me_logged_in_the_session_ends_with_the_browser(client):
    make_mentee("sam@example.com")

    log_in(client, "sam@example.com")

    assert client.session.get_expire_at_browser_close()


def test_logging_out_takes_a_post_and_ends_the_session(client):
    user = make_mentee("sam@example.com")
    client.force_login(user)

    response = client.post(reverse("account_logout"))

    assert response.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session
