"""A form sent twice makes one thing: Back then submit again, or a double tap.

Each form that creates something carries a one-time token; a replay answers with
what the first submit made, and says so. Answers to a request sent again find
the request already answered."""

import re
import threading
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings.models import Commitment, Meeting, Note
from mentorship.pairings.models import MentorshipRequest, Pairing
from tests.factories import make_pairing
from tests.pairings.service_support import DREW_YOU

pytestmark = pytest.mark.django_db


def token_of(client, url) -> str:
    """The one-time token of the form on the page, as the browser would send it."""
    page = client.get(url).content.decode()
    return re.search(r'name="once" value="([0-9a-f]{32})"', page)[1]


def log_data(token: str, **extra) -> dict:
    return {
        "once": token,
        "once_kept": token,
        "date": timezone.localdate().isoformat(),
        "minutes": "40",
        "format": "walk",
        "answer_learned_about_them": "She is carrying more than she says.",
        "commitments-TOTAL_FORMS": "3",
        "commitments-INITIAL_FORMS": "0",
        "commitments-0-owner": "mentor",
        "commitments-0-what": "Send Sam the simulation schedule",
        **extra,
    }


def test_logging_a_session_twice_with_one_form_saves_one_meeting_and_says_so(client, active, chen):
    url = reverse("meetings:log", args=[active.pk])
    client.force_login(chen.user)
    token = token_of(client, url)

    first = client.post(url, log_data(token), follow=True)
    again = client.post(url, log_data(token), follow=True)

    assert "Logged. Thank you for showing up for each other." in first.content.decode()
    [meeting] = Meeting.objects.all()
    assert again.redirect_chain == [(meeting.get_absolute_url(), HTTPStatus.FOUND)]
    assert "You logged this session already, so nothing was saved twice." in (
        again.content.decode()
    )
    assert Note.objects.count() == 1
    assert Commitment.objects.count() == 1


def test_after_back_the_restored_token_is_the_one_that_counts(client, active, chen):
    """Back draws a new page (a new hidden token); the browser restores the text
    input holding the token the form was sent with."""
    url = reverse("meetings:log", args=[active.pk])
    client.force_login(chen.user)
    sent = token_of(client, url)
    client.post(url, log_data(sent))
    fresh = token_of(client, url)

    client.post(url, log_data(fresh, once_kept=sent))

    assert fresh != sent
    assert Meeting.objects.count() == 1


def test_two_sessions_logged_from_two_forms_are_two_meetings(client, active, chen):
    url = reverse("meetings:log", args=[active.pk])
    client.force_login(chen.user)

    client.post(url, log_data(token_of(client, url)))
    client.post(url, log_data(token_of(client, url)))

    assert Meeting.objects.count() == 2


def test_a_form_that_came_back_with_a_mistake_keeps_its_token(client, active, chen):
    url = reverse("meetings:log", args=[active.pk])
    client.force_login(chen.user)
    token = token_of(client, url)

    page = client.post(url, log_data(token, minutes="")).content.decode()
    client.post(url, log_data(token))
    client.post(url, log_data(token))

    assert f'name="once" value="{token}"' in page
    assert Meeting.objects.count() == 1


def test_a_token_of_someone_elses_meeting_is_neither_found_nor_a_crash(
    client, active, chen, levin, program, noor
):
    """A crafted form carrying a token another pairing's meeting holds."""

    theirs = make_pairing(levin, noor)
    client.force_login(levin.user)
    their_url = reverse("meetings:log", args=[theirs.pk])
    token = token_of(client, their_url)
    client.post(their_url, log_data(token, **{"commitments-0-owner": "mentor"}))
    client.force_login(chen.user)

    response = client.post(reverse("meetings:log", args=[active.pk]), log_data(token))

    assert response.status_code == HTTPStatus.FOUND
    assert Meeting.objects.filter(pairing=active).count() == 1
    assert Meeting.objects.filter(pairing=theirs).count() == 1


def test_logging_a_planned_meeting_twice_answers_with_it(client, active, chen):
    planned = Meeting.objects.create(
        pairing=active,
        starts_at=timezone.now() - timedelta(hours=2),
        minutes=30,
        status=Meeting.Status.PLANNED,
    )
    url = reverse("meetings:log", args=[active.pk]) + f"?planned={planned.pk}"
    client.force_login(chen.user)
    token = token_of(client, url)

    client.post(url, log_data(token))
    again = client.post(url, log_data(token), follow=True)

    assert again.redirect_chain[0] == (planned.get_absolute_url(), HTTPStatus.FOUND)
    assert list(Meeting.objects.values_list("status", flat=True)) == ["held"]


def test_planning_twice_with_one_form_plans_one_meeting_and_sends_one_invitation(
    client, active, chen, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("meetings:plan", args=[active.pk])
    client.force_login(chen.user)
    token = token_of(client, url)
    data = {
        "once": token,
        "once_kept": token,
        "date": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "time": "07:30",
        "minutes": "30",
        "format": "video",
    }

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
        again = client.post(url, data, follow=True)

    [meeting] = Meeting.objects.all()
    assert again.redirect_chain == [(meeting.get_absolute_url(), HTTPStatus.FOUND)]
    assert "You planned this meeting already, so nobody got a second invitation." in (
        again.content.decode()
    )
    assert len(mailoutbox) == 2  # one invitation each


def test_asking_twice_with_one_form_sends_one_request(
    client, sam, chen, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("pairings:request_create", args=[chen.pk])
    client.force_login(sam.user)
    token = token_of(client, url)
    data = {"once": token, "once_kept": token, "drew_you": DREW_YOU}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
        again = client.post(url, data, follow=True)

    [request] = MentorshipRequest.objects.all()
    assert again.redirect_chain == [(request.get_absolute_url(), HTTPStatus.FOUND)]
    assert "You sent this request already, so nothing was sent twice." in again.content.decode()
    assert len(mailoutbox) == 1


def test_saying_yes_twice_answers_with_the_pairing(client, pending, chen):
    url = reverse("pairings:request_answer", args=[pending.pk])
    client.force_login(chen.user)
    client.post(url, {"decision": "accept", "accept-reply": "Welcome."})

    again = client.post(url, {"decision": "accept", "accept-reply": "Welcome."}, follow=True)

    pairing = Pairing.objects.get()
    assert again.redirect_chain == [(pairing.get_absolute_url(), HTTPStatus.FOUND)]
    assert "You said yes already, so nothing changed." in again.content.decode()


def test_declining_twice_says_it_was_answered(client, pending, chen):
    url = reverse("pairings:request_answer", args=[pending.pk])
    client.force_login(chen.user)
    client.post(url, {"decision": "decline", "decline-reply": "A busy spring."})

    again = client.post(
        url, {"decision": "decline", "decline-reply": "A busy spring."}, follow=True
    )

    assert "You answered this request already, so nothing changed." in again.content.decode()
    assert MentorshipRequest.objects.get().reply == "A busy spring."


def test_an_answer_to_a_question_sent_twice_is_sent_once(
    client, pending, chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    from mentorship.pairings import services

    services.request_ask_more(request=pending, by=chen.user, question="Twice a month?")
    url = reverse("pairings:question_answer", args=[pending.pk])
    client.force_login(sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"answer": "Yes, gladly."})
        again = client.post(url, {"answer": "Yes, gladly."}, follow=True)

    assert "Your answer is already with Dr Dana Chen, so nothing was sent twice." in (
        again.content.decode()
    )
    assert len(mailoutbox) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: no race to lose"
)
@pytest.mark.django_db(transaction=True)
def test_two_racing_submits_of_one_log_form_save_one_meeting(active, chen):
    url = reverse("meetings:log", args=[active.pk])
    clients = [Client(), Client()]
    for c in clients:
        c.force_login(chen.user)
    token = token_of(clients[0], url)
    start = threading.Barrier(2)
    statuses = []

    def submit(c):
        start.wait()
        statuses.append(c.post(url, log_data(token)).status_code)
        connection.close()

    threads = [threading.Thread(target=submit, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [HTTPStatus.FOUND, HTTPStatus.FOUND]
    assert Meeting.objects.count() == 1
    assert Commitment.objects.count() == 1
