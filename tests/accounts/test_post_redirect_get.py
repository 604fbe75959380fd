"""A form that comes back with a mistake is fetched with a GET, so Back never asks
to resend a form (mentorship/resubmit.py). Browsers mark their own form
submissions `Sec-Fetch-Mode: navigate`; the test client sends it by hand."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.meetings.models import Meeting

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_SEC_FETCH_MODE": "navigate", "HTTP_SEC_FETCH_DEST": "document"}
NOTE = "A long note, half written, when the pager went off."


def broken(**extra) -> dict:
    """A log form with the length forgotten, and a note typed."""
    return {"date": "2026-01-05", "minutes": "", "format": "walk", **extra}


def test_a_form_with_a_mistake_is_fetched_again_with_a_get_as_typed(client, active, chen):
    url = reverse("meetings:log", args=[active.pk])
    client.force_login(chen.user)

    response = client.post(url, broken(answer_learned_about_them=NOTE), **BROWSER)

    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == url
    page = client.get(url, **BROWSER)
    text = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert "Say roughly how long you met, in minutes." in text
    assert NOTE in text
    assert page["Cache-Control"].count("no-store") == 1
    # Shown once: coming back later draws the form afresh.
    assert NOTE not in client.get(url, **BROWSER).content.decode()
    assert not Meeting.objects.exists()


def test_the_fixed_form_saves_and_back_finds_a_fresh_form(client, active, chen):
    url = reverse("meetings:log", args=[active.pk])
    client.force_login(chen.user)
    client.post(url, broken(answer_learned_about_them=NOTE), **BROWSER)
    client.get(url, **BROWSER)

    saved = client.post(url, broken(minutes="30", answer_learned_about_them=NOTE), **BROWSER)
    back = client.get(url, **BROWSER)

    assert saved.status_code == HTTPStatus.FOUND
    assert back.status_code == HTTPStatus.OK
    assert "Log your session with" in back.content.decode()
    assert Meeting.objects.count() == 1


def test_two_tabs_with_two_mistakes_each_get_their_own_page(client, active, chen):
    log, plan = (reverse(f"meetings:{name}", args=[active.pk]) for name in ("log", "plan"))
    client.force_login(chen.user)

    client.post(log, broken(answer_learned_about_them=NOTE), **BROWSER)
    client.post(plan, {"date": "", "time": "", "minutes": "30", "place": "Room 4"}, **BROWSER)

    assert "Room 4" in client.get(plan, **BROWSER).content.decode()
    assert NOTE in client.get(log, **BROWSER).content.decode()


def test_the_kept_page_is_shown_only_to_the_person_who_sent_it(client, active, chen, sam):
    url = reverse("meetings:log", args=[active.pk])
    client.force_login(chen.user)
    client.post(url, broken(answer_learned_about_them=NOTE), **BROWSER)

    client.force_login(sam.user)  # a new session, as on a shared computer

    assert NOTE not in client.get(url, **BROWSER).content.decode()


def test_a_script_or_the_test_client_gets_the_page_at_once(client, active, chen):
    url = reverse("meetings:log", args=[active.pk])
    client.force_login(chen.user)

    response = client.post(url, broken(answer_learned_about_them=NOTE))

    assert response.status_code == HTTPStatus.OK
    assert NOTE in response.content.decode()


def test_a_failed_log_in_is_fetched_again_with_a_get_too(client, chen):
    url = reverse("account_login")

    response = client.post(url, {"login": "chen@example.com", "password": "wrong"}, **BROWSER)

    assert response.status_code == HTTPStatus.SEE_OTHER
    text = client.get(url, **BROWSER).content.decode()
    assert "chen@example.com" in text
    assert "not correct" in text


def test_downloads_and_redirects_pass_as_they_are(client, active, chen):
    client.force_login(chen.user)

    response = client.post(
        reverse("meetings:log", args=[active.pk]), broken(minutes="30"), **BROWSER
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == active.get_absolute_url()
