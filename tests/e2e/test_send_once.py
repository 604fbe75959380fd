"""In a real browser: a busy attending who isn't sure a session saved goes Back and
sends it again, and still has one meeting; a form fixed after a mistake leaves a
history that Back walks through without "Confirm form resubmission"."""

import re

import pytest

from mentorship.meetings.models import Meeting
from mentorship.pairings.models import MentorshipRequest
from tests.e2e.test_log_session import errors_of, paired
from tests.e2e.test_pairing_flow import fits_the_phone, log_in

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "Curious about pediatric fellowships, and whether research fits."


def test_back_then_send_again_logs_one_session_and_says_so(live_server, phone, screenshot):
    pairing = paired()
    page = phone
    errors = errors_of(page)
    log_in(page, live_server.url, "chen@stanford.edu", f"/pairings/{pairing.pk}/log/")
    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/log/$"))
    page.get_by_label("How long, in minutes").fill("40")
    page.get_by_label("What did you learn about them today?").fill(NOTE)
    page.get_by_role("button", name="Log this session").click()
    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/$"))
    assert page.get_by_text("Logged. Thank you for showing up for each other.").is_visible()

    page.go_back()
    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/log/$"))
    # The browser refills what was typed; sending it again makes nothing twice.
    assert page.get_by_label("What did you learn about them today?").input_value() == NOTE
    page.get_by_role("button", name="Log this session").click()

    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    assert page.get_by_text(
        "You logged this session already, so nothing was saved twice."
    ).is_visible()
    screenshot(page, "once-01-replayed-log")
    assert fits_the_phone(page)
    assert Meeting.objects.filter(pairing=pairing).count() == 1
    assert errors == []


def test_back_after_a_fixed_mistake_shows_the_app_not_a_resubmission_page(
    live_server, phone, screenshot
):
    pairing = paired()
    page = phone
    errors = errors_of(page)
    log_in(page, live_server.url, "chen@stanford.edu", f"/pairings/{pairing.pk}/log/")
    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/log/$"))
    page.get_by_label("How long, in minutes").fill("")
    page.get_by_label("What did you learn about them today?").fill(NOTE)
    page.get_by_role("button", name="Log this session").click()
    assert page.get_by_text("Say roughly how long you met, in minutes.").is_visible()
    assert page.get_by_label("What did you learn about them today?").input_value() == NOTE
    page.get_by_label("How long, in minutes").fill("30")
    page.get_by_role("button", name="Log this session").click()
    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/$"))

    back = page.go_back()

    assert back is not None and back.ok, "Back asked to resend the form"
    assert back.request.method == "GET"
    assert page.get_by_role("heading", name="Log your session with Sam Whitfield").is_visible()
    screenshot(page, "once-02-back-after-fixed-form")
    # Sending the restored form again still logs nothing twice.
    page.get_by_role("button", name="Log this session").click()
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    assert Meeting.objects.filter(pairing=pairing).count() == 1
    assert errors == []


def test_a_request_sent_twice_after_back_is_one_request(live_server, phone):
    pairing = paired()
    mentor = pairing.mentor
    pairing.delete()
    page = phone
    log_in(page, live_server.url, "sam@stanford.edu", f"/mentors/{mentor.pk}/ask/")
    page.wait_for_url(re.compile(r"/ask/$"))
    page.get_by_label("What drew you to this mentor?").fill("Your talk on airways.")
    page.get_by_role("button", name=re.compile("Send my request")).click()
    page.wait_for_url(re.compile(r"/requests/\d+/$"))

    page.go_back()
    page.wait_for_url(re.compile(r"/ask/$"))

    # Back finds the request already sent: no form to send twice, and the way to it.
    assert page.get_by_text("You have already asked Dr Dana Chen").is_visible()
    assert page.get_by_role("button", name=re.compile("Send my request")).count() == 0
    page.get_by_role("link", name="See your request").click()
    page.wait_for_url(re.compile(r"/requests/\d+/$"))
    assert MentorshipRequest.objects.count() == 1
