"""On a phone: the directory puts the mentors you share most with first, keeps its
filters folded behind one line, and "Back to the directory" returns to the same list."""

import importlib
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps

from tests.e2e.test_pairing_flow import fits_the_phone, log_in, too_small_to_tap
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)

pytestmark = pytest.mark.django_db(transaction=True)

REGIONAL = "Regional anesthesia and acute pain"


@pytest.fixture(autouse=True)
def taxonomy():
    """Transactional tests empty every table afterwards, the migration's taxonomy too."""
    migration = importlib.import_module("mentorship.programs.migrations.0002_starting_taxonomy")
    migration.add_interests(apps, None)


@pytest.fixture
def directory(taxonomy):
    program = make_program("Stanford Anesthesiology")
    make_mentee_profile(
        make_mentee("sam@stanford.edu", name="Sam Whitfield"),
        program=program,
        interests=[REGIONAL, "Wellness", "Parenting"],
    )

    def mentor(email, name, division, interests, capacity, how_i_help):
        make_mentor_profile(
            make_mentor(email, name=name),
            programs=[program],
            title="Associate Professor",
            division=division,
            interests=interests,
            capacity=capacity,
            how_i_help=how_i_help,
        )

    # Alphabetical order would put Dr Ana Abbott first; she shares nothing with Sam.
    mentor(
        "abbott@stanford.edu",
        "Dr Ana Abbott",
        "Cardiac Anesthesia",
        ["Cardiac anesthesia"],
        5,
        "Career maps and grant drafts.",
    )
    mentor(
        "park@stanford.edu",
        "Dr Lee Park",
        "Regional",
        [REGIONAL, "Wellness", "Point-of-care ultrasound"],
        2,
        "Blocks, ultrasound, and a walk after a hard call.",
    )
    mentor(
        "evans@stanford.edu",
        "Dr Eve Evans",
        "Obstetric Anesthesia",
        ["Obstetric anesthesia", "Wellness"],
        4,
        "A listening ear, and the habits that kept me well.",
    )
    mentor(
        "dunn@stanford.edu",
        "Dr Dee Dunn",
        "Critical Care",
        ["Critical care", "Wellness"],
        0,
        "Nights in the ICU, and how to sleep after them.",
    )
    mentor(
        "chen@stanford.edu",
        "Dr Dana Chen",
        "Pediatric Anesthesia",
        ["Pediatric anesthesia", "Parenting"],
        1,
        "Parenting in residency, and pediatric airways.",
    )


def on_one_line_and_whole(summary) -> bool:
    """The summary is a single line of text (no taller than a tap target), and
    that line is not cut short."""
    text = summary.locator(".filter-panel__summary")
    line_height = text.evaluate("t => parseFloat(getComputedStyle(t).lineHeight)")
    return (
        text.bounding_box()["height"] < 1.5 * line_height
        and summary.bounding_box()["height"] <= 48
        and text.evaluate("t => t.scrollWidth <= t.clientWidth")
    )


def test_a_resident_sees_who_shares_most_first_filters_and_finds_the_way_back(
    live_server, phone, screenshot, directory
):
    page = phone
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    log_in(page, live_server.url, "sam@stanford.edu", "/mentors/")
    page.wait_for_url(re.compile(r"/mentors/$"))
    cards = page.locator(".mentor-card")

    # Most shared first (Park: two), then open places among equals (Evans 4,
    # Dunn 0), Chen sharing one; Abbott shares nothing.
    assert page.locator(".mentor-card h2").all_inner_texts() == [
        "Dr Lee Park",
        "Dr Eve Evans",
        "Dr Dana Chen",
        "Dr Dee Dunn",
        "Dr Ana Abbott",
    ]
    assert cards.first.get_by_text(f"You share: {REGIONAL}, Wellness").is_visible()
    assert cards.nth(2).get_by_text("You share: Parenting").is_visible()
    assert cards.last.locator(".mentor-card__shared").count() == 0

    # The filters are folded behind a single line, and the first card starts on
    # the first screen, under the search box and that line.
    panel = page.locator("details.filter-panel")
    summary = panel.locator("summary")
    assert panel.get_attribute("open") is None
    assert summary.inner_text().strip().endswith("Filter by interest, stage and more")
    assert on_one_line_and_whole(summary)
    assert page.get_by_label("Search names and profiles").is_visible()
    assert cards.first.bounding_box()["y"] < 740
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    screenshot(page, "directory-order-01-shared-first")

    summary.click()
    page.get_by_label("Wellness", exact=True).check()
    page.get_by_label("Only mentors with open places").check()
    screenshot(page, "directory-order-02-filters-open")
    page.get_by_role("button", name="Show mentors").last.click()

    page.wait_for_url(re.compile(r"interests=.*open_only=on"))
    filtered_url = page.url
    assert page.locator(".mentor-card h2").all_inner_texts() == ["Dr Lee Park", "Dr Eve Evans"]
    assert panel.get_attribute("open") is None
    assert summary.inner_text().strip().endswith("Filters: 1 interest, open places only")
    assert on_one_line_and_whole(summary)
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    screenshot(page, "directory-order-03-filtered")

    page.get_by_role("link", name="Dr Eve Evans").click()

    page.wait_for_url(re.compile(r"/mentors/\d+/\?back="))
    assert page.get_by_role("heading", name="Dr Eve Evans", level=1).is_visible()
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    screenshot(page, "directory-order-04-profile")
    page.get_by_role("link", name="Back to the directory").first.click()

    page.wait_for_url(re.compile(r"/mentors/\?"))
    # The same filters; the empty fields the form sent are left out.
    assert parse_qs(urlsplit(page.url).query) == parse_qs(urlsplit(filtered_url).query)
    assert page.locator(".mentor-card h2").all_inner_texts() == ["Dr Lee Park", "Dr Eve Evans"]
    assert summary.inner_text().strip().endswith("Filters: 1 interest, open places only")
    summary.click()
    assert page.get_by_label("Wellness", exact=True).is_checked()
    assert page.get_by_label("Only mentors with open places").is_checked()
    screenshot(page, "directory-order-05-back")

    # On a desktop the panel folds the same way and its summary reads in full.
    page.set_viewport_size({"width": 1280, "height": 800})
    summary.click()
    assert panel.get_attribute("open") is None
    assert on_one_line_and_whole(summary)
    screenshot(page, "directory-order-06-desktop")
    assert errors == []
