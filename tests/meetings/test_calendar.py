"""Planning the next meeting, and its calendar file: for the two people only,
e-mailed to both, and it reads back with the right times and both attendees."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings.models import Meeting
from mentorship.pairings.models import Pairing
from tests.factories import make_pairing

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("America/Los_Angeles")


@pytest.fixture
def planned(sam, chen):
    """Dana and Sam meet next week at 07:30 Pacific, for 45 minutes."""
    pairing = make_pairing(chen, sam)
    day = timezone.localdate() + timedelta(days=7)
    return Meeting.objects.create(
        pairing=pairing,
        starts_at=datetime(day.year, day.month, day.day, 7, 30, tzinfo=TZ),
        minutes=45,
        format=Meeting.Format.WALK,
        place="The coffee cart by the OR entrance",
        status=Meeting.Status.PLANNED,
        logged_by=chen.user,
    )


def test_the_calendar_file_downloads_as_an_attachment(client, planned):
    client.force_login(planned.pairing.mentee.user)

    response = client.get(reverse("meetings:ics", args=[planned.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    day = planned.starts_at.date().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="mentorship-{day}.ics"'


def test_the_calendar_file_reads_back_with_start_end_and_both_people(client, planned):
    client.force_login(planned.pairing.mentor.user)

    response = client.get(reverse("meetings:ics", args=[planned.pk]))

    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == planned.starts_at
    assert event.decoded("dtend") == planned.starts_at + timedelta(minutes=45)
    attendees = sorted(str(a) for a in event.get("attendee"))
    assert attendees == ["mailto:chen@example.com", "mailto:sam@example.com"]
    assert str(event.get("location")) == "The coffee cart by the OR entrance"


def test_the_calendar_file_is_the_same_event_each_time(client, planned):
    client.force_login(planned.pairing.mentor.user)
    url = reverse("meetings:ics", args=[planned.pk])

    first = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")[0]
    second = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")[0]

    assert str(first["uid"]) == str(second["uid"])


def test_people_outside_the_pairing_get_no_calendar_file(
    client,
    planned,
    program,
    levin,
    director,
    noor,
):
    make_pairing(levin, noor)
    url = reverse("meetings:ics", args=[planned.pk])

    for stranger in (levin.user, noor.user, director):
        client.force_login(stranger)
        response = client.get(url)
        assert response.status_code == 404, stranger
        assert b"VCALENDAR" not in response.content


def test_signed_out_visitors_are_sent_to_log_in_for_the_calendar_file(client, planned):
    response = client.get(reverse("meetings:ics", args=[planned.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# --- planning ----------------------------------------------------------------


def plan_data(day: date, **overrides) -> dict:
    return {
        "date": day.isoformat(),
        "time": "07:30",
        "minutes": "45",
        "format": "walk",
        "place": "The coffee cart by the OR entrance",
        **overrides,
    }


def test_planning_a_meeting_emails_both_a_calendar_file_and_shows_it_first(
    client, pairing, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(pairing.mentee.user)
    day = timezone.localdate() + timedelta(days=5)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:plan", args=[pairing.pk]), plan_data(day), follow=True
        )

    assert response.redirect_chain[-1][0] == pairing.get_absolute_url()
    meeting = Meeting.objects.get(pairing=pairing)
    assert (meeting.status, meeting.minutes, meeting.format) == ("planned", 45, "walk")
    assert timezone.localtime(meeting.starts_at).date() == day
    assert sorted(address for message in mailoutbox for address in message.to) == [
        "chen@example.com",
        "sam@example.com",
    ]
    assert all(
        any(name.endswith(".ics") for name, *_ in message.attachments) for message in mailoutbox
    )
    text = response.content.decode()
    assert "Your next meeting is planned for" in text
    assert "We&#x27;ve e-mailed you and Dr Dana Chen a calendar file" in text
    assert "Your next meeting</h2>" in text
    assert f'href="{reverse("meetings:ics", args=[meeting.pk])}">Add to your calendar</a>' in text


def test_a_time_in_the_past_is_refused_and_everything_typed_stays(client, pairing):
    client.force_login(pairing.mentor.user)

    response = client.post(reverse("meetings:plan", args=[pairing.pk]), plan_data(date(2020, 1, 6)))

    text = response.content.decode()
    assert response.status_code == 200
    assert "That time has already passed; choose a day and time ahead." in text
    assert 'value="2020-01-06"' in text
    assert 'value="07:30"' in text
    assert 'value="45"' in text
    assert 'value="The coffee cart by the OR entrance"' in text
    assert 'value="walk" id="id_format_3" required checked' in text
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("minutes", "message"),
    [("3", "A meeting lasts at least 5 minutes."), ("600", "Keep it under 480 minutes")],
)
def test_a_length_out_of_range_is_refused_at_the_field(client, pairing, minutes, message):
    client.force_login(pairing.mentee.user)
    day = timezone.localdate() + timedelta(days=5)

    response = client.post(
        reverse("meetings:plan", args=[pairing.pk]), plan_data(day, minutes=minutes)
    )

    text = response.content.decode()
    assert message in text
    assert f'value="{minutes}"' in text
    assert f'value="{day.isoformat()}"' in text
    assert 'value="The coffee cart by the OR entrance"' in text
    assert not Meeting.objects.exists()


def test_a_paused_pairing_is_resumed_before_planning(client, sam, chen):
    paused = make_pairing(chen, sam, Pairing.Status.PAUSED)
    client.force_login(sam.user)

    response = client.get(reverse("meetings:plan", args=[paused.pk]), follow=True)

    assert response.redirect_chain[-1][0] == paused.get_absolute_url()
    assert "Resume it first, whenever you&#x27;re both ready." in response.content.decode()


def test_people_outside_the_pairing_cannot_plan_its_meetings(
    client,
    pairing,
    levin,
    director,
):
    url = reverse("meetings:plan", args=[pairing.pk])
    for stranger in (levin.user, director):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
        day = timezone.localdate() + timedelta(days=5)
        assert client.post(url, plan_data(day)).status_code == 404
    assert not Meeting.objects.exists()
