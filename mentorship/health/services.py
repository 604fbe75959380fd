"""The dashboard's one write: a director's nudge to the pairs they chose."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from mentorship.meetings.emails import queue_email
from mentorship.meetings.models import Nudge
from mentorship.pairings.models import Pairing
from mentorship.site import absolute


def pairings_nudge(*, pairing_ids, by: User, now: datetime | None = None) -> int:
    """The quiet pairings' gentle e-mail (meetings' "pairing_quiet"), to both people
    of each active pairing among `pairing_ids` in the programs `by` directs. Others'
    ids, and pairings not active, are passed over. Returns how many pairs were nudged."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    chosen = (
        Pairing.objects.directed_by(by)
        .filter(pk__in=pairing_ids, status=Pairing.Status.ACTIVE)
        .with_meeting_figures()
        .select_related("program", "mentor__user", "mentee__user")
    )
    sent = 0
    with transaction.atomic():
        for pairing in chosen:
            days = pairing.days_since_met(today) or 0
            Nudge.objects.create(pairing=pairing, sent_at=now, days_quiet=days)
            for person, other in (
                (pairing.mentor.user, pairing.mentee.user),
                (pairing.mentee.user, pairing.mentor.user),
            ):
                queue_email(
                    "pairing_quiet",
                    to=[person],
                    pairing=pairing,
                    other=other,
                    days=days,
                    url=absolute(pairing.get_absolute_url()),
                )
            sent += 1
    return sent
