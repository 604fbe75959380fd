"""In a real browser at a director's desk (1280 px): the columns a director needs
fit without a sideways scroll, on the pairing list and on the mentor list, and the
history of a pairing reads as people do."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from mentorship.meetings.models import Meeting
from mentorship.pairings import services
from mentorship.pairings.models import Pairing
from tests.factories import (
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
)

pytestmark = pytest.mark.django_db(transaction=True)

DESK = {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1}


@pytest.fixture
def signed_in(browser, live_server):
    """Opens a desk browser with a person's session already open (their two-step
    verification is on; the log-in itself is tested elsewhere)."""
    contexts = []

    def open_for(user):
        context, page = _signed_in(browser, live_server, user)
        contexts.append(context)
        return page

    yield open_for
    for context in contexts:
        context.close()


def _signed_in(browser, live_server, user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    context = browser.new_context(**DESK)
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
    return context, page


def a_program_with_pairings(count: int = 30):
    director = make_director("okafor@example.com", name="Dr Maya Okafor")
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    make_program("Pediatric Anesthesia Fellowship", directors=[director])
    long_ago = timezone.localdate() - timedelta(days=120)
    for i in range(count):
        mentor = make_mentor_profile(
            make_mentor(f"mentor{i}@stanford.edu", name=f"Dr Alexandra Montgomery-Whitfield {i}"),
            programs=[program],
            title="Clinical Associate Professor of Anesthesiology",
            capacity=3,
        )
        mentee = make_mentee_profile(
            make_mentee(f"mentee{i}@stanford.edu", name=f"Bartholomew Okonkwo-Fitzgerald {i}"),
            program=program,
        )
        pairing = make_pairing(mentor, mentee, started_on=long_ago)
        Meeting.objects.create(
            pairing=pairing, starts_at=timezone.now() - timedelta(days=70 + i), minutes=30
        )
    return director, program


def columns_fit(page) -> bool:
    return page.evaluate(
        """() => {
            const results = document.querySelector('#changelist .results');
            return results.scrollWidth <= results.clientWidth
                && document.documentElement.scrollWidth <= window.innerWidth;
        }"""
    )


def header_visible(page, text: str) -> bool:
    header = page.locator("#result_list thead th", has_text=text).first
    box = header.bounding_box()
    return box is not None and box["x"] + box["width"] <= 1280


def test_the_pairing_list_fits_a_desk_with_the_meeting_columns_in_view(
    live_server, signed_in, screenshot
):
    director, program = a_program_with_pairings()
    page = signed_in(director)

    for number, query in enumerate(
        ("", "?quiet=60", f"?program={program.pk}&status__exact=active")
    ):
        page.goto(f"{live_server.url}/admin/pairings/pairing/{query}")
        screenshot(page, f"admin-01-pairings-1280-{number}")
        assert page.locator("#result_list tbody tr").count() >= 25
        assert columns_fit(page), query
        for column in ("last meeting", "meetings held", "days since they met"):
            assert header_visible(page, column), (column, query)
    # A filter chosen is not repeated in a column of its own.
    headers = page.locator("#result_list thead th").all_inner_texts()
    assert not any(h.strip().lower() == "program" for h in headers)
    assert not any(h.strip().lower() == "status" for h in headers)


def test_the_mentor_list_fits_a_desk_and_shows_the_approval(live_server, signed_in, screenshot):
    director, program = a_program_with_pairings(5)
    make_mentor_profile(
        make_mentor("waiting@stanford.edu", name="Dr Waiting For Approval"),
        programs=[program],
        approved=False,
    )
    page = signed_in(director)

    page.goto(f"{live_server.url}/admin/mentors/mentorprofile/")
    screenshot(page, "admin-02-mentors-1280")

    assert columns_fit(page)
    assert header_visible(page, "approved")
    row = page.locator("#result_list tbody tr", has_text="Dr Waiting For Approval")
    assert row.locator("img[alt='False']").count() == 1


def test_a_pairings_history_reads_as_people_do(live_server, signed_in, screenshot):
    director, program = a_program_with_pairings(1)
    pairing = Pairing.objects.get()
    services.pairing_pause(pairing=pairing, by=pairing.mentee.user)
    services.pairing_end(pairing=pairing, by=director, reason="Graduated.")
    page = signed_in(director)

    page.goto(f"{live_server.url}/admin/pairings/pairing/{pairing.pk}/history/")
    screenshot(page, "admin-03-history")

    history = page.locator("#change-history").inner_text()
    assert "Active → Paused" in history
    assert "Paused → Ended" in history
    assert "Deleted user" not in history
    assert "pk=None" not in history
    assert "Bartholomew Okonkwo-Fitzgerald 0" in history  # who paused it
    assert "Dr Maya Okafor" in history  # who ended it
    today = timezone.localdate()
    assert re.search(rf"{today:%b}\.? {today.day}, {today.year}", history)
