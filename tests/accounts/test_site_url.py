"""Where links in e-mail and calendar files point: SITE_URL when it is set;
otherwise the address the page was served on (`make run PORT=8001`), and
http://127.0.0.1:8000 outside a request."""

import os
import re
import subprocess
from datetime import timedelta
from pathlib import Path

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mentorship.pairings import services

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://mentorship.example.org"
SERVED = {"HTTP_HOST": "localhost:8001"}


def plan_next_meeting(client, pairing, capture):
    client.force_login(pairing.mentee.user)
    day = timezone.localdate() + timedelta(days=5)
    data = {"date": day.isoformat(), "time": "07:30", "minutes": "45", "format": "walk"}
    with capture(execute=True):
        client.post(reverse("meetings:plan", args=[pairing.pk]), data, **SERVED)
    return mail.outbox[0]


def calendar_event(content: str):
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    return event


def test_without_site_url_e_mail_and_calendar_links_use_the_address_the_page_was_served_on(
    client, active, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = ""

    message = plan_next_meeting(client, active, django_capture_on_commit_callbacks)

    link = f"http://localhost:8001/pairings/{active.pk}/"
    assert link in message.body
    assert f'href="{link}"' in message.alternatives[0][0]
    [(_, content, _)] = message.attachments
    event = calendar_event(content)
    assert link in str(event["description"])
    assert str(event["uid"]).endswith("@localhost:8001")
    # The calendar file downloaded from the page says the same.
    meeting = active.meetings.get()
    download = client.get(reverse("meetings:ics", args=[meeting.pk]), **SERVED)
    assert link in str(calendar_event(download.content.decode())["description"])


def test_without_site_url_the_sign_up_link_opens_the_server_that_sent_it(client, settings):
    settings.SITE_URL = ""
    signup = {
        "name": "Ana Kowalski",
        "email": "ana@stanford.edu",
        "password1": "curiosity-and-generosity",
        "password2": "curiosity-and-generosity",
    }

    client.post(reverse("account_signup"), signup, **SERVED)

    assert "http://localhost:8001/accounts/confirm-email/" in mail.outbox[0].body


def test_site_url_when_set_wins_over_the_address_the_page_was_served_on(
    client, active, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    settings.DEBUG = True

    message = plan_next_meeting(client, active, django_capture_on_commit_callbacks)

    assert f"{SITE}/pairings/{active.pk}/" in message.body
    assert "localhost:8001" not in message.body
    [(_, content, _)] = message.attachments
    assert f"{SITE}/pairings/{active.pk}/" in str(calendar_event(content)["description"])
    client.post(reverse("account_logout"))
    client.post(reverse("account_reset_password"), {"email": "sam@example.com"}, **SERVED)
    assert f"{SITE}/accounts/password/reset/key/" in mail.outbox[-1].body


def test_outside_a_request_links_use_site_url_or_else_the_default_address(
    pending, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.SITE_URL = ""

    with django_capture_on_commit_callbacks(execute=True):
        services.request_expire(request=pending)

    assert "http://127.0.0.1:8000/mentors/" in mailoutbox[0].body


# --- make run -----------------------------------------------------------------


def make_run_dry(*args: str, **env: str) -> str:
    """What `make run` would do, printed without doing it."""
    clean = {k: v for k, v in os.environ.items() if k not in {"HOST", "PORT", "SITE_URL"}}
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "run", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_make_run_serves_on_the_port_asked_for_and_links_point_there():
    out = make_run_dry("PORT=8001")

    assert re.search(r"manage.py runserver 127.0.0.1:8001$", out, re.MULTILINE)
    assert "links to http://127.0.0.1:8001." in out


def test_make_run_keeps_a_site_url_the_person_set():
    out = make_run_dry("HOST=0.0.0.0", SITE_URL="https://tunnel.example.org")

    assert re.search(r"manage.py runserver 0.0.0.0:8000$", out, re.MULTILINE)
    assert "links to https://tunnel.example.org." in out
