"""A person downloads their own notes and the commitments of their pairings,
as Markdown or JSON; what the other person shared comes in its own section,
and nobody else's private words ever do."""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings import services
from mentorship.meetings.models import Commitment, Note
from mentorship.meetings.services import CommitmentInput, NoteInput
from tests.factories import make_pairing

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("America/Los_Angeles")
MET_ON = datetime(2026, 2, 3, 7, 30, tzinfo=TZ)
MY_PRIVATE = "Asking early is a kindness to the whole team."
MY_SHARED = "Two simulation sessions before my first solo call."
THEIR_SHARED = "We talked about asking for help before the pager gets loud."
THEIR_PRIVATE = "She is carrying more than she says about the night shifts."


@pytest.fixture
def history(sam, chen):
    """Dana logged their 3 February meeting with a private and a shared note and
    two commitments; Sam (the mentee) added a private and a shared note to it and
    has already read the chapter."""
    pairing = make_pairing(chen, sam)
    meeting = services.meeting_log(
        pairing=pairing,
        by=chen.user,
        starts_at=MET_ON,
        minutes=45,
        format="video",
        notes=[
            NoteInput("learned_about_them", THEIR_PRIVATE),
            NoteInput("curious_or_carrying", THEIR_SHARED, shared=True),
        ],
        commitments=[
            CommitmentInput("mentor", "Send the simulation schedule", date(2026, 2, 10)),
            CommitmentInput("mentee", "Read the difficult airway chapter", date(2026, 2, 17)),
        ],
    )
    Note.objects.create(meeting=meeting, author=sam.user, prompt="taking_away", answer=MY_PRIVATE)
    Note.objects.create(
        meeting=meeting,
        author=sam.user,
        prompt="try_before_next",
        answer=MY_SHARED,
        visibility=Note.Visibility.SHARED,
    )
    Commitment.objects.filter(what__startswith="Read").update(
        done_at=datetime(2026, 2, 15, 9, 0, tzinfo=TZ)
    )
    return pairing


def download(client, user, file_format: str):
    client.force_login(user)
    return client.get(reverse("meetings:export"), {"format": file_format})


def test_the_markdown_file_downloads_as_an_attachment(client, history):
    response = download(client, history.mentee.user, "md")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="my-notes-{today}.md"'


def test_the_markdown_file_holds_my_notes_then_what_was_shared_with_me(client, history):
    text = download(client, history.mentee.user, "md").content.decode()

    mine, shared_with_me = text.split("## Shared with you")
    assert "## Notes you wrote" in mine
    assert "### Your mentor, Dr Dana Chen" in mine
    assert "#### Meeting of 2026-02-03" in mine
    assert "**What is one thing you are taking away?** (Only you)" in mine
    assert MY_PRIVATE in mine
    assert "**What will you try before next time?** (Shared with the two of you)" in mine
    assert MY_SHARED in mine
    assert "**What are they curious about, or carrying?** (Dr Dana Chen)" in shared_with_me
    assert THEIR_SHARED in shared_with_me
    assert THEIR_PRIVATE not in text


def test_the_markdown_file_lists_the_commitments_with_owner_due_date_and_done(client, history):
    text = download(client, history.mentee.user, "md").content.decode()

    commitments = text.split("## Commitments")[1]
    assert "- [ ] Dr Dana Chen: Send the simulation schedule, by 2026-02-10" in commitments
    assert (
        "- [x] Sam Whitfield: Read the difficult airway chapter, by 2026-02-17, done 2026-02-15"
        in commitments
    )


def test_the_json_file_holds_notes_shared_notes_and_commitments(client, history):
    response = download(client, history.mentor.user, "json")

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].endswith('.json"')
    data = json.loads(response.content)
    assert data["person"] == {"name": "Dr Dana Chen", "email": "chen@example.com"}
    assert [(n["question"], n["answer"], n["visibility"]) for n in data["notes"]] == [
        ("What did you learn about them today?", THEIR_PRIVATE, "private"),
        ("What are they curious about, or carrying?", THEIR_SHARED, "shared"),
    ]
    assert data["notes"][0]["pairing"] == "You mentor Sam Whitfield"
    assert data["notes"][0]["meeting_date"] == "2026-02-03"
    assert [(n["author"], n["answer"]) for n in data["shared_with_you"]] == [
        ("Sam Whitfield", MY_SHARED)
    ]
    assert MY_PRIVATE not in response.content.decode()
    assert [
        (c["owner"], c["owner_name"], c["what"], c["due_on"], c["done_on"])
        for c in data["commitments"]
    ] == [
        ("mentor", "Dr Dana Chen", "Send the simulation schedule", "2026-02-10", None),
        (
            "mentee",
            "Sam Whitfield",
            "Read the difficult airway chapter",
            "2026-02-17",
            "2026-02-15",
        ),
    ]


def test_someone_without_notes_gets_a_file_that_says_so(client, sam):
    text = download(client, sam.user, "md").content.decode()

    assert "You haven't written any." in text
    assert "None yet." in text


def test_without_a_format_the_page_offers_both_files(client, history):
    client.force_login(history.mentee.user)

    response = client.get(reverse("meetings:export"))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Download your notes" in text
    assert f'href="{reverse("meetings:export")}?format=md"' in text
    assert f'href="{reverse("meetings:export")}?format=json"' in text
    assert "Their private notes stay theirs" in text
    assert MY_PRIVATE not in text


def test_an_unknown_format_is_a_plain_400_page_not_an_error(client, history):
    client.force_login(history.mentee.user)

    response = client.get(reverse("meetings:export"), {"format": "pdf"})

    assert response.status_code == 400
    assert "We can't make a file of that kind." in response.content.decode()


def test_the_account_pages_link_to_the_download(client, sam):
    client.force_login(sam.user)

    text = client.get(reverse("account_email")).content.decode()

    assert f'<a href="{reverse("meetings:export")}">Download your notes</a>' in text
