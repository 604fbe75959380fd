"""In a real browser: a director brings in the incoming class from a file at the
desk, and an invited intern follows the e-mail's link on a phone, chooses a
password and lands on their profile."""

import re

import pytest
from django.core import mail

from mentorship.invitations.models import Invitation
from mentorship.programs.models import Interest
from tests.e2e.test_admin_desk import _signed_in
from tests.factories import make_director, make_program

pytestmark = pytest.mark.django_db(transaction=True)
# Waits for a page to show what it should (the conftest skips without Playwright).
expect = pytest.importorskip("playwright.sync_api").expect

CLASS = """Name,Email,Level,Start date,Interests
Priya Nair,priya.nair@example.com,PGY-1,2027-07-01,Regional anesthesia and acute pain
Tom Berg,tom.berg@example.com,PGY-1,2027-07-01,
Lena Ortiz,lena.ortiz@example.com,CA-7,2027-07-01,
"""


def test_a_director_brings_in_a_class_and_an_intern_joins_from_the_email_on_a_phone(
    browser, live_server, phone, screenshot, tmp_path
):
    # Earlier browser tests empty the tables, the migrated taxonomy with them.
    Interest.objects.get_or_create(
        name="Regional anesthesia and acute pain", defaults={"category": "clinical"}
    )
    director = make_director("okafor@example.com", name="Dr Maya Okafor")
    make_program("Stanford Anesthesiology Residency", directors=[director])
    upload = tmp_path / "incoming.csv"
    upload.write_text(CLASS)
    _, desk = _signed_in(browser, live_server, director)

    desk.goto(live_server.url + "/admin/invitations/invitation/")
    desk.get_by_role("link", name="Bring in a class").click()
    desk.wait_for_url(re.compile(r"/import/$"))
    expect(desk.get_by_role("heading", name="Bring in a class")).to_be_visible()
    desk.get_by_label("Spreadsheet or CSV file").set_input_files(str(upload))
    desk.get_by_label("Its format").select_option(label="csv")
    screenshot(desk, "class-01-upload")
    desk.get_by_role("button", name="Submit").click()

    # The bad row is named with why; nothing is saved.
    expect(desk.get_by_role("heading", name="Some rows need fixing")).to_be_visible(timeout=15_000)
    expect(desk.get_by_text("“CA-7” isn't a level we know")).to_be_visible()
    screenshot(desk, "class-02-problems")
    # Nothing to confirm while a row needs fixing (tests/invitations checks the database).
    expect(desk.get_by_role("button", name="Confirm and send the invitations")).to_have_count(0)

    # Leave that row out and invite the others: the upload page afresh.
    desk.goto(live_server.url + "/admin/invitations/invitation/import/")
    desk.get_by_label("Spreadsheet or CSV file").set_input_files(str(upload))
    desk.get_by_label("Its format").select_option(label="csv")
    desk.get_by_label("Leave out the rows with problems").check()
    expect(desk.get_by_label("Leave out the rows with problems")).to_be_checked()
    desk.get_by_role("button", name="Submit").click()
    expect(desk.get_by_text("2 to invite, 1 left out")).to_be_visible(timeout=15_000)
    screenshot(desk, "class-03-preview")
    desk.get_by_role("button", name="Confirm and send the invitations").click()
    desk.wait_for_url(re.compile(r"/admin/invitations/invitation/$"))
    expect(desk.get_by_text("Invited 2 people")).to_be_visible()
    screenshot(desk, "class-04-invited")

    message = next(m for m in mail.outbox if m.to == ["priya.nair@example.com"])
    assert "what are you curious about?" in message.subject
    link = re.search(r"https?://\S+/join/\d+/\w+/", message.body)[0]

    page = phone
    page.goto(link)
    expect(
        page.get_by_role("heading", name="Welcome to Stanford Anesthesiology Residency")
    ).to_be_visible()
    screenshot(page, "class-05-join-phone")
    page.get_by_label("Choose a password").fill("a quiet walk in July")
    page.get_by_label("The same password again").fill("a quiet walk in July")
    page.get_by_role("button", name="Join the program").click()

    page.wait_for_url(re.compile(r"/mentees/profile/$"))
    expect(
        page.get_by_text("You join Stanford Anesthesiology Residency as PGY-1 (intern)")
    ).to_be_visible()
    page.get_by_label("What are you curious about right now?").fill(
        "Regional blocks, and how people stay kind on nights."
    )
    screenshot(page, "class-06-profile-phone")
    page.get_by_role("button", name="Save my profile").click()
    page.wait_for_url(live_server.url + "/")
    expect(page.get_by_role("heading", name="Hello, Priya")).to_be_visible()
    assert Invitation.objects.get(email="priya.nair@example.com").state() == "joined"
    no_sideways = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_sideways
