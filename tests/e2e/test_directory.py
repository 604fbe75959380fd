import importlib
import re

import pytest
from django.apps import apps

from tests.factories import (
    PASSWORD,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def taxonomy():
    """Transactional tests empty every table afterwards, the migration's taxonomy too."""
    migration = importlib.import_module("mentorship.programs.migrations.0002_starting_taxonomy")
    migration.add_interests(apps, None)


def test_a_resident_filters_the_directory_searches_and_reads_a_profile(
    live_server, phone, screenshot
):
    program = make_program("Stanford Anesthesiology")
    make_mentee_profile(make_mentee("sam@stanford.edu", name="Sam Whitfield"), program=program)
    make_mentor_profile(
        make_mentor("chen@stanford.edu", name="Dr Dana Chen"),
        programs=[program],
        title="Associate Professor",
        division="Pediatric Anesthesia",
        capacity=2,
        interests=["Pediatric anesthesia", "Parenting"],
        how_i_help="A listening ear first, then a map of the next step. I like walks "
        "after a hard call more than meetings in an office.",
        wish_told="That asking for help is a strength, and that sourdough is a fine hobby.",
        ask_me_about="Pediatric airways, parenting in residency, and bread.",
        learning_now="Point-of-care ultrasound, slowly.",
        roles=["ccc_member"],
    )
    make_mentor_profile(
        make_mentor("haddad@stanford.edu", name="Dr Noor Haddad"),
        programs=[program],
        title="Professor",
        division="Cardiac Anesthesia",
        interests=["Cardiac anesthesia", "Academic careers"],
        how_i_help="Career maps, grant drafts and honest feedback.",
    )
    make_mentor_profile(
        make_mentor("park@stanford.edu", name="Dr Lee Park"),
        programs=[program],
        title="Assistant Professor",
        division="Regional",
        interests=["Regional anesthesia and acute pain"],
        how_i_help="Blocks, ultrasound, and the occasional sourdough loaf.",
    )
    page = phone
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(live_server.url + "/accounts/login/?next=/mentors/")
    page.get_by_label("Work e-mail").fill("sam@stanford.edu")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url(re.compile(r"/mentors/$"))
    assert page.get_by_role("heading", name="Find a mentor").is_visible()
    assert page.get_by_text("3 mentors").is_visible()
    screenshot(page, "directory-01-all")

    page.get_by_text("Filter by interest, stage and more").click()
    page.get_by_label("Pediatric anesthesia").check()
    page.get_by_label("Cardiac anesthesia").check()
    screenshot(page, "directory-02-filters")
    page.get_by_role("button", name="Show mentors").last.click()

    page.wait_for_url(re.compile(r"interests="))
    cards = page.locator(".mentor-card h2")
    assert cards.all_inner_texts() == ["Dr Dana Chen", "Dr Noor Haddad"]
    assert page.get_by_text("2 mentors match your filters").is_visible()
    screenshot(page, "directory-03-two-interests")

    page.get_by_label("Search names and profiles").fill("sourdough")
    page.get_by_role("button", name="Show mentors").first.click()

    page.wait_for_url(re.compile(r"q=sourdough"))
    assert cards.all_inner_texts() == ["Dr Dana Chen"]
    # The interests stay chosen after the search.
    page.get_by_text("Filters: 2 interests").click()
    assert page.get_by_label("Pediatric anesthesia").is_checked()
    assert page.get_by_label("Cardiac anesthesia").is_checked()
    screenshot(page, "directory-04-search")

    page.get_by_role("link", name="Dr Dana Chen").click()

    page.wait_for_url(re.compile(r"/mentors/\d+/\?back="))
    assert page.get_by_role("heading", name="Dr Dana Chen", level=1).is_visible()
    assert page.get_by_text("Associate Professor · Pediatric Anesthesia").is_visible()
    assert page.get_by_text("2 open places").is_visible()
    assert page.get_by_text("Stanford Anesthesiology").is_visible()
    for question in (
        "How do you like to help?",
        "What do you wish someone had told you in residency?",
        "Ask me about…",
        "What are you learning these days?",
    ):
        assert page.get_by_role("heading", name=question).is_visible()
    assert page.get_by_text("Point-of-care ultrasound, slowly.").is_visible()
    assert page.get_by_text(
        "Dr Dana Chen is also a Clinical Competency Committee member"
    ).is_visible()
    assert "chen@stanford.edu" not in page.content()
    screenshot(page, "directory-05-profile")

    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert errors == []


def test_a_mentor_writes_their_profile_on_a_phone_and_fixes_a_mistake(
    live_server, phone, screenshot
):
    make_program("Stanford Anesthesiology")
    make_mentor("chen@stanford.edu", name="Dr Dana Chen")
    page = phone

    page.goto(live_server.url + "/accounts/login/?next=/mentors/profile/")
    page.get_by_label("Work e-mail").fill("chen@stanford.edu")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url(re.compile(r"/mentors/profile/$"))
    page.get_by_label("Stanford Anesthesiology").check()
    page.get_by_label("Your title").fill("Associate Professor")
    page.get_by_label("How do you like to help?").fill("A listening ear, then a map.")
    page.get_by_label("Most active mentees").fill("21")
    page.get_by_label("Pediatric anesthesia").check()
    page.get_by_role("button", name="Send my profile for approval").click()

    assert page.get_by_text("Choose 20 or fewer.").is_visible()
    assert page.get_by_label("How do you like to help?").input_value() == (
        "A listening ear, then a map."
    )
    screenshot(page, "mentor-profile-01-mistake")
    page.get_by_label("Most active mentees").fill("2")
    page.get_by_role("button", name="Send my profile for approval").click()

    page.wait_for_url(re.compile(r"/mentors/\d+/$"))
    assert page.get_by_text(
        "A director of Stanford Anesthesiology will look at your profile soon"
    ).is_visible()
    assert page.get_by_text("Waiting for a program director's approval").is_visible()
    screenshot(page, "mentor-profile-02-saved")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
