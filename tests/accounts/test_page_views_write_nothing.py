"""A page view that changes nothing writes nothing: the session and its "last
seen" are refreshed once an hour, so a two-week session still slides on."""

import time
from datetime import timedelta
from http import HTTPStatus

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.middleware import SEEN_EVERY
from tests.factories import PASSWORD, make_mentee

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")
PAGES = ["home", "mentors:directory", "pairings:list", "pairings:request_list", "usersessions_list"]


def log_in(client, email="sam@example.com"):
    response = client.post(
        reverse("account_login"), {"login": email, "password": PASSWORD, "remember": "on"}
    )
    assert response.status_code == HTTPStatus.FOUND


def writes_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().startswith(WRITES)]


def an_hour_later(monkeypatch, hours=1):
    later = time.time() + hours * SEEN_EVERY + 1
    monkeypatch.setattr(time, "time", lambda: later)


@pytest.mark.parametrize("name", PAGES)
def test_a_page_view_within_the_hour_writes_nothing(client, name):
    make_mentee("sam@example.com")
    log_in(client)
    client.get(reverse("home"))

    assert writes_of(client, reverse(name)) == []
    assert writes_of(client, reverse(name)) == []


def test_the_first_page_of_an_hour_moves_the_session_on_and_says_when_it_was_seen(
    client, monkeypatch
):
    make_mentee("sam@example.com")
    log_in(client)
    session = Session.objects.get()
    seen = UserSession.objects.get()
    Session.objects.update(expire_date=session.expire_date - timedelta(days=1))

    an_hour_later(monkeypatch)
    assert writes_of(client, reverse("home")) != []

    # Two weeks from now again, and seen just now.
    assert Session.objects.get().expire_date > session.expire_date - timedelta(minutes=1)
    assert UserSession.objects.get().last_seen_at > seen.last_seen_at
    assert writes_of(client, reverse("home")) == []


def test_a_session_left_alone_for_two_weeks_ends(client):
    make_mentee("sam@example.com")
    log_in(client)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    response = client.get(reverse("home"))

    assert response.context["user"].is_anonymous


def test_the_sessions_page_says_when_each_session_was_last_active(client):
    make_mentee("sam@example.com")
    log_in(client)

    text = client.get(reverse("usersessions_list")).content.decode()

    assert "Last active" in text
