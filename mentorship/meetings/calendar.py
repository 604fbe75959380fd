"""Calendar files for planned meetings, built with the icalendar library."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Meeting


def meeting_ics(meeting: Meeting) -> str:
    """One VEVENT with both people as attendees; the same UID every time, so a
    calendar updates the event instead of adding a second one."""
    pairing = meeting.pairing
    mentor, mentee = pairing.mentor.user, pairing.mentee.user
    calendar = Calendar()
    calendar.add("prodid", "-//Mentorship program//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{settings.SITE_URL.split('://')[-1]}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", f"Mentorship: {mentor.name} and {mentee.name}")
    event.add(
        "description",
        f"{meeting.get_format_display()}, {meeting.minutes} minutes. "
        f"Your pairing: {settings.SITE_URL}{pairing.get_absolute_url()}",
    )
    if meeting.place:
        event["location"] = vText(meeting.place)
    for person in (mentor, mentee):
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical().decode()
