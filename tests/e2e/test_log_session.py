"""In a real browser, on a 360 px phone: a mentor logs a session, the mentee sees
only what was shared, and a half-written note survives an expired session."""

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from mentorship.meetings.models import Commitment, Side
from tests.e2e.test_pairing_flow import PHONE, fits_the_phone, log_in, too_small_to_tap
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
)

pytestmark = pytest.mark.django_db(transaction=True)

PRIVATE = "She is carrying more than she says about the night shifts."
SHARED = "Curious about pediatric fellowships, and whether research fits."
PROMISE = "Introduce Sam to the fellowship director"
DRAFT = "A long note, half written, when the pager went off."


def paired():
    program = make_program("Stanford Anesthesiology")
    chen = make_mentor_profile(
        make_mentor("chen@stanford.edu", name="Dr Dana Chen"), programs=[program]
    )
    sam = make_mentee_profile(
        make_mentee("sam@stanford.edu", name="Sam Whitfield"), program=program
    )
    return make_pairing(chen, sam, started_on=timezone.localdate() - timedelta(days=30))


def errors_of(page) -> list[str]:
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def stored_draft(page, pairing):
    return page.evaluate(f"window.localStorage.getItem('draft:meeting-log-{pairing.pk}')")


def test_a_mentor_logs_a_session_on_a_phone_and_the_mentee_sees_only_what_was_shared(
    live_server, browser, phone, screenshot
):
    pairing = paired()
    last_time = Commitment.objects.create(
        pairing=pairing, owner=Side.MENTEE, what="Ask the chief about the research month"
    )
    page = phone
    errors = errors_of(page)
    log_in(page, live_server.url, "chen@stanford.edu", pairing.get_absolute_url())
    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/$"))
    page.get_by_role("link", name="Log a session").click()

    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/log/$"))
    assert page.get_by_role("heading", name="Log your session with Sam Whitfield").is_visible()
    assert (
        page.get_by_label("When did you meet?").input_value() == f"{timezone.localdate():%Y-%m-%d}"
    )
    last = page.locator(".last-time__item")
    assert last.get_by_text("Sam: Ask the chief about the research month").is_visible()
    last.get_by_text("Done", exact=True).click()
    page.get_by_label("How long, in minutes").fill("40")
    page.get_by_label("Walk or coffee").check()
    page.get_by_label("What did you learn about them today?").fill(f"{PRIVATE} MRN 4417 2209.")
    page.get_by_label("What are they curious about, or carrying?").fill(SHARED)
    share = page.locator(".share-toggle").nth(1)
    assert share.get_by_text("Only you can read this.").is_visible()
    share.get_by_text("Share with Sam").click()
    assert share.get_by_text("Sam will see this too.").is_visible()
    assert not share.get_by_text("Only you can read this.").is_visible()
    first = page.locator(".commitment-row").first
    first.get_by_label("What", exact=True).fill(PROMISE)
    first.get_by_label("By when").fill(f"{timezone.localdate() + timedelta(days=7):%Y-%m-%d}")
    screenshot(page, "log-01-form")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    page.get_by_role("button", name="Log this session").click()

    # A record number slipped in: the form asks before saving anything.
    assert page.get_by_text("Some of what you wrote may identify a patient").is_visible()
    screenshot(page, "log-01b-identifier-check")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []
    # The commitment rows are a formset: the row typed comes back as it was.
    assert page.locator('input[name="commitments-TOTAL_FORMS"]').input_value() == "3"
    assert first.get_by_label("What", exact=True).input_value() == PROMISE
    page.get_by_label("What did you learn about them today?").fill(PRIVATE)
    page.get_by_role("button", name="Log this session").click()

    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/$"))
    assert page.get_by_text("Logged. Thank you for showing up for each other.").is_visible()
    assert page.get_by_text(PRIVATE).is_visible()  # the author reads their own note
    assert Commitment.objects.get(pk=last_time.pk).is_done
    assert Commitment.objects.filter(
        what=PROMISE, owner="mentor", due_on=timezone.localdate() + timedelta(days=7)
    ).exists()
    screenshot(page, "log-02-mentor-pairing")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []

    # Sam, on a phone of their own, reads what was shared, and only that.
    context = browser.new_context(**PHONE)
    mentee_page = context.new_page()
    mentee_page.set_default_timeout(10_000)
    errors += errors_of(mentee_page)
    log_in(mentee_page, live_server.url, "sam@stanford.edu", pairing.get_absolute_url())
    mentee_page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/$"))
    assert mentee_page.get_by_text(SHARED).first.is_visible()
    assert mentee_page.get_by_text(PROMISE).first.is_visible()
    assert PRIVATE not in mentee_page.content()
    screenshot(mentee_page, "log-03-mentee-pairing")
    assert fits_the_phone(mentee_page)
    assert too_small_to_tap(mentee_page) == []
    context.close()
    assert errors == []


def test_a_half_written_note_survives_a_reload_and_an_expired_session(
    live_server, phone, screenshot
):
    pairing = paired()
    page = phone
    errors = errors_of(page)
    log_url = f"{live_server.url}/pairings/{pairing.pk}/log/"
    log_in(page, live_server.url, "sam@stanford.edu", f"/pairings/{pairing.pk}/log/")
    page.wait_for_url(log_url)
    answer = page.get_by_label("What is one thing you are taking away?")
    answer.fill(DRAFT)
    page.locator(".share-toggle").first.get_by_text("Share with Dana").click()
    assert DRAFT in stored_draft(page, pairing)

    # A reload (a crash, a closed tab) brings it back, share box and all.
    page.reload()
    assert page.get_by_text("We restored what you were writing.").is_visible()
    assert answer.input_value() == DRAFT
    assert page.locator(".share-toggle input").first.is_checked()
    screenshot(page, "log-04-restored")
    assert fits_the_phone(page)
    assert too_small_to_tap(page) == []

    # The session expires while the note is finished; saving sends Sam to log in.
    answer.fill(DRAFT + " Finished after lunch.")
    Session.objects.all().delete()
    page.get_by_role("button", name="Log this session").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Work e-mail").fill("sam@stanford.edu")
    page.get_by_label("Password", exact=True).fill("a-long-test-password-42")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(log_url)
    assert answer.input_value() == DRAFT + " Finished after lunch."
    assert page.get_by_text("We restored what you were writing.").is_visible()

    page.get_by_role("button", name="Log this session").click()
    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/$"))
    assert page.get_by_text("Logged. Thank you for showing up for each other.").is_visible()
    assert page.get_by_text(DRAFT + " Finished after lunch.").first.is_visible()
    # Saved: the page after the save already tells the browser to let the draft go.
    page.wait_for_load_state("load")
    assert stored_draft(page, pairing) is None

    # The next log form starts empty.
    page.goto(log_url)
    assert answer.input_value() == ""
    assert not page.get_by_text("We restored what you were writing.").is_visible()
    assert stored_draft(page, pairing) is None
    assert errors == []


def test_logging_out_forgets_every_draft_in_the_browser(live_server, phone):
    pairing = paired()
    page = phone
    log_url = f"{live_server.url}/pairings/{pairing.pk}/log/"
    log_in(page, live_server.url, "sam@stanford.edu", f"/pairings/{pairing.pk}/log/")
    page.wait_for_url(log_url)
    page.get_by_label("What is one thing you are taking away?").fill(DRAFT)
    assert DRAFT in stored_draft(page, pairing)

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))

    assert stored_draft(page, pairing) is None
