"""allauth's pages speak in the program's voice: "Log in", never "Sign In"; "First,
confirm it's you", never "Confirm Access". Each page a person can reach is opened here and
read as a person reads it (its title and text, not its markup)."""

import html
import re
import time
from http import HTTPStatus

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.core import mail
from django.test import Client

from tests.factories import PASSWORD, add_totp, make_mentee

pytestmark = pytest.mark.django_db

# allauth's own words, as it writes them (case matters: the program says "Sign up").
LEFTOVERS = (
    "Sign In",
    "Sign in",
    "sign in",
    "Signed in",
    "signed in",
    "Sign-In",
    "sign-in",
    "Sign Up",
    "Sign Out",
    "Sign out",
    "sign out",
    "Signed out",
    "Confirm Access",
    "Reauthenticate",
    "reauthenticate",
    "Two-Factor",
    "two-factor",
    "Authenticator App",
    "Recovery Codes",
    "Change Password",
    "Set Password",
    "Password Reset",
    "Reset My Password",
    "Bad Token",
    "Email Address",
    "Change Email",
    "Account Inactive",
    "Activate",
    "Deactivate",
    "Sessions",
    "Request Code",
    "Alternative options",
)


def words_on(response) -> str:
    """The page's title and text, without markup, scripts or addresses."""
    assert response.status_code == HTTPStatus.OK, response.status_code
    page = response.content.decode()
    page = re.sub(r"<script\b.*?</script>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def assert_in_the_programs_voice(response, *words: str) -> None:
    text = words_on(response)
    assert [left for left in LEFTOVERS if left in text] == []
    for expected in words:
        assert expected in text


def logged_in(
    email: str = "sam@example.com", *, confirmed: bool = False, totp: str | None = None
) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND
    if totp:  # the second step, with the code the app shows now
        counter = int(time.time()) // mfa_settings.TOTP_PERIOD
        code = format_hotp_value(hotp_value(totp, counter))
        client.post("/accounts/2fa/authenticate/", {"code": code})
    if confirmed:  # as allauth asks before a change that guards the account
        client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    return client


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/accounts/login/", ["Log in · Mentorship", "Welcome back", "Log in"]),
        ("/accounts/signup/", ["Join the mentorship program", "Create my account"]),
        ("/accounts/password/reset/", ["Forgot your password? · Mentorship", "Send me the link"]),
        ("/accounts/password/reset/done/", ["Check your e-mail", "a link to choose a new"]),
        ("/accounts/password/reset/key/1-wrong/", ["This link has expired", "Ask for a fresh one"]),
        ("/accounts/password/reset/key/done/", ["Your password is changed", "Log in"]),
        ("/accounts/inactive/", ["This account is switched off", "a program director"]),
        ("/accounts/confirm-email/", ["Check your e-mail"]),
    ],
)
def test_the_pages_before_logging_in_speak_in_the_programs_voice(client, path, words):
    assert_in_the_programs_voice(client.get(path), *words)


def test_the_new_password_page_from_a_reset_link_speaks_in_the_programs_voice(client):
    make_mentee("sam@example.com")
    client.post("/accounts/password/reset/", {"email": "sam@example.com"})
    link = re.search(r"/accounts/password/reset/key/\S+/", mail.outbox[0].body)[0]

    response = client.get(link, follow=True)

    assert_in_the_programs_voice(
        response,
        "Choose a new password · Mentorship",
        "Your new password",
        "Your new password, again",
        "Save my new password",
    )


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/accounts/email/", ["Your e-mail address · Mentorship", "A new address", "Change my"]),
        (
            "/accounts/password/change/",
            ["Change your password · Mentorship", "Your current password", "Change my password"],
        ),
        ("/accounts/2fa/", ["Two-step verification · Mentorship", "Set up an authenticator app"]),
        (
            "/accounts/reauthenticate/",
            ["Confirm it's you · Mentorship", "First, confirm it's you", "Your password"],
        ),
        (
            "/accounts/sessions/",
            ["Where you're logged in · Mentorship", "This browser", "Log out"],
        ),
        ("/accounts/logout/", ["Log out · Mentorship", "Log out of the program?"]),
    ],
)
def test_the_account_pages_speak_in_the_programs_voice(path, words):
    make_mentee("sam@example.com")

    response = logged_in().get(path)

    assert_in_the_programs_voice(response, *words)


def test_logging_out_everywhere_else_says_so_in_the_programs_voice():
    make_mentee("sam@example.com")
    desk, phone = logged_in(), logged_in()
    assert "Log out everywhere else" in words_on(phone.get("/accounts/sessions/"))

    response = phone.post("/accounts/sessions/", follow=True)

    assert_in_the_programs_voice(response, "You're logged out everywhere else.")
    assert desk.get("/").context["user"].is_anonymous


def test_setting_up_the_authenticator_app_speaks_in_the_programs_voice():
    make_mentee("sam@example.com")

    response = logged_in(confirmed=True).get("/accounts/2fa/totp/activate/")

    assert_in_the_programs_voice(
        response,
        "Set up your authenticator app · Mentorship",
        "Or type this key into the app",
        "Turn on two-step verification",
    )


def test_the_second_step_of_logging_in_speaks_in_the_programs_voice(client):
    add_totp(make_mentee("sam@example.com"))

    response = client.post(
        "/accounts/login/", {"login": "sam@example.com", "password": PASSWORD}, follow=True
    )

    assert_in_the_programs_voice(
        response, "Log in · Mentorship", "One more step", "The code from your app", "Cancel"
    )


# allauth adds the messages after the commit: a real transaction, so they arrive in time.
@pytest.mark.django_db(transaction=True)
def test_the_two_step_pages_of_someone_who_has_it_on_speak_in_the_programs_voice():
    secret = decrypt(add_totp(make_mentee("sam@example.com")).data["secret"])
    client = logged_in(confirmed=True, totp=secret)

    assert_in_the_programs_voice(
        client.get("/accounts/2fa/"), "It's on", "Turn off the authenticator app", "Make new codes"
    )
    assert_in_the_programs_voice(
        client.get("/accounts/2fa/reauthenticate/"),
        "First, confirm it's you",
        "The code from your app, or a recovery code",
        "Use your password",
    )
    assert_in_the_programs_voice(
        client.get("/accounts/2fa/totp/deactivate/"),
        "Turn off the authenticator app?",
        "Turn it off",
        "Keep it on",
    )
    assert_in_the_programs_voice(
        client.get("/accounts/2fa/recovery-codes/generate/"),
        "Make new recovery codes?",
        "Not now",
    )
    made = client.post("/accounts/2fa/recovery-codes/generate/", follow=True)
    assert Authenticator.objects.filter(type=Authenticator.Type.RECOVERY_CODES).exists()
    assert_in_the_programs_voice(
        made,
        "Your recovery codes · Mentorship",
        "Here is a fresh set of recovery codes.",
        "Codes you haven't used",
        "Download them",
    )
    off = client.post("/accounts/2fa/totp/deactivate/", follow=True)
    assert_in_the_programs_voice(off, "The authenticator app is off.")
