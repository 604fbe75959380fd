"""The demo's near-peer pairing: Noor, a CA-3 and chief resident who mentors, and
Ana, a CA-1 who asked her about the first year. Noor's pairing with Jordan (a CA-2,
proposed by the director) is near-peer too: both kinds come from Noor's CA-3
appointment this year, through the same services as any pairing. A second run
adds nothing."""

from datetime import timedelta

from django.utils import timezone

from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest, Pairing

ANA_ASKS_NOOR = {
    "drew_you": "You said you remember your intern year well. I'm a few months into "
    "mine and would love to hear how you got through the first winter.",
    "explore": "How to find my people in the program, and how to ask for help on call "
    "without feeling I'm bothering anyone.",
    "help_now": "My first month of nights starts soon.",
    "reply": "Yes, gladly. The first winter is the hardest; let's have coffee after "
    "Thursday's conference and make a plan for your nights.",
}
STARTED_DAYS_AGO = 21


def seed_near_peers(now) -> tuple[int, int]:
    """Ana asks Noor and Noor says yes, three weeks ago: a near-peer pairing, under
    way. Returns how many requests and pairings it made."""
    noor = MentorProfile.objects.filter(user__email="both@example.com").first()
    ana = MenteeProfile.objects.filter(user__email="mentee2@example.com").first()
    if (
        noor is None
        or ana is None
        or MentorshipRequest.objects.filter(mentor=noor, mentee=ana).exists()
    ):
        return 0, 0
    request = services.request_create(
        mentee=ana,
        mentor=noor,
        by=ana.user,
        drew_you=ANA_ASKS_NOOR["drew_you"],
        explore=ANA_ASKS_NOOR["explore"],
        help_now=ANA_ASKS_NOOR["help_now"],
    )
    pairing = services.request_accept(request=request, by=noor.user, reply=ANA_ASKS_NOOR["reply"])
    started = now - timedelta(days=STARTED_DAYS_AGO)
    MentorshipRequest.objects.filter(pk=request.pk).update(
        created_at=started - timedelta(days=2), closed_at=started
    )
    Pairing.objects.filter(pk=pairing.pk).update(
        created_at=started,
        mentor_confirmed_at=started,
        mentee_confirmed_at=started,
        started_on=timezone.localdate(now) - timedelta(days=STARTED_DAYS_AGO),
    )
    return 1, 1
