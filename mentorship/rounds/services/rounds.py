"""A round's life: opened (its people fixed, everyone told), closed, reopened,
reminded two days before each deadline, archived."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings.models import Pairing
from mentorship.site import absolute
from mentorship.years.models import Appointment

from ..emails import queue_email
from ..models import Entrant, Round, Seat
from .changes import RoundError, lock_round, require_director, require_state

REMIND_DAYS_BEFORE = 2


def cohort_mentees(round: Round):
    """The mentees a round gathers: the cohort's, less those who have a mentor now."""
    mentees = MenteeProfile.objects.filter(program=round.program, user__is_active=True)
    if round.cohort == Round.Cohort.LEVEL:
        appointments = Appointment.objects.filter(
            user=OuterRef("user"),
            level=round.level,
            status__in=[Appointment.Status.ACTIVE, Appointment.Status.EXTENDED],
        )
        if round.year_id:
            appointments = appointments.filter(year=round.year_id)
        else:
            appointments = appointments.filter(year__program=round.program).current()
        mentees = mentees.filter(Exists(appointments))
    with_mentor = Pairing.objects.open().filter(mentee=OuterRef("pk"))
    return mentees.exclude(Exists(with_mentor))


def round_mentors(round: Round):
    """The mentors a round offers: approved in the program and taking new mentees."""
    return MentorProfile.objects.listed_in([round.program_id]).filter(
        accepting_new=True, user__is_active=True
    )


@transaction.atomic
def round_open(*, round: Round, by: User) -> Round:
    """Draft to collecting: the round's mentees and mentors are fixed, and each is told."""
    round = lock_round(round)
    require_director(by, round)
    require_state(round, Round.State.DRAFT, message="Only a draft round can be opened.")
    if round.cohort == Round.Cohort.LEVEL and not round.level:
        raise RoundError("Choose the level of the residents this round is for.", code="no_level")
    mentees = list(cohort_mentees(round).select_related("user"))
    if not mentees:
        raise RoundError(
            f"Nobody is in this round's cohort ({round.cohort_described}) without a mentor.",
            code="no_mentees",
        )
    mentors = list(round_mentors(round).select_related("user"))
    if not mentors:
        raise RoundError(
            f"No approved mentor in {round.program} is taking new mentees.", code="no_mentors"
        )
    Entrant.objects.bulk_create([Entrant(round=round, mentee=m) for m in mentees])
    Seat.objects.bulk_create([Seat(round=round, mentor=m) for m in mentors])
    round.state, round.opened_at = Round.State.COLLECTING, timezone.now()
    round.save(update_fields=["state", "opened_at"])
    queue_email(
        "opened_mentee",
        to=[m.user for m in mentees],
        round=round,
        url=absolute(round_url(round)),
    )
    queue_email(
        "opened_mentor",
        to=[m.user for m in mentors],
        round=round,
        url=absolute(round_url(round)),
    )
    return round


def round_url(round: Round) -> str:
    return reverse("rounds:mine", args=[round.pk])


@transaction.atomic
def round_close(*, round: Round, by: User) -> Round:
    """Collecting to closed: lists stop changing, the check and the run can begin."""
    round = lock_round(round)
    require_director(by, round)
    require_state(round, Round.State.COLLECTING, message="Only a round collecting lists closes.")
    round.state = Round.State.CLOSED
    round.save(update_fields=["state"])
    return round


@transaction.atomic
def round_reopen(*, round: Round, by: User) -> Round:
    """Closed or solved back to collecting, before publishing: lists can change again."""
    round = lock_round(round)
    require_director(by, round)
    require_state(
        round,
        Round.State.CLOSED,
        Round.State.SOLVED,
        message="A published round can't take lists again.",
    )
    round.state = Round.State.COLLECTING
    round.save(update_fields=["state"])
    return round


@transaction.atomic
def round_archive(*, round: Round, by: User) -> Round:
    round = lock_round(round)
    require_director(by, round)
    require_state(
        round,
        Round.State.DRAFT,
        Round.State.PUBLISHED,
        message="Archive a round once it is published (or while it is still a draft).",
    )
    round.state = Round.State.ARCHIVED
    round.save(update_fields=["state"])
    return round


def reminders_send_due(day=None) -> int:
    """Two days before each deadline, a reminder to everyone in a collecting round
    whose part is still to do: mentees without a sent list, mentors who haven't
    confirmed their places. Each is reminded once per round."""
    day = day or timezone.localdate()
    sent = 0
    due = day + timedelta(days=REMIND_DAYS_BEFORE)
    for round in Round.objects.collecting().filter(mentee_deadline__lte=due):
        with transaction.atomic():
            entrants = list(
                round.entrants.select_for_update(of=("self",))
                .filter(reminded_at__isnull=True, submitted_at__isnull=True)
                .select_related("mentee__user")
            )
            if day <= round.mentee_deadline and entrants:
                round.entrants.filter(pk__in=[e.pk for e in entrants]).update(
                    reminded_at=timezone.now()
                )
                queue_email(
                    "reminder_mentee",
                    to=[e.mentee.user for e in entrants],
                    round=round,
                    url=absolute(round_url(round)),
                )
                sent += len(entrants)
    for round in Round.objects.collecting().filter(mentor_deadline__lte=due):
        with transaction.atomic():
            seats = list(
                round.seats.select_for_update(of=("self",))
                .filter(reminded_at__isnull=True, confirmed_at__isnull=True)
                .select_related("mentor__user")
            )
            if day <= round.mentor_deadline and seats:
                round.seats.filter(pk__in=[s.pk for s in seats]).update(reminded_at=timezone.now())
                queue_email(
                    "reminder_mentor",
                    to=[s.mentor.user for s in seats],
                    round=round,
                    url=absolute(round_url(round)),
                )
                sent += len(seats)
    return sent
