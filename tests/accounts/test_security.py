from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import make_mentee

pytestmark = pytest.mark.django_db


def test_every_response_carries_the_security_headers(client):
    response = client.get(reverse("account_login"), secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_content_security_policy_allows_only_this_site(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]

    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "http" not in policy


def test_pages_link_only_to_this_sites_static_files(client):
    client.force_login(make_mentee())

    text = client.get(reverse("home")).content.decode()

    assert 'href="/static/css/site.css"' in text
    assert "<script>" not in text
    assert "style=" not in text
    assert "//cdn" not in text


def test_signed_in_pages_are_never_stored(client):
    client.force_login(make_mentee())

    response = client.get(reverse("home"))

    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_account_pages_are_never_stored_even_for_visitors(client):
    response = client.get(reverse("account_reset_password"))

    assert "no-store" in response["Cache-Control"]


def test_the_session_cookie_is_http_only(client):
    make_mentee("sam@example.com")

    response = client.post(
        reverse("account_login"),
        {"login": "sam@example.com", "password": "a-long-test-password-42"},
    )

    assert response.cookies["sessionid"]["httponly"]


def test_the_favicon_is_served_from_this_site(client):
    response = client.get("/favicon.ico")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/static/img/favicon.svg"
