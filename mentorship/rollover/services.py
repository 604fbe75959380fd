"""Changes to a rollover, one function each: prepare it, choose for one person,
ask graduates and mentors, confirm, undo, and apply it on the year's first day."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from mentorship import emails
from mentorship.mentors.models import MAX_CAPACITY, Membership, MentorProfile
from mentorship.pairings.services import pairing_end
from mentorship.programs.models import Program
from mentorship.refusal import Refusal
from mentorship.site import absolute
from mentorship.years.models import AcademicYear, Appointment

from .models import AlumniOffer, CapacityConfirmation, Rollover, RolloverChoice, opens_on
from .plan import Plan, plan_for, year_before


class RolloverError(Refusal):
    pass


def next_year_of(program: Program, day: date | None = None) -> AcademicYear:
    """The program's year after the one `day` (today) falls in, made when missing."""
    this_year = AcademicYear.objects.for_day(program, day or timezone.localdate())
    return AcademicYear.objects.for_day(program, this_year.ends_on + timedelta(days=1))


def _require_open(to_year: AcademicYear, day: date | None = None) -> None:
    day = day or timezone.localdate()
    if day < opens_on(to_year.starts_on):
        raise RolloverError(
            f"Preparing {to_year.label} opens on {opens_on(to_year.starts_on):%-d %B %Y}.",
            code="not_open",
        )


def _lock_editable(rollover: Rollover) -> Rollover:
    rollover = (
        Rollover.objects.select_for_update(of=("self",))
        .select_related("to_year")
        .get(pk=rollover.pk)
    )
    if not rollover.is_editable:
        raise RolloverError(
            f"{rollover.to_year.label} has begun and the rollover is applied; "
            "change single appointments in the admin.",
            code="applied",
        )
    return rollover


@transaction.atomic
def rollover_prepare(*, program: Program, to_year: AcademicYear, by: User) -> Rollover:
    """The program's rollover into `to_year`, made as a draft the first time."""
    _require_open(to_year)
    rollover, _ = Rollover.objects.get_or_create(program=program, to_year=to_year)
    return rollover


@transaction.atomic
def rollover_choose(
    *,
    rollover: Rollover,
    user: User,
    choice: str,
    by: User,
    expected_end: date | None = None,
    reason: str = "",
) -> RolloverChoice | None:
    """Hold one person back, extend them, or ("advance") take the choice away."""
    rollover = _lock_editable(rollover)
    from_year = year_before(rollover.to_year)
    if from_year is None or not Appointment.objects.filter(user=user, year=from_year).exists():
        raise RolloverError("This person has no appointment this year.", code="not_appointed")
    if choice == "advance":
        RolloverChoice.objects.filter(rollover=rollover, user=user).delete()
        return None
    if choice not in RolloverChoice.Choice.values:
        raise RolloverError("Choose hold back, extend or advance.", code="bad_choice")
    if choice == RolloverChoice.Choice.EXTEND:
        if expected_end is None:
            raise RolloverError("Give the new expected end of the extension.", code="no_end")
        if expected_end <= rollover.to_year.starts_on:
            raise RolloverError(
                f"The new expected end comes after {rollover.to_year.starts_on:%-d %B %Y}.",
                code="end_too_early",
            )
    else:
        expected_end = None
    made, _ = RolloverChoice.objects.update_or_create(
        rollover=rollover,
        user=user,
        defaults={"choice": choice, "expected_end": expected_end, "reason": reason, "made_by": by},
    )
    return made


@transaction.atomic
def rollover_ask_alumni(*, rollover: Rollover, by: User) -> int:
    """Ask each graduate not asked yet, by e-mail, whether they'd mentor as alumni."""
    rollover = _lock_editable(rollover)
    plan = plan_for(rollover.program, rollover.to_year, rollover)
    now = timezone.now()
    new = [
        AlumniOffer(rollover=rollover, user=move.user, asked_at=now)
        for move in plan.graduates
        if move.user.pk not in plan.offers
    ]
    AlumniOffer.objects.bulk_create(new, ignore_conflicts=True)
    for offer in AlumniOffer.objects.filter(
        rollover=rollover, user__in=[o.user for o in new]
    ).select_related("user"):
        emails.queue_email(
            "rollover/email/alumni_ask",
            to=[offer.user],
            program=rollover.program,
            offer=offer,
            url=absolute(offer.get_absolute_url()),
        )
    return len(new)


@transaction.atomic
def rollover_ask_capacity(*, rollover: Rollover, by: User) -> int:
    """Ask each listed mentor not asked yet how many mentees they can take next year."""
    rollover = _lock_editable(rollover)
    plan = plan_for(rollover.program, rollover.to_year, rollover)
    now = timezone.now()
    new = [
        CapacityConfirmation(user=m.profile.user, year=rollover.to_year, asked_at=now)
        for m in plan.mentors
        if m.confirmation is None
    ]
    CapacityConfirmation.objects.bulk_create(new, ignore_conflicts=True)
    for confirmation in CapacityConfirmation.objects.filter(
        year=rollover.to_year, user__in=[c.user for c in new]
    ).select_related("user", "year"):
        emails.queue_email(
            "rollover/email/capacity_ask",
            to=[confirmation.user],
            program=rollover.program,
            confirmation=confirmation,
            url=absolute(confirmation.get_absolute_url()),
        )
    return len(new)


@transaction.atomic
def alumni_answer(*, offer: AlumniOffer, by: User, accepted: bool) -> AlumniOffer:
    """The graduate says yes or no; they may change their mind until the year begins."""
    offer = (
        AlumniOffer.objects.select_for_update(of=("self",))
        .select_related("rollover")
        .get(pk=offer.pk)
    )
    if offer.user_id != by.pk:
        raise RolloverError("Only the person asked can answer.", code="not_yours")
    if offer.rollover.state == Rollover.State.APPLIED:
        raise RolloverError("The new year has begun; write to your program director.", code="late")
    offer.accepted, offer.answered_at = accepted, timezone.now()
    offer.save(update_fields=["accepted", "answered_at"])
    return offer


@transaction.atomic
def capacity_confirm(
    *, confirmation: CapacityConfirmation, by: User, capacity: int
) -> CapacityConfirmation:
    confirmation = CapacityConfirmation.objects.select_for_update().get(pk=confirmation.pk)
    if confirmation.user_id != by.pk:
        raise RolloverError("Only the mentor asked can answer.", code="not_yours")
    if not 0 <= capacity <= MAX_CAPACITY:
        raise RolloverError(f"Choose a number from 0 to {MAX_CAPACITY}.", code="capacity_range")
    confirmation.capacity, confirmation.confirmed_at = capacity, timezone.now()
    confirmation.save(update_fields=["capacity", "confirmed_at"])
    return confirmation


@transaction.atomic
def rollover_confirm(*, rollover: Rollover, by: User) -> Rollover:
    """Schedule the rollover for the year's first day."""
    rollover = _lock_editable(rollover)
    _require_open(rollover.to_year)
    if rollover.state == Rollover.State.SCHEDULED:
        raise RolloverError("This rollover is already scheduled.", code="already_scheduled")
    rollover.state, rollover.confirmed_by, rollover.confirmed_at = (
        Rollover.State.SCHEDULED,
        by,
        timezone.now(),
    )
    rollover.save(update_fields=["state", "confirmed_by", "confirmed_at"])
    return rollover


@transaction.atomic
def rollover_undo(*, rollover: Rollover, by: User) -> Rollover:
    """Take a scheduled rollover off the calendar; its choices and answers stay."""
    rollover = _lock_editable(rollover)
    if rollover.state != Rollover.State.SCHEDULED:
        raise RolloverError("Only a scheduled rollover can be undone.", code="not_scheduled")
    rollover.state = Rollover.State.UNDONE
    rollover.save(update_fields=["state"])
    return rollover


@dataclass
class Applied:
    appointments: int = 0
    graduated: int = 0
    pairings_ended: int = 0
    alumni: int = 0
    capacities: int = 0

    def __str__(self):
        return (
            f"{self.appointments} appointments made, {self.graduated} graduated, "
            f"{self.pairings_ended} pairings ended, {self.alumni} alumni mentors, "
            f"{self.capacities} capacities updated."
        )


@transaction.atomic
def rollover_apply(*, rollover: Rollover, day: date | None = None) -> Applied:
    """Apply a scheduled rollover on or after its year's first day. Each step
    makes only what is missing, and an applied rollover is left alone, so a
    second run (or two at once: the row is locked) changes nothing."""
    day = day or timezone.localdate()
    rollover = (
        Rollover.objects.select_for_update(of=("self",))
        .select_related("program", "to_year")
        .get(pk=rollover.pk)
    )
    done = Applied()
    if rollover.state != Rollover.State.SCHEDULED or day < rollover.to_year.starts_on:
        return done
    plan = plan_for(rollover.program, rollover.to_year, rollover)
    done.appointments = _appoint(plan)
    done.graduated = (
        Appointment.objects.filter(
            year=plan.from_year, user__in=[m.user.pk for m in plan.graduates]
        )
        .exclude(status=Appointment.Status.GRADUATED)
        .update(status=Appointment.Status.GRADUATED, updated_at=timezone.now())
    )
    by = _acting_director(rollover)
    for pairing in plan.pairings_ending:
        pairing_end(
            pairing=pairing,
            by=by,
            reason=f"Graduation: the program moved into {rollover.to_year.label}.",
        )
        done.pairings_ended += 1
    done.alumni = _make_alumni(plan, by)
    done.capacities = _update_capacities(plan)
    rollover.state, rollover.applied_at = Rollover.State.APPLIED, timezone.now()
    rollover.save(update_fields=["state", "applied_at"])
    return done


def rollovers_apply_due(day: date | None = None) -> list[tuple[Rollover, Applied]]:
    """Apply every scheduled rollover whose year has begun: the daily job."""
    day = day or timezone.localdate()
    return [
        (rollover, rollover_apply(rollover=rollover, day=day))
        for rollover in Rollover.objects.due(day).select_related("program", "to_year")
    ]


def _appoint(plan: Plan) -> int:
    before = Appointment.objects.filter(year=plan.to_year).count()
    Appointment.objects.bulk_create(
        [
            Appointment(
                user=move.user,
                year=plan.to_year,
                level=move.next,
                status=move.status,
                expected_end=move.expected_end,
            )
            for move in plan.advances
            if move.already is None
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    return Appointment.objects.filter(year=plan.to_year).count() - before


def _acting_director(rollover: Rollover) -> User:
    """Pairings end in the name of the director who confirmed, while they still
    direct the program; otherwise of another of its directors."""
    directors = rollover.program.directors.order_by("pk")
    if rollover.confirmed_by and directors.filter(pk=rollover.confirmed_by.pk).exists():
        return rollover.confirmed_by
    return directors.first() or User.objects.filter(is_superuser=True).order_by("pk").first()


def _make_alumni(plan: Plan, by: User) -> int:
    """Graduates who said yes mentor in the program from now on: a profile when
    they have none, listed in the program (the director asked them)."""
    users = [offer.user_id for offer in plan.alumni]
    if not users:
        return 0
    User.objects.filter(pk__in=users, is_mentor=False).update(is_mentor=True)
    have = set(MentorProfile.objects.filter(user__in=users).values_list("user_id", flat=True))
    MentorProfile.objects.bulk_create(
        [
            MentorProfile(user_id=pk, title="Program alumni", capacity=1)
            for pk in users
            if pk not in have
        ],
        ignore_conflicts=True,
    )
    now = timezone.now()
    profiles = MentorProfile.objects.filter(user__in=users).values_list("pk", flat=True)
    before = Membership.objects.filter(mentor__in=profiles, program=plan.program).count()
    Membership.objects.bulk_create(
        [
            Membership(mentor_id=pk, program=plan.program, approved_at=now, approved_by=by)
            for pk in profiles
        ],
        ignore_conflicts=True,
    )
    return Membership.objects.filter(mentor__in=profiles, program=plan.program).count() - before


def _update_capacities(plan: Plan) -> int:
    changed = 0
    for places in plan.reconfirmed:
        capacity = places.confirmation.capacity
        changed += (
            MentorProfile.objects.filter(pk=places.profile.pk)
            .exclude(capacity=capacity)
            .update(capacity=capacity)
        )
    return changed
