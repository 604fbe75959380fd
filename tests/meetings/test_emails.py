"""E-mail about meetings: who gets it, what it says, where it links, the calendar
file, and never a word of anyone's notes."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django_tasks_db.models import DBTaskResult

from mentorship.meetings import services
from mentorship.meetings.models import Meeting
from mentorship.meetings.services import CommitmentInput, NoteInput
from tests.factories import (
    make_mentor,
    make_mentor_profile,
    make_pairing,
)

pytestmark = pytest.mark.django_db

SITE = "https://mentorship.example.org"
TZ = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=TZ)
STARTS = datetime(2026, 3, 24, 7, 30, tzinfo=TZ)
PRIVATE = "Worried about the ICU month and sleeping badly."
SHARED = "We agreed that asking for help early is a strength."
PROMISE = "Introduce Sam to the cardiac fellows"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def pairing(program, sam):
    """Sam's pairing with Dana, whose address (dana@) the e-mails are checked for, since
    January, with what they wrote last time."""
    dana = make_mentor_profile(
        make_mentor("dana@example.com", name="Dr Dana Chen"), programs=[program]
    )
    pairing = make_pairing(dana, sam, started_on=date(2026, 1, 5))
    # What they wrote last time, which no e-mail may carry.
    services.meeting_log(
        pairing=pairing,
        by=dana.user,
        starts_at=NOW - timedelta(days=14),
        minutes=30,
        format="video",
        notes=[
            NoteInput("curious_or_carrying", PRIVATE),
            NoteInput("learned_about_them", SHARED, shared=True),
        ],
        commitments=[CommitmentInput("mentor", PROMISE)],
        now=NOW,
    )
    return pairing


def by_recipient(mailoutbox) -> dict:
    return {message.to[0]: message for message in mailoutbox}


def assert_no_notes(message) -> None:
    html = message.alternatives[0][0]
    for text in (PRIVATE, SHARED, PROMISE):
        assert text not in message.subject
        assert text not in message.body
        assert text not in html


def plan(pairing, by, place="Café on the second floor"):
    return services.meeting_plan(
        pairing=pairing,
        by=by,
        starts_at=STARTS,
        minutes=45,
        format="in_person",
        place=place,
        now=NOW,
    )


def test_a_planned_meeting_tells_both_when_where_and_how_long_with_a_calendar_file(
    pairing, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan(pairing, pairing.mentee.user)

    mail = by_recipient(mailoutbox)
    assert sorted(mail) == ["dana@example.com", "sam@example.com"]
    dana, sam = mail["dana@example.com"], mail["sam@example.com"]
    assert dana.subject == "[Mentorship] Your next meeting with Sam: Tuesday, March 24"
    assert sam.subject == "[Mentorship] Your next meeting with Dana: Tuesday, March 24"
    assert dana.body.startswith("Hi Dana,\n\nSam has planned your next meeting.\n")
    assert sam.body.startswith("Hi Sam,\n\nYou planned your next meeting with Dana.\n")
    for message in (dana, sam):
        html = message.alternatives[0][0]
        assert "When: Tuesday, March 24 at 7:30 AM (PDT)" in message.body
        assert "How long: 45 minutes" in message.body
        assert "How: In person" in message.body
        assert "Where: Café on the second floor" in message.body
        assert "Add it to your calendar with the attached file." in message.body
        assert "Add it to your calendar with the attached file." in html
        assert f"{SITE}/pairings/{pairing.pk}/" in message.body
        assert f'href="{SITE}/pairings/{pairing.pk}/"' in html
        assert "!" not in message.body
        [(filename, content, mimetype)] = message.attachments
        assert (filename, mimetype) == ("meeting.ics", "text/calendar")
        [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
        assert event.decoded("dtstart") == STARTS
        assert_no_notes(message)
    assert "dana@example.com" in sam.body and "sam@example.com" in dana.body


def test_a_video_link_is_a_link_in_the_html_and_no_place_says_to_agree_on_one(
    pairing, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan(pairing, pairing.mentor.user, place="https://meet.example.org/dana-sam")
    # The worker renders from the meeting as it stands, so each is sent before the next.
    Meeting.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        plan(pairing, pairing.mentor.user, place="")

    linked, unplaced = mailoutbox[0], mailoutbox[2]
    assert 'href="https://meet.example.org/dana-sam"' in linked.alternatives[0][0]
    assert "Where: not set yet; agree on a place or a link with" in unplaced.body


def test_the_reminder_comes_the_day_before_with_the_time_and_place(
    pairing, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan(pairing, pairing.mentor.user)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.meetings_send_reminders(now=datetime.combine(date(2026, 3, 23), time(6), TZ))

    mail = by_recipient(mailoutbox)
    assert sorted(mail) == ["dana@example.com", "sam@example.com"]
    assert mail["sam@example.com"].subject == (
        "[Mentorship] Tomorrow: your meeting with Dana at 7:30 AM"
    )
    for message in mail.values():
        assert "A gentle reminder: you meet" in message.body
        assert "When: Tuesday, March 24 at 7:30 AM (PDT)" in message.body
        assert "Where: Café on the second floor" in message.body
        assert f"{SITE}/pairings/{pairing.pk}/" in message.body
        assert [a[0] for a in message.attachments] == ["meeting.ics"]
        assert_no_notes(message)


def test_a_quiet_pairing_gets_a_gentle_nudge_naming_the_other_person(
    pairing, mailoutbox, django_capture_on_commit_callbacks
):
    # The last meeting was on February 24: 47 days before April 12.
    with django_capture_on_commit_callbacks(execute=True):
        services.pairings_nudge_quiet(now=datetime(2026, 4, 12, 8, 0, tzinfo=TZ))

    mail = by_recipient(mailoutbox)
    sam, dana = mail["sam@example.com"], mail["dana@example.com"]
    assert sam.subject == "[Mentorship] It has been 47 days since you met Dana"
    assert dana.subject == "[Mentorship] It has been 47 days since you met Sam"
    assert sam.body.startswith(
        "Hi Sam,\n\nIt has been 47 days since you met Dana. "
        "A short message is enough to reconnect.\n"
    )
    assert "write to Dana at dana@example.com" in sam.body
    assert 'href="mailto:sam@example.com"' in dana.alternatives[0][0]
    for message in (sam, dana):
        assert f"{SITE}/pairings/{pairing.pk}/" in message.body
        assert message.attachments == []
        assert "!" not in message.body
        assert_no_notes(message)


def test_a_queued_meeting_e_mail_holds_the_meetings_id_and_the_worker_builds_the_calendar(
    pairing, task_table, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = plan(pairing, pairing.mentee.user)

    queued = DBTaskResult.objects.all()
    assert len(queued) == 2
    assert {row.args_kwargs["kwargs"]["calendar"] for row in queued} == {meeting.pk}
    text = task_table.text()
    assert "VCALENDAR" not in text
    assert "Café on the second floor" not in text
    assert mailoutbox == []

    assert task_table.run() == 2

    assert sorted(by_recipient(mailoutbox)) == ["dana@example.com", "sam@example.com"]
    for message in mailoutbox:
        [(filename, content, _)] = message.attachments
        assert filename == "meeting.ics"
        event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
        assert event.decoded("dtstart") == STARTS
        assert str(event["location"]) == "Café on the second floor"
        assert f"{SITE}/pairings/{pairing.pk}/" in str(event["description"])
