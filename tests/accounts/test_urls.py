"""Every page needs a log-in unless it is deliberately public.

The URL conf is walked, so a new page is covered the day it is added.
"""

import re
from http import HTTPStatus

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# Pages anyone may open: a new one here is a decision, not an accident.
PUBLIC = {
    "home",
    "favicon",
    "account_login",
    "account_signup",
    "account_confirm_login_code",
    "account_request_login_code",
    "account_email_verification_sent",
    "account_confirm_email",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_inactive",
    "account_logout",
    "mfa_authenticate",
    "mfa_trust",
    "mfa_login_webauthn",
    "mfa_signup_webauthn",
    "account_confirm_password_reset_code",
    "account_confirm_email_verification_code",
    "account_signup_by_passkey",
    "account_verify_phone",
    # An invitation's link: the key in it is the sign-in (mentorship/invitations).
    "join",
}

SAMPLE_ARGS = {"int": "1", "str": "sample", "slug": "sample", "path": "sample", "uuid": None}


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def sample_path(route: str) -> str:
    route = route.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\/", "/")
    route = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: SAMPLE_ARGS.get(m[1] or "str") or "x", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)  # admin's regex routes
    return "/" + route


def non_public_pages():
    for route, pattern in walk(get_resolver().url_patterns):
        if pattern.name in PUBLIC or route.startswith("static/"):
            continue
        yield pytest.param(sample_path(route), id=pattern.name or route)


@pytest.mark.parametrize("path", list(non_public_pages()))
def test_an_anonymous_visitor_is_sent_to_log_in(client, path):
    response = client.get(path)

    assert response.status_code == HTTPStatus.FOUND, path
    location = response["Location"]
    # The admin sends visitors to its own log-in page, which hands them to allauth.
    assert location.startswith(("/accounts/login/", "/admin/login/")), location


def test_the_walk_finds_the_pages_it_should():
    paths = {p.values[0] for p in non_public_pages()}

    assert {"/welcome/", "/accounts/email/", "/accounts/sessions/", "/admin/"} <= paths
    assert "/accounts/login/" not in paths
