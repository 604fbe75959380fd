"""The home page for every role: what waits on you first, then your pairings,
meetings and profiles; directors also see their programs' people."""

from datetime import timedelta

from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.models import User
from mentorship.checkins.models import Checkin, FollowUp
from mentorship.invitations.models import Invitation
from mentorship.meetings.models import Commitment, Meeting
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.rounds.models import Choice, Entrant, Round, Seat


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "dashboard/welcome.html")
    user = request.user
    if user.onboarded_at is None:
        return redirect("onboarding")
    context = {}
    if user.is_director:
        # The admin asks directors for two steps; nobody else's home mentions it.
        context["mfa_enabled"] = is_mfa_enabled(user)
        # Only the programs this director runs (all of them for a superuser).
        context["people"] = {
            **Membership.objects.directed_by(user).aggregate(
                mentors=Count("mentor", distinct=True, filter=Q(approved_at__isnull=False)),
                awaiting_approval=Count(
                    "mentor", distinct=True, filter=Q(approved_at__isnull=True)
                ),
            ),
            # Invited people are mentees from the day they are invited: counted
            # with those still waiting for a mentor, and apart as not yet joined.
            **MenteeProfile.objects.directed_by(user).aggregate(
                mentees=Count("pk"),
                without_mentor=Count(
                    "pk",
                    filter=~Exists(
                        Pairing.objects.running().filter(mentee=OuterRef("pk")).order_by()
                    ),
                ),
                not_joined=Count(
                    "pk",
                    filter=Exists(
                        Invitation.objects.waiting().filter(
                            user=OuterRef("user_id"), program=OuterRef("program_id")
                        )
                    ),
                ),
            ),
            # Pairings under way by the mentor's kind, and those waiting on a
            # director's approval, counted in one pass.
            **Pairing.objects.directed_by(user).aggregate(
                conflicts=Count(
                    "pk",
                    filter=Q(
                        status=Pairing.Status.PROPOSED,
                        needs_conflict_approval=True,
                        conflict_approved_at__isnull=True,
                    ),
                ),
                faculty_pairings=Count(
                    "pk",
                    filter=Q(status__in=Pairing.RUNNING_STATUSES, kind=Pairing.Kind.FACULTY),
                ),
                near_peer_pairings=Count(
                    "pk",
                    filter=Q(status__in=Pairing.RUNNING_STATUSES, kind=Pairing.Kind.NEAR_PEER),
                ),
                # Pairings with a "check in" task open (a low pulse, a request for
                # a new mentor): the same pass, no answer read.
                to_check_in=Count(
                    "pk",
                    filter=Exists(FollowUp.objects.open().filter(pairing=OuterRef("pk"))),
                ),
            ),
        }
    # One query per role, however many interests or programs the profiles have.
    if user.is_mentee:
        context["mentee_profile"] = (
            MenteeProfile.objects.filter(user=user).select_related("program").order_by("pk").first()
        )
    if user.is_mentor:
        context["mentor_profile"] = (
            MentorProfile.objects.with_open_places()
            .filter(user=user)
            .with_memberships()
            .order_by("pk")
            .first()
        )
    if user.is_mentee or user.is_mentor:
        context.update(_pairings_at_a_glance(user))
        context["match_days"] = _match_days(user)
    context["open_checkins"] = _open_checkins(user)
    return render(request, "dashboard/home.html", context)


def _with_meetings(pairings, now):
    """Each pairing with its next planned meeting (subqueries) and its meeting
    figures (Pairing.objects.with_meeting_figures: `last_meeting_on`, `last_met`)."""
    upcoming = Meeting.objects.filter(
        pairing=OuterRef("pk"), status=Meeting.Status.PLANNED, starts_at__gte=now
    ).order_by("starts_at", "pk")
    return pairings.with_meeting_figures().annotate(
        next_meeting_id=Subquery(upcoming.values("pk")[:1]),
        next_meeting_at=Subquery(upcoming.values("starts_at")[:1]),
    )


# The home page lists at most this many of each kind of thing waiting on you.
WAITING_SHOWN = 5
# Ended pairings stay on the home page for a closing reflection this long.
REFLECTION_DAYS = timedelta(days=90)


def _pairings_at_a_glance(user: User) -> dict:
    """What waits on this person (requests to answer, pairings to confirm,
    reflections to add), current pairings on each side with their next and last
    meetings, pending requests counted, and overdue commitments: three queries,
    each reading only this person's own few rows."""
    now, today = timezone.now(), timezone.localdate()
    # Open pairings (proposed or running), and those ended lately that may wait
    # for a reflection.
    pairings = Pairing.objects.involving(user).filter(
        Q(status__in=Pairing.OPEN_STATUSES)
        | Q(status=Pairing.Status.ENDED, ended_on__gte=today - REFLECTION_DAYS)
    )
    pairings = _with_meetings(pairings, now).select_related(
        "mentor__user", "mentee__user", "program"
    )
    mine, to_reflect = [], []
    for pairing in pairings.order_by("-started_on", "-created_at", "-pk"):
        side = pairing.side_of(user)
        pairing.other = pairing.other_person(user)
        if pairing.status == Pairing.Status.ENDED:
            if pairing.awaits_reflection_from(side):
                to_reflect.append(pairing)
            continue
        pairing.needs_my_yes = (
            pairing.status == Pairing.Status.PROPOSED
            and getattr(pairing, f"{side}_confirmed_at") is None
        )
        mine.append(pairing)
    to_reflect.sort(key=lambda p: (p.ended_on, p.pk), reverse=True)
    overdue = list(
        Commitment.objects.visible_to(user)
        .overdue(today)
        .filter(pairing__status__in=Pairing.RUNNING_STATUSES)
        .select_related("pairing__mentor__user", "pairing__mentee__user")
        .order_by("due_on", "pk")
    )
    for commitment in overdue:
        pairing = commitment.pairing
        commitment.owner_user = getattr(pairing, commitment.owner).user
        commitment.other_user = pairing.other_person(user).user
    # Every pending request of this person, oldest first, counted by who it waits on:
    # a person's own few (each mentee asks at most a few at a time, and requests
    # expire), read once by index instead of a count and a list.
    pending = {"asked": 0, "waiting": 0, "questions": 0}
    on_me = []
    for ask in (
        MentorshipRequest.objects.involving(user)
        .pending()
        .select_related("mentor__user", "mentee__user")
        .order_by("created_at", "pk")
    ):
        as_mentee = ask.side_of(user) == "mentee"
        if as_mentee:
            kind = "questions" if ask.awaiting_mentee else "asked"
        elif ask.awaiting_mentee:
            continue  # this mentor asked a question: it waits on the mentee
        else:
            kind = "waiting"
        pending[kind] += 1
        if kind != "asked":
            on_me.append(ask)
    return {
        "waiting_on_me": {
            "requests": on_me[:WAITING_SHOWN],
            "more_requests": max(len(on_me) - WAITING_SHOWN, 0),
            "confirmations": [p for p in mine if p.needs_my_yes],
            "reflections": to_reflect[:WAITING_SHOWN],
        },
        "mentors_of_mine": [p for p in mine if p.mentee.user_id == user.pk],
        "mentees_of_mine": [p for p in mine if p.mentor.user_id == user.pk],
        "pending": pending,
        "next_meetings": sorted(
            (p for p in mine if p.next_meeting_id and p.status == Pairing.Status.ACTIVE),
            key=lambda p: p.next_meeting_at,
        ),
        "quiet_pairings": [p for p in mine if p.days_quiet(today)],
        "overdue_commitments": overdue,
        "today": today,
    }


def _match_days(user: User) -> list[Round]:
    """The matching rounds this person is in, until published, with what each asks
    of them (`as_mentee`, `as_mentor`, `submitted_at`, `confirmed_at`, `listed`):
    one query, however many rounds or names."""
    entry = Entrant.objects.filter(round=OuterRef("pk"), mentee__user=user)
    seat = Seat.objects.filter(round=OuterRef("pk"), mentor__user=user)
    listed = (
        Choice.objects.filter(round=OuterRef("pk"), mentee__user=user)
        .order_by()
        .values("round")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return list(
        Round.objects.filter(
            state__in=[Round.State.COLLECTING, Round.State.CLOSED, Round.State.SOLVED]
        )
        .annotate(
            as_mentee=Exists(entry),
            as_mentor=Exists(seat),
            submitted_at=Subquery(entry.values("submitted_at")[:1]),
            confirmed_at=Subquery(seat.values("confirmed_at")[:1]),
            listed=Coalesce(Subquery(listed), Value(0)),
        )
        .filter(Q(as_mentee=True) | Q(as_mentor=True))
        .order_by("mentee_deadline", "pk")
    )


def _open_checkins(user: User) -> list[Checkin]:
    """This person's check-ins waiting for an answer, soonest to close first, with
    the pairing each is about: one query."""
    return list(
        Checkin.objects.of_person(user)
        .open()
        .select_related("program", "pairing__mentor__user", "pairing__mentee__user")
        .order_by("closes_on", "pk")
    )
