"""May this mentee ask this mentor now? The rules, once.

`obstacle()` names the first reason they may not, as a code, or None. The
request service (services/requests.py) enforces it, under a lock, with a
refusal; a mentor's page explains it, before anyone fills in a form, with a
sentence and a link (`asking_status()`). Both read the same facts, gathered by
`with_asking_facts()` in one query.
"""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.directory import NEAR_PEER_LEVELS, near_peer_levels_for
from mentorship.mentors.models import MentorProfile
from mentorship.years.models import Appointment

from .models import MentorshipRequest, Pairing


def with_asking_facts(mentees: QuerySet, mentor: MentorProfile) -> QuerySet:
    """Mentees with what obstacle() reads of them: `open_pairing` and
    `pending_request` with this mentor (ids or None), and `pending_count`, their
    requests waiting for an answer from anyone; `appointed_level`, their level this
    year (None without an appointment), and `mentor_near_peer_level`, this mentor's
    when they are a near-peer in the mentee's program (None for faculty)."""
    pending = MentorshipRequest.objects.pending().filter(mentee=OuterRef("pk"))
    this_year = Appointment.objects.current().filter(year__program=OuterRef("program"))
    return mentees.annotate(
        appointed_level=Subquery(this_year.filter(user=OuterRef("user")).values("level")[:1]),
        mentor_near_peer_level=Subquery(
            this_year.filter(user=mentor.user_id, level__in=NEAR_PEER_LEVELS).values("level")[:1]
        ),
        open_pairing=Subquery(
            Pairing.objects.open().filter(mentee=OuterRef("pk"), mentor=mentor).values("pk")[:1]
        ),
        pending_request=Subquery(pending.filter(mentor=mentor).values("pk")[:1]),
        pending_count=Coalesce(
            Subquery(
                pending.order_by().values("mentee").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        ),
    )


def obstacle(mentee: MenteeProfile, mentor: MentorProfile) -> str | None:
    """The first reason this mentee may not ask this mentor now, or None.

    `mentee` comes from with_asking_facts() with its program; `mentor` with
    `open_places` (MentorProfile.objects.with_open_places()) and its memberships."""
    if not mentor.is_listed_in(mentee.program_id):
        return "not_listed"
    if mentee.open_pairing:
        return "already_paired"
    if mentee.pending_request:
        return "already_pending"
    if not mentor.accepting_new:
        return "not_accepting"
    if mentor.open_places <= 0:
        return "no_open_places"
    if mentee.pending_count >= mentee.program.max_pending_requests:
        return "too_many_pending"
    if (near_peer := mentee.mentor_near_peer_level) and near_peer not in near_peer_levels_for(
        mentee.appointed_level or mentee.training_level
    ):
        return "near_peer_not_ahead"
    return None


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
    for a mentor. `mentor` comes with `open_places` and its memberships prefetched."""
    if mentor.user_id == user.pk or not user.is_mentee:
        return None
    name = mentor.user.name
    mentees = MenteeProfile.objects.filter(user=user).select_related("program")
    mentee = with_asking_facts(mentees, mentor).order_by("pk").first()
    if mentee is None:
        return Asking(
            False,
            f"Write your profile first: {name} will read it with your request.",
            reverse("mentees:profile_edit"),
            "Write your profile",
        )
    match obstacle(mentee, mentor):
        case None:
            return Asking(True, mentee=mentee)
        case "not_listed":
            return Asking(
                False,
                f"{name} mentors residents of another program, so you can't ask them here.",
                mentee=mentee,
            )
        case "already_paired":
            return Asking(
                False,
                f"You and {name} are already paired.",
                reverse("meetings:pairing", args=[mentee.open_pairing]),
                "Open your pairing",
                mentee,
            )
        case "already_pending":
            return Asking(
                False,
                f"You have already asked {name}; your request is waiting for an answer.",
                reverse("pairings:request_detail", args=[mentee.pending_request]),
                "See your request",
                mentee,
            )
        case "not_accepting":
            return Asking(False, f"{name} isn't taking new mentees this season.", mentee=mentee)
        case "no_open_places":
            return Asking(
                False,
                f"{name} has no open places right now. Places open up as pairings end, "
                "so you could ask again later, or find someone else in the directory.",
                reverse("mentors:directory"),
                "Back to the directory",
                mentee,
            )
        case "too_many_pending":
            return Asking(
                False,
                f"You have {mentee.pending_count} requests waiting for an answer, the most "
                f"{mentee.program} allows at once. Withdraw one, or wait for an answer, "
                "before asking someone new.",
                reverse("pairings:request_list"),
                "See your requests",
                mentee,
            )
        case "near_peer_not_ahead":
            return Asking(
                False,
                f"{name} is a near-peer mentor for residents earlier in training than "
                "they are, so you can't ask them. A mentor further along could help you more.",
                reverse("mentors:directory"),
                "Back to the directory",
                mentee,
            )
