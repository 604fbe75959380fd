import re

import pytest
from django.core import mail

from accounts.models import User
from tests.factories import make_program

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_resident_signs_up_verifies_onboards_and_lands_on_the_dashboard(
    live_server, phone, screenshot, settings
):
    settings.SIGNUP_ALLOWED_DOMAINS = ["stanford.edu"]
    make_program("Stanford Anesthesiology")
    page = phone
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(live_server.url + "/")
    screenshot(page, "01-welcome")
    page.get_by_role("link", name="Create your account").click()

    page.get_by_label("Your name").fill("Ana Kowalski")
    page.get_by_label("Email").fill("ana@stanford.edu")
    page.get_by_label("Password", exact=True).fill("curiosity-and-generosity")
    page.get_by_label("Password (again)").fill("curiosity-and-generosity")
    screenshot(page, "02-signup")
    page.get_by_role("button", name="Create my account").click()

    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    screenshot(page, "03-verification-sent")
    assert [m.to for m in mail.outbox] == [["ana@stanford.edu"]]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)[0]

    page.goto(link)
    screenshot(page, "04-confirm")
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_url(re.compile(r"/welcome/$"))
    assert page.get_by_role("heading", name="Welcome, Ana").is_visible()
    page.get_by_label("I'd like a mentor").check()
    screenshot(page, "05-onboarding")
    page.get_by_role("button", name="Take me to my home page").click()

    # Next, the profile: what she is curious about is how mentors find her.
    page.wait_for_url(re.compile(r"/mentees/profile/$"))
    assert page.get_by_role("heading", name="Write your profile").is_visible()
    page.get_by_label("Your program").select_option(label="Stanford Anesthesiology")
    page.get_by_label("Training level").select_option(label="CA-1")
    page.get_by_label("Year you started this level").fill("2026")
    page.get_by_label("What are you curious about right now?").fill(
        "Pediatric airways, and how people stay calm when things go wrong."
    )
    screenshot(page, "06-profile")
    page.get_by_role("button", name="Save my profile").click()

    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("heading", name="Hello, Ana").is_visible()
    assert page.get_by_role("link", name="Find a mentor").is_visible()
    screenshot(page, "07-dashboard")
    # Nothing on the phone is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert errors == []
    user = User.objects.get(email="ana@stanford.edu")
    assert user.is_mentee and not user.is_mentor
    assert user.mentee_profile.curious_about.startswith("Pediatric airways")


def test_a_sign_up_from_another_domain_is_refused_in_the_browser(live_server, phone, settings):
    settings.SIGNUP_ALLOWED_DOMAINS = ["stanford.edu"]
    page = phone
    page.goto(live_server.url + "/accounts/signup/")

    page.get_by_label("Your name").fill("Ana Kowalski")
    page.get_by_label("Email").fill("ana@gmail.com")
    page.get_by_label("Password", exact=True).fill("curiosity-and-generosity")
    page.get_by_label("Password (again)").fill("curiosity-and-generosity")
    page.get_by_role("button", name="Create my account").click()

    assert page.get_by_text("open to addresses ending in @stanford.edu").first.is_visible()
    assert page.get_by_label("Your name").input_value() == "Ana Kowalski"
    assert page.get_by_label("Email").input_value() == "ana@gmail.com"
    assert not User.objects.exists()
