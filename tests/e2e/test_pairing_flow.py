import re

import pytest

from tests.factories import (
    PASSWORD,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 1}


def log_in(page, base_url: str, email: str, next_path: str = "/") -> None:
    page.goto(f"{base_url}/accounts/login/?next={next_path}")
    page.get_by_label("Work e-mail").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


# The stylesheet's --tap: the least height (and, for a button, width) of anything tapped.
TAP = 44
# What the stylesheet sizes to --tap: buttons, fields, the site's and the account's menus,
# the filter panel's summary, a to-do's link. A link inside a sentence (and the
# `.link-button` that looks like one) is sized by its line, and is left out.
TAPPED = (
    ".button, button, input[type=submit], select, textarea, summary, .site-name, .site-nav a,"
    " .account-nav a, .todo-list a,"
    " input:not([type=checkbox]):not([type=radio]):not([type=hidden])"
)
MEASURE = """([selector, tap]) => [...document.querySelectorAll(selector)]
  .filter((e) => !e.matches(".link-button") && e.getClientRects().length > 0)
  .map((e) => {
    const box = e.getBoundingClientRect();
    const button = e.matches(".button, button, input[type=submit]");
    return {what: e.outerHTML.slice(0, 80), width: box.width, height: box.height, button};
  })
  .filter((b) => b.height < tap || (b.button && b.width < tap))
  .map((b) => `${Math.round(b.width)}x${Math.round(b.height)} ${b.what}`)"""


def too_small_to_tap(page) -> list[str]:
    """Every control on the page (as laid out now) smaller than a tap target, measured."""
    return page.evaluate(MEASURE, [TAPPED, TAP])


def test_the_tap_check_measures_real_controls_and_reports_one_too_small(live_server, phone):
    phone.goto(live_server.url + "/accounts/login/")
    log_in_button = phone.get_by_role("button", name="Log in")
    assert phone.locator(TAPPED).count() >= 3  # the e-mail, the password, "Log in"
    assert too_small_to_tap(phone) == []

    log_in_button.evaluate("b => { b.style.minHeight = '0'; b.style.height = '30px'; }")

    (small,) = too_small_to_tap(phone)
    assert small.split(" ", 1)[0].endswith("x30")
    assert "<button" in small


def test_a_resident_asks_a_mentor_who_says_yes_and_both_see_the_pairing(
    live_server, browser, phone, screenshot
):
    program = make_program("Stanford Anesthesiology")
    make_mentee_profile(
        make_mentee("sam@stanford.edu", name="Sam Whitfield"),
        program=program,
        training_level="ca1",
        curious_about="How to stay calm in a pediatric airway emergency.",
    )
    chen = make_mentor_profile(
        make_mentor("chen@stanford.edu", name="Dr Dana Chen"),
        programs=[program],
        capacity=2,
        how_i_help="A listening ear first, then a map of the next step.",
    )
    errors = []

    # The resident asks, on a phone.
    page = phone
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    log_in(page, live_server.url, "sam@stanford.edu", f"/mentors/{chen.pk}/")
    page.wait_for_url(re.compile(rf"/mentors/{chen.pk}/$"))
    screenshot(page, "pairing-00-profile")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    page.get_by_role("link", name="Ask Dr Dana Chen to mentor you").click()

    page.wait_for_url(re.compile(r"/ask/$"))
    assert page.get_by_text("Asking is a gift: it lets Dr Dana Chen be generous.").is_visible()
    page.get_by_role("button", name="Send my request to Dr Dana Chen").click()
    # Nothing sent without the first answer; the second one stays as typed.
    assert page.get_by_text("Tell them what drew you to them").is_visible()
    page.get_by_label("What would you love to explore together?").fill(
        "Whether pediatric anesthesia is the fellowship for me."
    )
    page.get_by_label("What drew you to this mentor?").fill(
        "Your grand rounds on pediatric airways, and how calm you were."
    )
    screenshot(page, "pairing-01-ask")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    page.get_by_role("button", name="Send my request to Dr Dana Chen").click()

    page.wait_for_url(re.compile(r"/requests/\d+/$"))
    assert page.get_by_text("Your request is with Dr Dana Chen.").is_visible()
    assert page.get_by_text("Waiting for an answer").is_visible()
    assert "chen@stanford.edu" not in page.content()
    screenshot(page, "pairing-02-sent")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []

    # The mentor, in a browser of their own, answers from the inbox.
    context = browser.new_context(**PHONE)
    mentor_page = context.new_page()
    mentor_page.set_default_timeout(10_000)
    mentor_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    log_in(mentor_page, live_server.url, "chen@stanford.edu")
    mentor_page.wait_for_url(re.compile(r"/$"))
    assert mentor_page.get_by_text("1 resident is waiting for your answer.").is_visible()
    screenshot(mentor_page, "pairing-03-mentor-dashboard")
    mentor_page.get_by_role("link", name="Inbox", exact=True).click()

    mentor_page.wait_for_url(re.compile(r"/inbox/$"))
    assert mentor_page.get_by_text("Your grand rounds on pediatric airways").is_visible()
    screenshot(mentor_page, "pairing-03-inbox")
    assert fits_the_phone(mentor_page)
    assert too_small_to_tap(mentor_page) == []
    mentor_page.get_by_role("link", name="Answer Sam").click()

    mentor_page.wait_for_url(re.compile(r"/requests/\d+/answer/$"))
    mentor_page.get_by_label("A word of welcome").fill("Delighted. Coffee after Thursday's list?")
    screenshot(mentor_page, "pairing-04-answer")
    assert fits_the_phone(mentor_page)
    assert too_small_to_tap(mentor_page) == []
    mentor_page.get_by_role("button", name="Say yes to mentoring Sam").click()

    mentor_page.wait_for_url(re.compile(r"/pairings/\d+/$"))
    assert mentor_page.get_by_text("You and Sam Whitfield are paired.").is_visible()
    assert mentor_page.get_by_role("link", name="sam@stanford.edu").is_visible()
    screenshot(mentor_page, "pairing-05-mentor-pairing")
    assert fits_the_phone(mentor_page)
    assert too_small_to_tap(mentor_page) == []
    mentor_page.get_by_role("link", name="Home", exact=True).click()
    mentor_page.wait_for_url(re.compile(r"/$"))
    mentor_card = mentor_page.locator(".pairing-card", has_text="Sam Whitfield")
    assert mentor_card.get_by_text("Active").is_visible()
    context.close()

    # The resident sees the pairing on their dashboard, with the mentor's e-mail.
    page.get_by_role("link", name="Home", exact=True).click()
    page.wait_for_url(re.compile(r"/$"))
    card = page.locator(".pairing-card", has_text="Dr Dana Chen")
    assert card.get_by_text("Active").is_visible()
    screenshot(page, "pairing-06-mentee-dashboard")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    card.get_by_role("link", name="Dr Dana Chen").click()

    page.wait_for_url(re.compile(r"/pairings/\d+/$"))
    assert page.get_by_role("heading", name="Your mentor, Dr Dana Chen").is_visible()
    assert page.get_by_role("link", name="chen@stanford.edu").is_visible()
    assert page.get_by_text("A listening ear first, then a map of the next step.").is_visible()
    screenshot(page, "pairing-07-mentee-pairing")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    assert errors == []
