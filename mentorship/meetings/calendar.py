"""Calendar files for planned meetings, built with the icalendar library."""

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from mentorship.site import site_url

from .models import Meeting


def meeting_ics(meeting: Meeting, *, site: str | None = None) -> str:
    """One VEVENT with both people as attendees; the same UID every time, so a
    calendar updates the event instead of adding a second one. `site` is the
    address links start with: the one the e-mail was queued at, for the worker."""
    site = site or site_url()
    pairing = meeting.pairing
    mentor, mentee = pairing.mentor.user, pairing.mentee.user
    calendar = Calendar()
    calendar.add("prodid", "-//Mentorship program//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{site.split('://')[-1]}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", f"Mentorship: {mentor.name} and {mentee.name}")
    event.add(
        "description",
        f"{meeting.get_format_display()}, {meeting.minutes} minutes. "
        f"Your pairing: {site}{pairing.get_absolute_url()}",
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
