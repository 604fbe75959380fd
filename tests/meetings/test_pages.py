"""The pages around the sessions: the meeting and note pages, the pairing page's
timeline, and what the dashboard brings up. Planning is in test_calendar.py."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings import services
from mentorship.meetings.models import Commitment, Meeting, Note
from mentorship.meetings.services import CommitmentInput, NoteInput
from mentorship.pairings.models import Pairing
from tests.factories import make_pairing

pytestmark = pytest.mark.django_db

TAKEAWAY = "Asking early is a kindness to the whole team."
LEARNED = "She is carrying more than she says about the night shifts."


def page(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def held(pairing, by, days_ago: int, **kwargs) -> Meeting:
    return services.meeting_log(
        pairing=pairing,
        by=by,
        starts_at=timezone.now() - timedelta(days=days_ago),
        minutes=kwargs.pop("minutes", 45),
        format=kwargs.pop("format", "in_person"),
        **kwargs,
    )


def planned(pairing, by, days_ahead: int, **kwargs) -> Meeting:
    return services.meeting_plan(
        pairing=pairing,
        by=by,
        starts_at=timezone.now() + timedelta(days=days_ahead),
        minutes=kwargs.pop("minutes", 30),
        format=kwargs.pop("format", "video"),
        place=kwargs.pop("place", "https://video.example.com/dana-sam"),
    )


# --- the meeting page ----------------------------------------------------------


def test_the_meeting_page_groups_notes_by_author_with_their_privacy(client, pairing):
    meeting = held(
        pairing,
        pairing.mentor.user,
        3,
        notes=[
            NoteInput("learned_about_them", LEARNED),
            NoteInput("be_of_service", "Introduce her to the simulation lead.", shared=True),
        ],
        commitments=[CommitmentInput("mentor", "Send the simulation schedule")],
    )
    Note.objects.create(
        meeting=meeting,
        author=pairing.mentee.user,
        prompt="taking_away",
        answer=TAKEAWAY,
        visibility=Note.Visibility.SHARED,
    )

    text = page(client, pairing.mentor.user, meeting.get_absolute_url())

    assert "Your meeting with Sam Whitfield" in text
    assert "45 minutes · In person" in text
    yours, theirs = text.split("What Sam Whitfield shared with you")
    assert "<h3>Yours</h3>" in yours
    assert "What did you learn about them today?" in yours
    assert LEARNED in yours
    assert '<span class="badge badge--paused">Only you</span>' in yours
    assert '<span class="badge badge--active">Shared</span>' in yours
    assert "What is one thing you are taking away?" in theirs
    assert TAKEAWAY in theirs
    assert "Send the simulation schedule" in theirs  # the commitments follow the notes


def test_a_planned_meeting_offers_the_calendar_and_logging_it(client, pairing):
    meeting = planned(pairing, pairing.mentor.user, 4)

    text = page(client, pairing.mentee.user, meeting.get_absolute_url())

    assert "Your planned meeting with Dr Dana Chen" in text
    assert f'href="{reverse("meetings:ics", args=[meeting.pk])}">Add to your calendar</a>' in text
    log_url = reverse("meetings:log", args=[pairing.pk]) + f"?planned={meeting.pk}"
    assert f'href="{log_url}">Log this meeting</a>' in text
    assert "https://video.example.com/dana-sam" in text


# --- the note pages -------------------------------------------------------------


@pytest.fixture
def note(pairing):
    meeting = held(pairing, pairing.mentee.user, 2, notes=[NoteInput("taking_away", TAKEAWAY)])
    return meeting.notes.get()


def test_the_author_reads_their_note_and_is_told_who_else_can(client, note):
    text = page(client, note.author, note.get_absolute_url())

    assert "What is one thing you are taking away?" in text
    assert TAKEAWAY in text
    assert "Only you can read this." in text
    assert f'href="{reverse("meetings:note_edit", args=[note.pk])}">Edit this note</a>' in text


def test_the_author_shares_a_note_and_the_partner_can_then_read_it(client, note, pairing):
    client.force_login(note.author)

    response = client.post(
        reverse("meetings:note_edit", args=[note.pk]),
        {"answer": TAKEAWAY + " And to say thank you twice.", "shared": "on"},
        follow=True,
    )

    assert "Your note is saved. Dr Dana Chen can read it too." in response.content.decode()
    note.refresh_from_db()
    assert note.is_shared
    text = page(client, pairing.mentor.user, note.get_absolute_url())
    assert "And to say thank you twice." in text
    assert "Sam Whitfield shared this with you." in text
    assert "Edit this note" not in text


def test_the_edit_form_states_who_reads_the_note(client, note):
    text = page(client, note.author, reverse("meetings:note_edit", args=[note.pk]))

    assert "Share this answer with Dana" in text
    assert "Ticked, Dana will see this too. Unticked, only you can read this." in text
    assert TAKEAWAY in text


def test_an_emptied_note_is_refused_and_a_long_one_comes_back_as_typed(client, note):
    client.force_login(note.author)
    url = reverse("meetings:note_edit", args=[note.pk])

    empty = client.post(url, {"answer": "", "shared": "on"}).content.decode()
    long_text = "Thank you twice. " * 300
    too_long = client.post(url, {"answer": long_text}).content.decode()

    assert "Write something, or leave the note as it was." in empty
    assert "Please keep this under 4000 characters" in too_long
    assert long_text.strip() in too_long
    note.refresh_from_db()
    assert (note.answer, note.is_shared) == (TAKEAWAY, False)


# --- the pairing page -------------------------------------------------------------


def test_the_pairing_page_offers_to_log_and_plan_and_says_when_nothing_happened_yet(
    client, pairing
):
    text = page(client, pairing.mentee.user, pairing.get_absolute_url())

    assert f'href="{reverse("meetings:log", args=[pairing.pk])}">Log a session</a>' in text
    assert f'href="{reverse("meetings:plan", args=[pairing.pk])}">Plan the next meeting</a>' in text
    assert "No meetings yet" in text


def test_a_paused_pairing_can_log_a_session_but_not_plan_one(client, sam, chen):
    paused = make_pairing(chen, sam, Pairing.Status.PAUSED)

    text = page(client, sam.user, paused.get_absolute_url())

    assert ">Log a session</a>" in text
    assert ">Plan the next meeting</a>" not in text


def test_an_ended_pairing_without_meetings_offers_neither(client, sam, chen):
    ended = make_pairing(chen, sam, Pairing.Status.ENDED, ended_on=timezone.localdate())

    text = page(client, sam.user, ended.get_absolute_url())

    assert ">Log a session</a>" not in text
    assert "Your meetings" not in text


def test_the_timeline_lists_meetings_newest_first_with_readable_notes(client, pairing):
    held(pairing, pairing.mentor.user, 40, minutes=20, format="phone")
    held(
        pairing,
        pairing.mentor.user,
        10,
        minutes=60,
        format="walk",
        notes=[
            NoteInput("learned_about_them", LEARNED),
            NoteInput("be_of_service", "Introduce her to the simulation lead.", shared=True),
        ],
    )
    upcoming = planned(pairing, pairing.mentor.user, 6)

    text = page(client, pairing.mentee.user, pairing.get_absolute_url())

    timeline = text.split('<ol class="timeline">')[1]
    assert timeline.index("30 minutes · Video") < timeline.index("60 minutes · Walk or coffee")
    assert timeline.index("60 minutes · Walk or coffee") < timeline.index("20 minutes · Phone")
    assert "Introduce her to the simulation lead." in timeline
    assert LEARNED not in text
    next_up = text.split("Your next meeting</h2>")[1].split("</section>")[0]
    assert (
        f'href="{reverse("meetings:ics", args=[upcoming.pk])}">Add to your calendar</a>' in next_up
    )


def test_open_commitments_come_with_done_and_carry_forward_controls(client, pairing):
    held(
        pairing,
        pairing.mentor.user,
        20,
        commitments=[
            CommitmentInput("mentee", "Read the difficult airway chapter", date(2020, 2, 1)),
            CommitmentInput("mentor", "Send the simulation schedule"),
        ],
    )
    kept = Commitment.objects.get(owner="mentor")
    overdue = Commitment.objects.get(owner="mentee")
    Commitment.objects.create(
        pairing=pairing, owner="mentor", what="Book the sim lab", done_at=timezone.now()
    )

    text = page(client, pairing.mentee.user, pairing.get_absolute_url())

    open_part = text.split("What you said you would do</h2>")[1].split("</section>")[0]
    assert "<strong>You</strong>:\n    Read the difficult airway chapter" in open_part
    assert "by 1 February 2020" in open_part
    assert '<span class="badge badge--pending">Overdue</span>' in open_part
    assert "<strong>Dr Dana Chen</strong>:\n    Send the simulation schedule" in open_part
    assert "Book the sim lab" not in open_part
    for commitment in (overdue, kept):
        assert f'action="{reverse("meetings:commitment_done", args=[commitment.pk])}"' in open_part
        assert f'action="{reverse("meetings:commitment_carry", args=[commitment.pk])}"' in open_part
    assert 'name="due_on"' in open_part
    assert f'name="next" value="{pairing.get_absolute_url()}"' in open_part


# --- the dashboard -------------------------------------------------------------------


def dashboard(client, user) -> str:
    return page(client, user, reverse("home"))


def test_the_dashboard_invites_reaching_out_after_the_programs_target(client, pairing):
    held(pairing, pairing.mentor.user, 47)

    text = dashboard(client, pairing.mentee.user)

    assert (
        "It has been 47 days since you met Dana: reach out? "
        "A short message is enough to reconnect." in text
    )
    assert (
        f'href="{reverse("meetings:plan", args=[pairing.pk])}">Plan your next meeting</a>' in text
    )


def test_a_pairing_that_never_met_counts_from_its_start(client, pairing):
    Pairing.objects.filter(pk=pairing.pk).update(
        started_on=timezone.localdate() - timedelta(days=50)
    )

    text = dashboard(client, pairing.mentor.user)

    assert "It has been 50 days since you and Sam were paired: reach out?" in text


def test_a_longer_program_target_means_no_invitation_yet(client, pairing):
    held(pairing, pairing.mentor.user, 47)
    pairing.program.meeting_target_days = 60
    pairing.program.save()

    text = dashboard(client, pairing.mentee.user)

    assert "It has been" not in text


def test_a_recent_meeting_means_no_invitation(client, pairing):
    held(pairing, pairing.mentor.user, 47)
    held(pairing, pairing.mentor.user, 2)

    text = dashboard(client, pairing.mentee.user)

    assert "It has been" not in text


def test_the_dashboard_shows_the_next_meeting_with_its_calendar_file(client, pairing):
    meeting = planned(pairing, pairing.mentor.user, 3)
    planned(pairing, pairing.mentor.user, 9)

    text = dashboard(client, pairing.mentee.user)

    assert "Your next meetings" in text
    local = timezone.localtime(meeting.starts_at)
    assert f'With <a href="{pairing.get_absolute_url()}">Dr Dana Chen</a>, ' in text
    assert f"{local:%A} {local.day} {local:%B} at {local:%H:%M}" in text
    assert text.count(">Add to your calendar</a>") == 1
    assert f'href="{reverse("meetings:ics", args=[meeting.pk])}"' in text


def test_the_dashboard_names_who_owes_each_overdue_commitment(client, pairing):
    yesterday = timezone.localdate() - timedelta(days=1)
    held(
        pairing,
        pairing.mentor.user,
        20,
        commitments=[
            CommitmentInput("mentee", "Read the difficult airway chapter", yesterday),
            CommitmentInput("mentor", "Send the simulation schedule", yesterday),
            CommitmentInput("mentor", "Book the sim lab", timezone.localdate()),
        ],
    )

    text = dashboard(client, pairing.mentee.user)

    assert "Commitments past their date" in text
    assert "<strong>You</strong>: Read the difficult airway chapter" in text
    assert "<strong>Dr Dana Chen</strong>: Send the simulation schedule" in text
    assert "Book the sim lab" not in text
    assert "Your pairing with Dr Dana Chen" in text


def test_a_dashboard_without_meetings_or_commitments_adds_nothing(
    client,
    levin,
    program,
    noor,
):
    pairing = make_pairing(levin, noor)

    text = dashboard(client, noor.user)

    assert "Your mentors" in text and "Dr Ari Levin" in text
    assert 'aria-labelledby="between-heading"' not in text
    assert "Between meetings" not in text
    # The same dashboard, once a meeting is planned, does show the section.
    planned(pairing, levin.user, 3)
    assert '<h2 id="between-heading">Between meetings</h2>' in dashboard(client, noor.user)


def test_an_ended_pairing_offers_no_next_meeting_to_add_to_a_calendar(client, pairing):
    planned(pairing, pairing.mentor.user, 6)
    Pairing.objects.filter(pk=pairing.pk).update(
        status=Pairing.Status.ENDED, ended_on=timezone.localdate()
    )

    text = page(client, pairing.mentee.user, pairing.get_absolute_url())

    assert "Your next meeting" not in text
    assert "Add to your calendar" not in text
