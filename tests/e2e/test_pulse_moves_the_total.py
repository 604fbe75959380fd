"""Issue 13's walk in a real browser: Sam answers his pulse on a phone, in well
under a minute and a handful of taps; the director's health page then shows the
year's mean pulse moved (this month's answers join it together, once no one of
the month can still answer), and the pulse chart (an SVG image) and the table
beside it give the same numbers, before and after."""

import re
import time
from datetime import timedelta

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
    """Five CA-1s with faculty mentors. Last month four of them answered their pulse
    4, 4, 5 and 3; this month all five were asked again, and four have answered the
    same, Sam not yet. (The program's year starts four months back, so both months
    are in it whatever day this runs.)"""
    ensure_built_in()
    director = make_director("okafor@example.com", name="Dr Maya Okafor")
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    today = timezone.localdate()
    program.year_starts_month, program.year_starts_day = (today - timedelta(days=100)).month, 1
    program.save(update_fields=["year_starts_month", "year_starts_day"])
    last_month = today.replace(day=1) - timedelta(days=1)
    this_month = []
    for n, name in enumerate(["Sam Lee", "Tia Moss", "Uma Ray", "Vic Orr", "Wes Poe"]):
        mentor = make_mentor_profile(
            make_mentor(f"mentor{n}@example.com", name=f"Dr Mentor {n}"), programs=[program]
        )
        mentee = make_mentee_profile(
            make_mentee(f"r{n}@example.com", name=name), program=program, training_level="ca1"
        )
        make_appointment(mentee.user, program=program, level="ca1")
        pairing = make_pairing(mentor, mentee, kind=Pairing.Kind.FACULTY)
        if n:
            earlier = make_checkin(
                mentee.user, program=program, pairing=pairing, period="pulse-30",
                days_ago=(today - last_month).days,
            )  # fmt: skip
            answered(earlier, useful=RATINGS[n - 1], met=1)
        this_month.append(make_checkin(mentee.user, program=program, pairing=pairing, days_ago=0))
    for checkin, rating in zip(this_month[1:], RATINGS, strict=True):
        answered(checkin, useful=rating, met=1)
    return director, this_month[0], last_month


RATINGS = (4, 4, 5, 3)


def pulse_figures(page, month):
    """(the headline's mean, a month's row of the table, the chart's value labels)."""
    headline = page.locator("#figure-pulse strong").inner_text()
    row = page.locator("#table-pulse tr", has=page.locator("th", has_text=f"{month:%B %Y}"))
    cells = row.locator("td").all_inner_texts()
    src = page.locator("#chart-pulse img").get_attribute("src")
    svg = page.request.get(page.url.split("/director/")[0] + src).text()
    # pygal writes each value twice (the value and its shadow).
    labels = set(re.findall(r'class="value[^"]*"[^>]*>([0-9.]+)<', svg))
    return headline, cells, labels


def test_a_pulse_answered_on_a_phone_moves_the_directors_total(browser, live_server, screenshot):
    director, sam, last_month = pulse_world()
    this_month = timezone.localdate()
    desk = open_as(browser, live_server, director)
    desk.set_viewport_size(DESK)
    # The page's six chart images would be fetched at once, and the test server
    # shares one SQLite connection between its threads: the chart this test reads
    # is fetched on its own below (pulse_figures), the others not at all.
    desk.route("**/director/health/charts/*", lambda route: route.abort())
    desk.goto(f"{live_server.url}/director/health/")
    # Last month's four answers add up; this month's wait while Sam may still answer,
    # so no total ever moves by one person's answer. The chart says what the table says.
    headline, last, labels = pulse_figures(desk, last_month)
    assert headline == "4.0" and last[:3] == ["4", "4", "4.0"] and labels == {"4.0"}
    _, now, _ = pulse_figures(desk, this_month)
    assert now[2] == "" and "wait" in now[3]
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

    # Everyone of this month has answered: its five answers join the total together.
    desk.reload()
    headline, last, labels = pulse_figures(desk, last_month)
    _, now, _ = pulse_figures(desk, this_month)
    assert headline == "4.1"  # (16 + 21) / 9
    assert last[:3] == ["4", "4", "4.0"] and now[:3] == ["5", "5", "4.2"]
    assert labels == {"4.0", "4.2"}
    assert "Sam Lee" not in desk.locator("#chart-pulse").inner_text()
    screenshot(desk, "health-pulse-after")
