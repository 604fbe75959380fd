"""The whole loop in the browser: ask, be referred, ask again, accept, pause,
end with reflections, and the other side reflects too."""

import re

import pytest

from mentorship.pairings.models import Pairing
from tests.e2e.test_pairing_flow import PHONE, fits_the_phone, log_in
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_ask_refer_ask_again_accept_pause_and_end_with_reflections(
    live_server, browser, screenshot
):
    program = make_program("Stanford Anesthesiology")
    make_mentee_profile(make_mentee("ana@stanford.edu", name="Ana Kowalski"), program=program)
    luis = make_mentor_profile(
        make_mentor("luis@stanford.edu", name="Dr Luis Herrera"), programs=[program]
    )
    priya = make_mentor_profile(
        make_mentor("priya@stanford.edu", name="Dr Priya Raman"), programs=[program]
    )
    base = live_server.url
    ana = browser.new_context(**PHONE).new_page()
    luis_page = browser.new_context(**PHONE).new_page()
    priya_page = browser.new_context(**PHONE).new_page()

    # Ana asks Dr Herrera.
    log_in(ana, base, "ana@stanford.edu", f"/mentors/{luis.pk}/ask/")
    ana.get_by_label("What drew you to this mentor?").fill("Your research on cardiac outcomes.")
    ana.get_by_role("button", name="Send my request to Dr Luis Herrera").click()
    ana.wait_for_url(re.compile(r"/requests/\d+/$"))

    # He declines kindly and suggests Dr Raman.
    log_in(luis_page, base, "luis@stanford.edu", "/inbox/")
    luis_page.get_by_role("link", name="Answer Ana").click()
    luis_page.get_by_label("A kind word for them").fill("I'm full this year, and she is better.")
    luis_page.get_by_label("Suggest a colleague").select_option(str(priya.pk))
    luis_page.get_by_label("Who might be a better fit, and why?").fill("She runs the project.")
    luis_page.get_by_role("button", name="Decline, with my note").click()
    screenshot(luis_page, "loop-01-declined-with-referral")

    # Ana sees the suggestion and asks Dr Raman in one click.
    ana.reload()
    assert ana.get_by_text("She runs the project.").is_visible()
    ana.get_by_role("link", name="Ask Dr Priya Raman to mentor you").click()
    ana.get_by_label("What drew you to this mentor?").fill("Dr Herrera suggested you.")
    screenshot(ana, "loop-02-ask-again")
    ana.get_by_role("button", name="Send my request to Dr Priya Raman").click()
    ana.wait_for_url(re.compile(r"/requests/\d+/$"))

    # Dr Raman says yes.
    log_in(priya_page, base, "priya@stanford.edu", "/inbox/")
    priya_page.get_by_role("link", name="Answer Ana").click()
    priya_page.get_by_role("button", name="Say yes to mentoring Ana").click()
    priya_page.wait_for_url(re.compile(r"/pairings/\d+/$"))
    pairing = Pairing.objects.get(mentor=priya)
    assert pairing.status == Pairing.Status.ACTIVE

    # Ana pauses for a hard rotation, then ends it with a reflection.
    ana.goto(f"{base}/pairings/{pairing.pk}/")
    ana.get_by_role("button", name="Pause this pairing").click()
    assert ana.get_by_text("Paused").first.is_visible()
    ana.get_by_role("link", name="End this pairing").click()
    ana.get_by_label("What did you learn from each other?").fill("That small steps add up.")
    ana.get_by_label("What will you carry forward?").fill("Ask early.")
    screenshot(ana, "loop-03-end-with-reflection")
    ana.get_by_role("button", name="End the pairing").click()
    ana.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/$"))

    # Dr Raman adds hers; both reflections are on the page for the two of them.
    priya_page.goto(f"{base}/pairings/{pairing.pk}/")
    priya_page.get_by_role("link", name="Add your reflection").click()
    priya_page.get_by_label("What did you learn from each other?").fill("Her questions taught me.")
    priya_page.get_by_role("button", name="Save my reflection").click()
    priya_page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/$"))
    assert priya_page.get_by_text("That small steps add up.").is_visible()
    assert priya_page.get_by_text("Her questions taught me.").is_visible()
    screenshot(priya_page, "loop-04-both-reflections")
    assert fits_the_phone(priya_page)

    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ENDED
    assert pairing.mentee_learned == "That small steps add up."
    assert pairing.mentor_learned == "Her questions taught me."
