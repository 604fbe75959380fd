"""Every account page on a 360 px phone, signed in: e-mail, password, two-step verification
(set up, recovery codes, turned off again) and where you're logged in. axe-core checks each
page as it loads (conftest.py); a serious or critical finding fails the test."""

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from tests.e2e.test_pairing_flow import fits_the_phone, log_in, too_small_to_tap
from tests.factories import PASSWORD, make_mentee

pytestmark = pytest.mark.django_db(transaction=True)

SESSIONS = "Browsers and devices where you're logged in"


def code_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def heading(page, name: str):
    return page.get_by_role("heading", name=name, level=1)


def test_a_resident_goes_through_every_account_page_on_a_phone(
    live_server, browser, phone, screenshot
):
    make_mentee("sam@stanford.edu", name="Sam Whitfield")
    base = live_server.url
    # Sam is also logged in at a desk, so there are two places to list.
    desk = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in(desk, base, "sam@stanford.edu")
    desk.wait_for_url(base + "/")
    page = phone

    log_in(page, base, "sam@stanford.edu", "/accounts/email/")
    page.wait_for_url(base + "/accounts/email/")
    assert heading(page, "Your e-mail address").is_visible()
    assert page.get_by_label("The address you use now").input_value() == "sam@stanford.edu"
    screenshot(page, "account-01-email")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []

    # A new address asks for the password first, then waits for its link.
    page.get_by_label("A new address").fill("sam.whitfield@stanford.edu")
    page.get_by_role("button", name="Change my address").click()
    page.wait_for_url(re.compile(r"/accounts/reauthenticate/"))
    assert heading(page, "First, confirm it's you").is_visible()
    screenshot(page, "account-02-reauthenticate")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(base + "/accounts/email/")
    assert page.get_by_label("Changing to").input_value() == "sam.whitfield@stanford.edu"
    assert page.get_by_role("button", name="Send the link again").is_visible()
    screenshot(page, "account-03-email-pending")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    # Sam thinks better of it (and two-step verification wants a confirmed address).
    page.get_by_role("button", name="Keep my current address").click()
    page.wait_for_url(base + "/accounts/email/")
    assert not page.get_by_label("Changing to").is_visible()

    page.get_by_role("link", name="Password", exact=True).click()
    page.wait_for_url(base + "/accounts/password/change/")
    assert heading(page, "Change your password").is_visible()
    assert page.get_by_label("Your current password").is_visible()
    screenshot(page, "account-04-password")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []

    # Two-step verification: on, recovery codes, off again.
    page.get_by_role("link", name="Two-step verification").click()
    page.wait_for_url(base + "/accounts/2fa/")
    assert heading(page, "Two-step verification").is_visible()
    screenshot(page, "account-05-two-step")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    page.get_by_role("link", name="Set up an authenticator app").click()
    page.wait_for_url(base + "/accounts/2fa/totp/activate/")
    assert heading(page, "Set up your authenticator app").is_visible()
    assert page.get_by_role("img", name="QR code for your authenticator app").is_visible()
    secret = page.get_by_label("Or type this key into the app").input_value()
    page.get_by_label("The six digits your app shows").fill(code_now(secret))
    screenshot(page, "account-06-authenticator")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    page.get_by_role("button", name="Turn on two-step verification").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/recovery-codes/"))
    assert heading(page, "Your recovery codes").is_visible()
    assert len(page.get_by_label("Codes you haven't used").input_value().split()) == 10
    screenshot(page, "account-07-recovery-codes")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    page.get_by_role("link", name="Make new codes").click()
    page.wait_for_url(base + "/accounts/2fa/recovery-codes/generate/")
    assert heading(page, "Make new recovery codes?").is_visible()
    page.get_by_role("link", name="Not now").click()
    page.wait_for_url(base + "/accounts/2fa/")
    assert page.get_by_text("It's on").is_visible()
    page.get_by_role("link", name="Turn off the authenticator app").click()
    page.wait_for_url(base + "/accounts/2fa/totp/deactivate/")
    assert heading(page, "Turn off the authenticator app?").is_visible()
    screenshot(page, "account-08-turn-off")
    page.get_by_role("button", name="Turn it off").click()
    page.wait_for_url(base + "/accounts/2fa/")
    assert page.get_by_text("The authenticator app is off.").is_visible()

    # Where Sam is logged in: a table that scrolls sideways, reached with the keyboard.
    page.get_by_role("link", name="Where you're logged in").click()
    page.wait_for_url(base + "/accounts/sessions/")
    assert heading(page, "Where you're logged in").is_visible()
    region = page.get_by_role("region", name=SESSIONS)
    assert region.get_by_role("row").count() == 3  # the header and two places
    assert region.get_by_text("This browser", exact=True).is_visible()
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    screenshot(page, "account-09-sessions")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    page.get_by_role("button", name="Log out everywhere else").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == SESSIONS
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())

    page.get_by_role("button", name="Log out everywhere else").click()
    page.wait_for_url(base + "/accounts/sessions/")
    assert page.get_by_text("You're logged out everywhere else.").is_visible()
    assert region.get_by_role("row").count() == 2
    desk.reload()
    assert (
        desk.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").is_visible()
    )

    page.goto(base + "/accounts/logout/")
    assert heading(page, "Log out of the program?").is_visible()
    screenshot(page, "account-10-log-out")
    page.get_by_role("button", name="Log out").last.click()
    page.wait_for_url(re.compile(r"/accounts/login/"))
    assert page.get_by_text("You're logged out.").is_visible()
