"""A pasted link, 300 characters without a space, wraps on a 360 px phone instead of
widening the page: in a profile, a request, a note and a commitment."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mentorship.meetings.models import Commitment, Meeting, Note, Side
from mentorship.pairings.models import MentorshipRequest
from tests.e2e.test_pairing_flow import PHONE, fits_the_phone, log_in
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
)

pytestmark = pytest.mark.django_db(transaction=True)

# 300 characters, no space: a link pasted from a phone's share sheet.
LINK = "https://scholar.example.org/citations?view_op=view_citation&user=" + "x" * 235
assert len(LINK) == 300 and " " not in LINK


def test_a_300_character_link_wraps_everywhere_it_is_shown_on_a_phone(
    live_server, browser, phone, screenshot
):
    program = make_program("Stanford Anesthesiology")
    sam = make_mentee_profile(
        make_mentee("sam@stanford.edu", name="Sam Whitfield"),
        program=program,
        curious_about=f"This paper: {LINK}",
    )
    chen = make_mentor_profile(
        make_mentor("chen@stanford.edu", name="Dr Dana Chen"),
        programs=[program],
        how_i_help=f"Start with {LINK} and we talk after.",
        ask_me_about=LINK,
    )
    park = make_mentor_profile(
        make_mentor("park@stanford.edu", name="Dr Lee Park"), programs=[program]
    )
    request = MentorshipRequest.objects.create(
        mentee=sam, mentor=chen, program=program, drew_you=LINK, explore=f"Maybe {LINK}"
    )
    pairing = make_pairing(park, sam, started_on=timezone.localdate() - timedelta(days=30))
    meeting = Meeting.objects.create(
        pairing=pairing, starts_at=timezone.now() - timedelta(days=2), minutes=30
    )
    Note.objects.create(
        meeting=meeting,
        author=park.user,
        prompt="curious_or_carrying",
        answer=f"Read {LINK}",
        visibility=Note.Visibility.SHARED,
    )
    Commitment.objects.create(  # overdue, so the dashboard shows it too
        pairing=pairing,
        meeting=meeting,
        owner=Side.MENTEE,
        what=LINK,
        due_on=timezone.localdate() - timedelta(days=1),
    )
    base = live_server.url
    too_wide = []

    log_in(phone, base, "sam@stanford.edu", "/mentors/")
    phone.wait_for_url(base + "/mentors/")
    for path, name in [
        ("/mentors/", "directory"),
        (chen.get_absolute_url(), "mentor-profile"),
        (request.get_absolute_url(), "request"),
        (pairing.get_absolute_url(), "pairing"),
        ("/", "dashboard"),
    ]:
        phone.goto(base + path)
        assert phone.get_by_text(LINK[:40]).first.is_visible()
        screenshot(phone, f"long-link-sam-{name}")
        if not fits_the_phone(phone):
            too_wide.append(path)

    desk = browser.new_context(**PHONE).new_page()
    log_in(desk, base, "chen@stanford.edu", "/inbox/")
    desk.wait_for_url(base + "/inbox/")
    for path, name in [("/inbox/", "inbox"), (f"/requests/{request.pk}/answer/", "answer")]:
        desk.goto(base + path)
        assert desk.get_by_text(LINK[:40]).first.is_visible()
        screenshot(desk, f"long-link-chen-{name}")
        if not fits_the_phone(desk):
            too_wide.append(path)

    assert too_wide == []
