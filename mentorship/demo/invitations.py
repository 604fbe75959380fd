"""The demo's incoming class: interns starting on the first day of next year,
invited by the director, one or more in each state (sent, opened, joined,
expired), so the admin's list has something to follow and a visitor can join
as one of them from the printed link. A second run invites no one twice."""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from mentorship.invitations.models import Invitation
from mentorship.invitations.services import invitation_accept, invitation_create
from mentorship.mentees.models import MenteeProfile
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear

from .story_people import DEMO_PASSWORD

# name, address, what happened since the invitation went out
INCOMING = [
    ("Amara Obi", "amara.obi@example.com", "sent"),
    ("Ben Sato", "ben.sato@example.com", "sent"),
    ("Chloe Martin", "chloe.martin@example.com", "sent"),
    ("Diego Alvarez", "diego.alvarez@example.com", "opened"),
    ("Esi Mensah", "esi.mensah@example.com", "opened"),
    ("Felix Braun", "felix.braun@example.com", "joined"),
    ("Gita Sharma", "gita.sharma@example.com", "joined"),
    ("Hannah Cole", "hannah.cole@example.com", "expired"),
]

CURIOUS = {
    "felix.braun@example.com": "How people stay steady on nights, and regional blocks.",
    "gita.sharma@example.com": "Pediatric anesthesia, and how to ask good questions on rounds.",
}


def seed_invitations(program: Program, director: User, now: datetime) -> tuple[int, str]:
    """Invite the incoming class to `program`. Returns how many were invited now,
    and the join link (a path) of one who hasn't opened theirs yet."""
    year = AcademicYear.objects.for_day(program, timezone.localdate(now))
    first_day = year.ends_on + timedelta(days=1)
    here = {
        email.lower()
        for email in User.objects.filter(Q(email__in=[e for _, e, _ in INCOMING])).values_list(
            "email", flat=True
        )
    }
    made = 0
    for name, email, state in INCOMING:
        if email in here:
            continue
        invitation = invitation_create(
            program=program,
            email=email,
            name=name,
            level="intern",
            starts_on=first_day,
            by=director,
        )
        made += 1
        if state == "opened":
            Invitation.objects.filter(pk=invitation.pk).update(opened_at=now - timedelta(days=1))
        elif state == "joined":
            user = invitation_accept(invitation=invitation)
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            # They started on their profile, as the join page asks.
            MenteeProfile.objects.filter(user=user).update(curious_about=CURIOUS[email])
        elif state == "expired":
            Invitation.objects.filter(pk=invitation.pk).update(sent_at=now - timedelta(days=20))
    waiting = Invitation.objects.filter(program=program, email=INCOMING[0][1]).first()
    link = waiting.join_path() if waiting and waiting.state() == Invitation.State.SENT else ""
    return made, link
