"""Check-ins in a real browser on a small phone (360 px): Sam answers his pulse with
taps and the keyboard, nothing scrolls sideways, and the thank-you says what
happened; the director's page of the period fits the same phone."""

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from mentorship.checkins.models import Checkin, Kind
from tests.checkins.factories import answered, ensure_built_in, make_checkin, make_follow_up
from tests.factories import add_totp, make_mentee, make_mentee_profile

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


@pytest.fixture(autouse=True)
def built_in():
    ensure_built_in()


def open_as(browser, live_server, user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def fits(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_sam_answers_his_pulse_on_a_phone(browser, live_server, screenshot, program, pairing, sam):
    pulse = make_checkin(sam.user, program=program, pairing=pairing, days_ago=3)
    page = open_as(browser, live_server, sam.user)

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Pulse: your pairing with Dr Dana Chen").click()
    assert page.get_by_role("heading", name="Pulse").is_visible()
    assert fits(page)
    screenshot(page, "checkin-answer-phone")

    page.get_by_role("radio", name="Agree", exact=True).check()
    page.get_by_role("group", name="Did you meet as planned?").get_by_label("Yes").check()
    page.get_by_label("What would help?").fill("A session on fellowship applications.")
    page.get_by_role("button", name="Send my answers").click()

    assert page.get_by_text("Thank you: your answers are in.").is_visible()
    assert page.get_by_role("heading", name="You answered on").is_visible()
    assert fits(page)
    screenshot(page, "checkin-answered-phone")
    pulse.refresh_from_db()
    assert pulse.status == Checkin.Status.ANSWERED


def test_the_directors_period_page_fits_a_phone(
    browser, live_server, screenshot, program, director, sam, ana, noor, alex, pairing
):
    people = [sam, ana, noor, alex]
    people += [
        make_mentee_profile(make_mentee(f"r{i}@example.com", name=f"Resident {i}"), program=program)
        for i in range(3)
    ]
    rows = [
        make_checkin(p.user, program=program, kind=Kind.MIDYEAR, period="midyear-2026", days_ago=5)
        for p in people
    ]
    for n, checkin in enumerate(rows[:5]):
        answered(
            checkin, useful=3 + n % 3, progress=4, better="More teaching on nights." if n else ""
        )
    add_totp(director)
    page = open_as(browser, live_server, director)

    page.goto(f"{live_server.url}/director/checkins/")
    page.get_by_role("link", name="Mid-year check-in").click()
    assert page.get_by_role("heading", name="Who hasn't answered yet").is_visible()
    assert fits(page)
    screenshot(page, "checkin-period-phone")

    make_follow_up(pairing)
    page.get_by_role("link", name="Pairings to check in with").click()
    page.get_by_label("What did you do?").fill("Met them both for coffee; all well.")
    page.get_by_role("button", name="Mark as done").click()
    assert page.get_by_text(
        "Marked done: checking in with Dr Dana Chen and Sam Whitfield"
    ).is_visible()
    assert fits(page)
    screenshot(page, "checkin-follow-ups-phone")
