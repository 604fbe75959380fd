"""Logging a session: the form each side sees, what is saved and who may read it,
commitments inline, last time's commitments, and nothing typed ever lost."""

import html
import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings.models import Commitment, Meeting, Note, Side
from mentorship.pairings.models import Pairing

pytestmark = pytest.mark.django_db

PRIVATE = "She is carrying more than she says about the night shifts."
SHARED = "We talked about asking for help before the pager gets loud."
PROMISE = "Send Sam the airway simulation schedule"


def log_url(pairing, planned=None) -> str:
    url = reverse("meetings:log", args=[pairing.pk])
    return f"{url}?planned={planned.pk}" if planned else url


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def session(**extra) -> dict:
    """What a person types for a plain 45-minute walk today (the commitment rows
    left empty: the formset's counts only)."""
    return {
        "date": timezone.localdate().isoformat(),
        "time": "",
        "minutes": "45",
        "format": "walk",
        "commitments-TOTAL_FORMS": "3",
        "commitments-INITIAL_FORMS": "0",
        **extra,
    }


def commitment(number: int, **fields) -> dict:
    """Row `number` (from 1) of the new commitments, as the formset names its fields."""
    return {f"commitments-{number - 1}-{name}": value for name, value in fields.items()}


def log_as(client, user, pairing, data, **kwargs):
    client.force_login(user)
    return client.post(log_url(pairing, kwargs.pop("planned", None)), data, **kwargs)


# --- the form each side sees ----------------------------------------------------


def test_the_mentor_answers_the_mentors_prompts_privately_by_default(client, cast):
    client.force_login(cast.mentor)
    page = text_of(client.get(log_url(cast.pairing)))
    assert "Log your session with Sam Whitfield" in page
    assert "What did you learn about them today?" in page
    assert "How could you be of service before you meet again?" in page
    assert "What is one thing you are taking away?" not in page
    assert page.count("Share with Sam") == 3
    assert page.count("Only you can read this.") == 3
    assert "Sam will see this too." in page
    assert not re.search(r'<input type="checkbox" name="share_[^"]*"[^>]*checked', page)
    assert "Leave out patient names, record numbers and dates of birth" in page
    assert 'data-draft-key="meeting-log-' in page


def test_the_mentee_answers_the_mentees_prompts(client, cast):
    client.force_login(cast.mentee)
    page = text_of(client.get(log_url(cast.pairing)))
    assert "Log your session with Dr Dana Chen" in page
    assert "What is one thing you are taking away?" in page
    assert "Who could you help this week?" in page
    assert "What did you learn about them today?" not in page
    assert "Share with Dana" in page
    assert "Dana will see this too." in page


def test_a_logged_session_keeps_private_and_shared_answers_apart(client, cast):
    response = log_as(
        client,
        cast.mentor,
        cast.pairing,
        session(
            time="07:30",
            answer_learned_about_them=SHARED,
            share_learned_about_them="on",
            answer_curious_or_carrying=PRIVATE,
        ),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == cast.pairing.get_absolute_url()
    assert "Logged. Thank you for showing up for each other." in text_of(response)
    meeting = Meeting.objects.get(pairing=cast.pairing)
    assert (meeting.status, meeting.minutes, meeting.format) == ("held", 45, "walk")
    assert meeting.logged_by == cast.mentor
    assert timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M") == (
        f"{timezone.localdate():%Y-%m-%d} 07:30"
    )
    notes = {note.prompt: note for note in meeting.notes.all()}
    assert set(notes) == {"learned_about_them", "curious_or_carrying"}
    assert notes["learned_about_them"].visibility == Note.Visibility.SHARED
    assert notes["curious_or_carrying"].visibility == Note.Visibility.PRIVATE
    assert {note.author for note in notes.values()} == {cast.mentor}
    assert list(Note.objects.readable_by(cast.mentee)) == [notes["learned_about_them"]]


def test_answers_without_the_share_box_stay_private(client, cast):
    log_as(
        client,
        cast.mentee,
        cast.pairing,
        session(answer_taking_away="Ask early.", answer_help_someone="Noor, before her exam."),
    )
    assert Note.objects.count() == 2
    assert set(Note.objects.values_list("visibility", flat=True)) == {"private"}
    assert not Note.objects.readable_by(cast.mentor).exists()


def test_an_answer_to_the_other_sides_prompt_is_never_stored(client, cast):
    log_as(
        client,
        cast.mentor,
        cast.pairing,
        session(answer_taking_away="Planted in the mentee's box.", answer_be_of_service="Intro."),
    )
    assert list(Note.objects.values_list("prompt", "answer")) == [("be_of_service", "Intro.")]


def test_an_empty_form_still_logs_that_you_met(client, cast):
    response = log_as(client, cast.mentee, cast.pairing, session())
    assert response.status_code == HTTPStatus.FOUND
    assert Meeting.objects.filter(pairing=cast.pairing, status="held").count() == 1
    assert not Note.objects.exists()


def test_a_session_in_the_future_is_refused_at_the_date(client, cast):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = log_as(client, cast.mentor, cast.pairing, session(date=tomorrow.isoformat()))
    assert response.status_code == HTTPStatus.OK
    assert "To set up the next one, plan it instead." in text_of(response)
    assert not Meeting.objects.exists()


def test_a_length_out_of_range_is_explained(client, cast):
    response = log_as(client, cast.mentor, cast.pairing, session(minutes="2"))
    assert "A session is at least 5 minutes long." in text_of(response)
    assert not Meeting.objects.exists()


def open_commitments(cast):
    first = Commitment.objects.create(
        pairing=cast.pairing,
        owner=Side.MENTEE,
        what="Ask the chief about the research month",
        due_on=timezone.localdate() - timedelta(days=3),
    )
    second = Commitment.objects.create(pairing=cast.pairing, owner=Side.MENTOR, what=PROMISE)
    Commitment.objects.create(pairing=cast.others, owner=Side.MENTOR, what="Not theirs to see")
    Commitment.objects.create(
        pairing=cast.pairing, owner=Side.MENTOR, what="Already done", done_at=timezone.now()
    )
    return first, second


# --- nothing typed is lost ------------------------------------------------------------


def test_a_failed_check_brings_back_every_answer_as_typed(client, cast):
    first, _ = open_commitments(cast)
    response = log_as(
        client,
        cast.mentor,
        cast.pairing,
        session(
            minutes="600",
            time="18:05",
            answer_learned_about_them=SHARED,
            share_learned_about_them="on",
            answer_curious_or_carrying=PRIVATE,
            answer_be_of_service="An intro to the\npediatric fellowship director.",
            **commitment(1, owner="mentee", what="Draft the abstract", due_on="2030-05-01"),
            **{f"open_{first.pk}": "done"},
        ),
    )
    assert response.status_code == HTTPStatus.OK
    page = text_of(response)
    assert "Sessions longer than 8 hours" in page
    assert "everything you typed is still here" in page
    assert f">\n{SHARED}</textarea>" in page
    assert f">\n{PRIVATE}</textarea>" in page
    assert ">\nAn intro to the\npediatric fellowship director.</textarea>" in page
    assert re.search(r'name="share_learned_about_them"[^>]*checked', page)
    assert not re.search(r'name="share_curious_or_carrying"[^>]*checked', page)
    assert 'value="18:05"' in page and 'value="600"' in page
    assert 'value="Draft the abstract"' in page and 'value="2030-05-01"' in page
    assert '<option value="mentee" selected>Sam</option>' in page
    assert re.search(rf'name="open_{first.pk}" value="done"[^>]*checked', page)
    assert "data-draft-fresh" not in page
    assert not Meeting.objects.exists() and not Note.objects.exists()


def test_the_log_page_tells_the_browser_to_forget_a_saved_draft(client, cast):
    log_as(client, cast.mentor, cast.pairing, session(draft_id="3f2a9c1e-draft-42"))
    page = text_of(client.get(log_url(cast.pairing)))
    assert 'data-saved-drafts="3f2a9c1e-draft-42"' in page
    assert 'data-draft-fresh="true"' in page


def test_a_draft_id_that_is_not_one_is_not_echoed(client, cast):
    log_as(client, cast.mentor, cast.pairing, session(draft_id='"><b>'))
    assert 'data-saved-drafts=""' in text_of(client.get(log_url(cast.pairing)))


# --- planned meetings -------------------------------------------------------------------


def planned_meeting(pairing, days_ago=1):
    start = timezone.localtime().replace(hour=16, minute=15, second=0, microsecond=0)
    return Meeting.objects.create(
        pairing=pairing,
        starts_at=start - timedelta(days=days_ago),
        minutes=60,
        format="video",
        status="planned",
    )


def test_a_planned_meeting_prefills_the_form_and_is_logged_as_held(client, cast):
    planned = planned_meeting(cast.pairing)
    client.force_login(cast.mentee)
    page = text_of(client.get(log_url(cast.pairing, planned)))
    day = timezone.localtime(planned.starts_at).date()
    assert f'value="{day:%Y-%m-%d}"' in page
    assert 'value="16:15"' in page and 'value="60"' in page
    assert re.search(r'value="video"[^>]*checked', page)

    data = session(date=f"{day:%Y-%m-%d}", time="16:15", minutes="50", format="video")
    response = log_as(client, cast.mentee, cast.pairing, data, planned=planned)
    assert response.status_code == HTTPStatus.FOUND
    planned.refresh_from_db()
    assert (planned.status, planned.minutes, planned.logged_by) == ("held", 50, cast.mentee)
    assert Meeting.objects.count() == 1


def test_a_planned_meeting_of_another_pairing_answers_404(client, cast):
    theirs = planned_meeting(cast.others)
    client.force_login(cast.mentor)
    assert client.get(log_url(cast.pairing, theirs)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(log_url(cast.pairing) + "?planned=x").status_code == HTTPStatus.NOT_FOUND
    assert client.get(log_url(cast.pairing) + "?planned=²").status_code == HTTPStatus.NOT_FOUND
    response = client.post(log_url(cast.pairing, theirs), session())
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Meeting.objects.get(pk=theirs.pk).status == "planned"


# --- who may log ----------------------------------------------------------------------------


def test_an_ended_pairing_takes_no_more_sessions(client, cast):
    Pairing.objects.filter(pk=cast.pairing.pk).update(status="ended", ended_on=timezone.localdate())
    client.force_login(cast.mentor)
    response = client.get(log_url(cast.pairing), follow=True)
    assert response.redirect_chain[-1][0] == cast.pairing.get_absolute_url()
    assert "has ended, so there are no more sessions to log" in text_of(response)

    response = client.post(log_url(cast.pairing), session(answer_be_of_service="Kept as typed."))
    page = text_of(response)
    assert "Meetings are logged for active or paused pairings only." in page
    assert ">\nKept as typed.</textarea>" in page
    assert not Meeting.objects.exists()


def test_a_pairing_not_yet_confirmed_waits_for_both_people(client, cast):
    Pairing.objects.filter(pk=cast.pairing.pk).update(status="proposed", started_on=None)
    client.force_login(cast.mentee)
    response = client.get(log_url(cast.pairing), follow=True)
    assert response.redirect_chain[-1][0] == cast.pairing.get_absolute_url()
    assert "You can log sessions once you are both paired." in text_of(response)


def test_a_paused_pairing_can_still_log_a_session(client, cast):
    Pairing.objects.filter(pk=cast.pairing.pk).update(status="paused")
    assert log_as(client, cast.mentee, cast.pairing, session()).status_code == HTTPStatus.FOUND
    assert Meeting.objects.count() == 1


def test_anyone_logged_out_is_sent_to_log_in_and_nothing_is_saved(client, cast):
    url = log_url(cast.pairing)
    for response in (client.get(url), client.post(url, session(answer_taking_away="x"))):
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(reverse("account_login"))
        assert f"next={url}" in response.url
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("who", ["other_mentor", "other_mentee", "director", "superuser"])
def test_nobody_else_can_open_or_post_the_log_form(client, cast, who):
    client.force_login(getattr(cast, who))
    url = log_url(cast.pairing)
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url, session(answer_taking_away="x")).status_code == HTTPStatus.NOT_FOUND
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("who", ["mentor", "mentee"])
def test_both_people_of_the_pairing_can_open_the_log_form(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(log_url(cast.pairing)).status_code == HTTPStatus.OK
