"""In a real browser, on a phone: a 20,000-character paste is kept whole, a live
count says how far over the limit it is, and the server's kind message is what
the person sees when they send it anyway."""

import re

import pytest

from tests.e2e.test_log_session import errors_of, paired
from tests.e2e.test_pairing_flow import fits_the_phone, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PASTE = ("A long pasted note from another app. " * 541)[:20_000]


def test_a_long_paste_is_kept_whole_and_counted_then_refused_kindly(live_server, phone, screenshot):
    pairing = paired()
    page = phone
    errors = errors_of(page)
    log_in(page, live_server.url, "chen@stanford.edu", f"/pairings/{pairing.pk}/log/")
    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/log/$"))
    note = page.get_by_label("What did you learn about them today?")
    count = page.locator(".field__count").first

    assert not count.is_visible()  # nothing to count yet
    note.fill("x" * 3300)
    assert count.inner_text() == "3,300 of 4,000 characters"
    note.fill(PASTE)

    assert len(note.input_value()) == len(PASTE) == 20_000  # nothing cut by the browser
    assert count.inner_text() == (
        "20,000 of 4,000 characters: 16,000 over. Trim a little before you save; "
        "nothing has been cut."
    )
    screenshot(page, "paste-01-counted")
    assert fits_the_phone(page)
    page.get_by_role("button", name="Log this session").click()

    assert page.get_by_text(
        "Please keep this under 4000 characters; it has 20000 now. "
        "Everything you wrote is still here to trim."
    ).is_visible()
    note = page.get_by_label("What did you learn about them today?")
    assert note.input_value() == PASTE
    screenshot(page, "paste-02-refused-kindly")
    assert fits_the_phone(page)

    note.fill(PASTE[:3900])
    assert count.inner_text() == "3,900 of 4,000 characters"
    page.get_by_role("button", name="Log this session").click()
    page.wait_for_url(re.compile(rf"/pairings/{pairing.pk}/$"))
    assert page.get_by_text("Logged. Thank you for showing up for each other.").is_visible()
    assert errors == []
