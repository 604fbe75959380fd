"""Whether a mentee can ask a mentor now, and if not, why: for the mentor's page.

request_create in services.py enforces the same rules; this only explains them
before anyone fills in a form.
"""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile

from .models import MentorshipRequest, Pairing


@dataclass
class Asking:
    """Whether this person can ask this mentor now, and if not, why, in a sentence."""

    can_ask: bool
    reason: str = ""
    link: str = ""
    link_text: str = ""
    mentee: MenteeProfile | None = None


def asking_status(user: User, mentor: MentorProfile) -> Asking | None:
    """None when asking isn't a question at all: your own profile, or you don't look
    for a mentor. `mentor` comes with `open_places` and its programs prefetched."""
    if mentor.user_id == user.pk or not user.is_mentee:
        return None
    name = mentor.user.name
    mentee = (
        MenteeProfile.objects.filter(user=user)
        .select_related("program")
        .annotate(
            open_pairing=Subquery(
                Pairing.objects.open().filter(mentee=OuterRef("pk"), mentor=mentor).values("pk")[:1]
            ),
            pending_request=Subquery(
                MentorshipRequest.objects.pending()
                .filter(mentee=OuterRef("pk"), mentor=mentor)
                .values("pk")[:1]
            ),
            pending_count=Coalesce(
                Subquery(
                    MentorshipRequest.objects.pending()
                    .filter(mentee=OuterRef("pk"))
                    .order_by()
                    .values("mentee")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
        )
        .order_by("pk")
        .first()
    )
    if mentee is None:
        return Asking(
            False,
            f"Write your profile first: {name} will read it with your request.",
            reverse("mentees:profile_edit"),
            "Write your profile",
        )
    if not mentor.is_listed_in(mentee.program_id):
        return Asking(
            False,
            f"{name} mentors residents of another program, so you can't ask them here.",
            mentee=mentee,
        )
    if mentee.open_pairing:
        return Asking(
            False,
            f"You and {name} are already paired.",
            reverse("meetings:pairing", args=[mentee.open_pairing]),
            "Open your pairing",
            mentee,
        )
    if mentee.pending_request:
        return Asking(
            False,
            f"You have already asked {name}; your request is waiting for an answer.",
            reverse("pairings:request_detail", args=[mentee.pending_request]),
            "See your request",
            mentee,
        )
    if not mentor.accepting_new:
        return Asking(False, f"{name} isn't taking new mentees this season.", mentee=mentee)
    if mentor.open_places <= 0:
        return Asking(
            False,
            f"{name} has no open places right now. Places open up as pairings end, "
            "so you could ask again later, or find someone else in the directory.",
            reverse("mentors:directory"),
            "Back to the directory",
            mentee,
        )
    limit = mentee.program.max_pending_requests
    if mentee.pending_count >= limit:
        return Asking(
            False,
            f"You have {mentee.pending_count} requests waiting for an answer, the most "
            f"{mentee.program} allows at once. Withdraw one, or wait for an answer, "
            "before asking someone new.",
            reverse("pairings:request_list"),
            "See your requests",
            mentee,
        )
    return Asking(True, mentee=mentee)
