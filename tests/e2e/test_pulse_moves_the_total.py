"""Issue 13's walk in a real browser: Sam answers his pulse on a phone, in well
under a minute and a handful of taps; the director's health page then shows the
year's mean pulse moved, and the pulse chart (an SVG image) and the table beside
it give the same numbers, before and after."""

import re
import time

import pytest
from django.utils import timezone

from mentorship.pairings.models import Pairing
from tests.checkins.factories import answered, ensure_built_in, make_checkin
from tests.e2e.test_checkins_phone import open_as
from tests.factories import (
    make_appointment,
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
)

pytestmark = pytest.mark.django_db(transaction=True)
DESK = {"width": 1280, "height": 900}


def pulse_world():
    """Five CA-1s with faculty mentors, their pulse opened today; four answered
    4, 4, 5 and 3 (a mean of 4.0), Sam not yet."""
    ensure_built_in()
    director = make_director("okafor@example.com", name="Dr Maya Okafor")
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    people = []
    for n, name in enumerate(["Sam Lee", "Tia Moss", "Uma Ray", "Vic Orr", "Wes Poe"]):
        mentor = make_mentor_profile(
            make_mentor(f"mentor{n}@example.com", name=f"Dr Mentor {n}"), programs=[program]
        )
        mentee = make_mentee_profile(
            make_mentee(f"r{n}@example.com", name=name), program=program, training_level="ca1"
        )
        make_appointment(mentee.user, program=program, level="ca1")
        pairing = make_pairing(mentor, mentee, kind=Pairing.Kind.FACULTY)
        people.append(make_checkin(mentee.user, program=program, pairing=pairing, days_ago=0))
    for checkin, rating in zip(people[1:], (4, 4, 5, 3), strict=True):
        answered(checkin, useful=rating, met=1)
    return director, people[0]


def pulse_figures(page):
    """(the headline's mean, the month's row of the table, the chart's value labels)."""
    headline = page.locator("#figure-pulse strong").inner_text()
    month = f"{timezone.localdate():%B %Y}"
    row = page.locator("#table-pulse tr", has=page.locator("th", has_text=month))
    cells = row.locator("td").all_inner_texts()
    src = page.locator("#chart-pulse img").get_attribute("src")
    svg = page.request.get(page.url.split("/director/")[0] + src).text()
    labels = re.findall(
        r'class="value[^"]*"[^>]*>([0-9.]+)<', svg
    )  # pygal writes each twice (value and its shadow)
    return headline, cells, labels


def test_a_pulse_answered_on_a_phone_moves_the_directors_total(browser, live_server, screenshot):
    director, sam = pulse_world()
    desk = open_as(browser, live_server, director)
    desk.set_viewport_size(DESK)
    desk.goto(f"{live_server.url}/director/health/")
    headline, cells, labels = pulse_figures(desk)
    # Four answers of five asked: a total shows, and the chart says what the table says.
    assert headline == "4.0"
    assert cells[:3] == ["4", "5", "4.0"]
    assert set(labels) == {"4.0"}
    screenshot(desk, "health-pulse-before")

    phone = open_as(browser, live_server, sam.person)
    started = time.monotonic()
    phone.goto(f"{live_server.url}/")
    phone.get_by_role("link", name=re.compile(r"^Pulse: your pairing with Dr Mentor 0")).click()
    phone.get_by_role("radio", name="Strongly agree").check()
    phone.get_by_role("group", name="Did you meet as planned?").get_by_label("Yes").check()
    phone.get_by_role("button", name="Send my answers").click()
    assert phone.get_by_text("Thank you: your answers are in.").is_visible()
    took = time.monotonic() - started
    assert took < 60, f"answering took {took:.0f} s"
    screenshot(phone, "health-pulse-answered-phone")

    desk.reload()
    headline, cells, labels = pulse_figures(desk)
    assert headline == "4.2"
    assert cells[:3] == ["5", "5", "4.2"]
    assert set(labels) == {"4.2"}
    # Nothing of any one person's answer: no names beside the pulse, only totals.
    assert "Sam Lee" not in desk.locator("#chart-pulse").inner_text()
    screenshot(desk, "health-pulse-after")
