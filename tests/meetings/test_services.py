"""The meeting services, logging and planning: who may log or plan a session, what
a refusal leaves untouched, and the calendar file both people receive."""

from datetime import date, datetime, timedelta

import icalendar
import pytest
from django.core.exceptions import ValidationError

from mentorship.meetings import services
from mentorship.meetings.models import Commitment, Meeting, Note
from mentorship.meetings.services import CommitmentInput, NoteInput
from mentorship.pairings.models import Pairing
from tests.meetings.service_support import (
    LAST_WEEK,
    NOW,
    OUTSIDERS,
    PRIVATE,
    PROMISE,
    SHARED,
    TAKEAWAY,
    TZ,
    log,
    refused,
)

pytestmark = pytest.mark.django_db


# --- meeting_log ------------------------------------------------------------------


def test_the_mentor_logs_a_session_with_notes_and_a_commitment(cast):
    meeting = log(
        cast["pairing"],
        cast["mentor"],
        notes=[
            NoteInput("curious_or_carrying", PRIVATE),
            NoteInput("learned_about_them", SHARED, shared=True),
            NoteInput("be_of_service", "   "),
        ],
        commitments=[CommitmentInput("mentor", f"  {PROMISE}  ", date(2026, 3, 20))],
    )

    assert (meeting.status, meeting.minutes, meeting.format) == ("held", 45, "walk")
    assert meeting.starts_at == LAST_WEEK
    assert meeting.logged_by == cast["mentor"]
    notes = {n.prompt: n.visibility for n in meeting.notes.all()}
    # An empty answer is no note at all.
    assert notes == {"curious_or_carrying": "private", "learned_about_them": "shared"}
    [commitment] = Commitment.objects.all()
    assert (commitment.what, commitment.owner, commitment.due_on) == (
        PROMISE,
        "mentor",
        date(2026, 3, 20),
    )
    assert (commitment.meeting, commitment.created_by) == (meeting, cast["mentor"])


def test_a_note_is_private_unless_its_author_shares_it(cast):
    meeting = log(cast["pairing"], cast["mentee"], notes=[NoteInput("taking_away", TAKEAWAY)])

    assert meeting.notes.get().visibility == Note.Visibility.PRIVATE
    assert list(Note.objects.readable_by(cast["mentor"])) == []


def test_the_mentee_logs_a_session_with_their_own_questions(cast):
    meeting = log(
        cast["pairing"],
        cast["mentee"],
        notes=[NoteInput("taking_away", TAKEAWAY, shared=True), NoteInput("help_someone", "Jo")],
        commitments=[CommitmentInput("mentee", "Ask Noor how she preps for call")],
    )

    assert meeting.logged_by == cast["mentee"]
    assert sorted(meeting.notes.values_list("prompt", flat=True)) == [
        "help_someone",
        "taking_away",
    ]
    assert Commitment.objects.get().owner == "mentee"


def test_a_question_of_the_other_side_is_refused_and_nothing_is_saved(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "bad_prompt",
        lambda: log(
            cast["pairing"],
            cast["mentee"],
            notes=[
                NoteInput("taking_away", TAKEAWAY),
                NoteInput("learned_about_them", PRIVATE),
            ],
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "That question isn't one of yours."


def test_a_commitment_needs_an_owner_of_the_pairing(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "bad_owner",
        lambda: log(
            cast["pairing"], cast["mentor"], commitments=[CommitmentInput("director", PROMISE)]
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


@pytest.mark.parametrize("who", OUTSIDERS)
def test_only_the_two_people_log_plan_or_add_commitments(
    who, cast, django_capture_on_commit_callbacks, mailoutbox
):
    pairing, by = cast["pairing"], cast[who]
    calls = [
        lambda: log(pairing, by, notes=[NoteInput("learned_about_them", PRIVATE)]),
        lambda: services.meeting_plan(
            pairing=pairing,
            by=by,
            starts_at=NOW + timedelta(days=14),
            minutes=30,
            format="video",
            now=NOW,
        ),
        lambda: services.commitment_add(
            pairing=pairing, by=by, item=CommitmentInput("mentee", PROMISE)
        ),
    ]
    for call in calls:
        error = refused("not_member", call, django_capture_on_commit_callbacks, mailoutbox)
        assert error.message == "Only the two people of the pairing can do this."


def test_a_session_in_the_future_is_refused_but_a_few_hours_ahead_is_fine(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "in_the_future",
        lambda: log(cast["pairing"], cast["mentor"], starts_at=NOW + timedelta(days=1)),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )

    meeting = log(cast["pairing"], cast["mentor"], starts_at=NOW + timedelta(hours=3))

    assert meeting.status == "held"


def test_a_paused_pairing_logs_sessions_and_an_ended_one_does_not(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = cast["pairing"]
    Pairing.objects.filter(pk=pairing.pk).update(status=Pairing.Status.PAUSED)
    assert log(pairing, cast["mentor"]).status == "held"

    Pairing.objects.filter(pk=pairing.pk).update(
        status=Pairing.Status.ENDED, ended_on=date(2026, 3, 1)
    )
    pairing.refresh_from_db()
    refused(
        "not_running",
        lambda: log(pairing, cast["mentor"]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    refused(
        "not_running",
        lambda: services.commitment_add(
            pairing=pairing, by=cast["mentor"], item=CommitmentInput("mentee", PROMISE)
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_length_outside_five_minutes_to_eight_hours_is_refused(cast):
    with pytest.raises(ValidationError, match="minutes"):
        log(cast["pairing"], cast["mentor"], minutes=2)

    assert not Meeting.objects.exists()


def test_logging_a_planned_meeting_turns_it_into_the_held_one(cast):
    planned = Meeting.objects.create(
        pairing=cast["pairing"],
        starts_at=LAST_WEEK,
        minutes=30,
        format="video",
        status="planned",
        place="Room 3",
        logged_by=cast["mentee"],
    )

    meeting = log(cast["pairing"], cast["mentor"], planned=planned, minutes=50)

    assert meeting.pk == planned.pk
    assert Meeting.objects.get().status == "held"
    assert (meeting.minutes, meeting.logged_by) == (50, cast["mentor"])


def test_a_planned_meeting_of_another_pairing_is_refused(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    theirs = Meeting.objects.create(
        pairing=cast["their pairing"],
        starts_at=LAST_WEEK,
        minutes=30,
        status="planned",
    )

    refused(
        "not_planned",
        lambda: log(cast["pairing"], cast["mentor"], planned=theirs),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_session_closes_and_carries_last_times_commitments(cast):
    pairing = cast["pairing"]
    read = services.commitment_add(
        pairing=pairing, by=cast["mentee"], item=CommitmentInput("mentee", "Read the chapter")
    )
    call = services.commitment_add(
        pairing=pairing,
        by=cast["mentor"],
        item=CommitmentInput("mentor", "Call the fellowship director", date(2026, 3, 1)),
    )

    log(pairing, cast["mentor"], done=[read], carried={call: date(2026, 4, 1)})

    read.refresh_from_db()
    call.refresh_from_db()
    assert read.done_at == NOW
    assert (call.done_at, call.due_on) == (None, date(2026, 4, 1))


def test_a_session_cannot_close_another_pairings_commitment(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    theirs = services.commitment_add(
        pairing=cast["their pairing"],
        by=cast["other mentor"],
        item=CommitmentInput("mentee", "Shadow a cardiac case"),
    )

    refused(
        "not_member",
        lambda: log(cast["pairing"], cast["mentor"], done=[theirs]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- meeting_plan ------------------------------------------------------------------


def test_planning_a_meeting_e_mails_both_a_calendar_file_naming_both_of_them(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    starts = datetime(2026, 3, 24, 7, 30, tzinfo=TZ)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_plan(
            pairing=cast["pairing"],
            by=cast["mentee"],
            starts_at=starts,
            minutes=30,
            format="in_person",
            place="Café on the second floor",
            now=NOW,
        )

    assert (meeting.status, meeting.place) == ("planned", "Café on the second floor")
    assert sorted(m.to[0] for m in mailoutbox) == ["chen@example.com", "sam@example.com"]
    for message in mailoutbox:
        [(filename, content, mimetype)] = message.attachments
        assert (filename, mimetype) == ("meeting.ics", "text/calendar")
        [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
        assert event.decoded("dtstart") == starts
        assert event.decoded("dtend") == starts + timedelta(minutes=30)
        assert str(event["location"]) == "Café on the second floor"
        attendees = {str(a): a.params["CN"] for a in event["attendee"]}
        assert attendees == {
            "mailto:chen@example.com": "Dr Dana Chen",
            "mailto:sam@example.com": "Sam Whitfield",
        }


def test_a_meeting_is_planned_for_a_time_still_to_come(
    cast, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "in_the_past",
        lambda: services.meeting_plan(
            pairing=cast["pairing"],
            by=cast["mentor"],
            starts_at=NOW - timedelta(minutes=1),
            minutes=30,
            format="video",
            now=NOW,
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_paused_pairing_plans_no_meeting(cast, django_capture_on_commit_callbacks, mailoutbox):
    Pairing.objects.filter(pk=cast["pairing"].pk).update(status=Pairing.Status.PAUSED)

    refused(
        "not_active",
        lambda: services.meeting_plan(
            pairing=cast["pairing"],
            by=cast["mentor"],
            starts_at=NOW + timedelta(days=3),
            minutes=30,
            format="video",
            now=NOW,
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
