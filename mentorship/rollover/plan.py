"""What a rollover will do, worked out before anything changes.

`plan_for(program, to_year)` reads the year before `to_year` and says, for each
resident, where they go next (a level up, held back, extended, graduating or
leaving), which pairings end with graduation, which graduates were asked to
mentor as alumni and said yes, which mentors reconfirmed their places, and how
many of next year's people still need a mentor. The wizard, `manage.py rollover
--dry-run` and `rollover_apply` all read this one plan. It costs the same few
queries for 10 people or 1,000.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from accounts.models import User
from mentorship.mentors.models import MentorProfile
from mentorship.pairings.models import Pairing
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear, Appointment, Level

from .models import AlumniOffer, CapacityConfirmation, Rollover, RolloverChoice

# Where each level goes after a year; None: they graduate.
NEXT_LEVEL = {
    Level.INTERN: Level.CA1,
    Level.CA1: Level.CA2,
    Level.CA2: Level.CA3,
    Level.CA3: None,
    Level.FELLOW: None,
    Level.FACULTY: Level.FACULTY,
}
# Levels that may need a mentor: everyone but faculty.
MENTORED_LEVELS = [level for level in Level.values if level != Level.FACULTY]
LEVEL_NAMES = dict(Level.choices)
ENDS_WITH = (Appointment.Status.LEAVING, Appointment.Status.GRADUATED)


@dataclass
class Move:
    """One person's step into the next year."""

    user: User
    now: str
    next: str | None  # None: graduates or leaves
    status: str = Appointment.Status.ACTIVE
    expected_end: date | None = None
    choice: RolloverChoice | None = None
    already: Appointment | None = None  # a next-year appointment made elsewhere wins

    @property
    def now_display(self) -> str:
        return LEVEL_NAMES[self.now]

    @property
    def next_display(self) -> str:
        if self.already is not None:
            return LEVEL_NAMES[self.already.level]
        return LEVEL_NAMES[self.next] if self.next else "Graduates"


@dataclass
class MentorPlaces:
    profile: MentorProfile
    confirmation: CapacityConfirmation | None

    @property
    def reconfirmed(self) -> bool:
        return self.confirmation is not None and self.confirmation.confirmed_at is not None


@dataclass
class Plan:
    program: Program
    from_year: AcademicYear
    to_year: AcademicYear
    rollover: Rollover | None
    advances: list[Move] = field(default_factory=list)
    graduates: list[Move] = field(default_factory=list)
    leaving: list[Move] = field(default_factory=list)
    pairings_ending: list[Pairing] = field(default_factory=list)
    offers: dict[int, AlumniOffer] = field(default_factory=dict)  # by graduate's user id
    mentors: list[MentorPlaces] = field(default_factory=list)
    incoming: int = 0
    students: int = 0

    @property
    def held_back(self) -> list[Move]:
        return [m for m in self.advances if m.choice is not None]

    @property
    def alumni(self) -> list[AlumniOffer]:
        return [offer for offer in self.offers.values() if offer.accepted]

    @property
    def reconfirmed(self) -> list[MentorPlaces]:
        return [m for m in self.mentors if m.reconfirmed]

    @property
    def ending_user_ids(self) -> set[int]:
        return {m.user.pk for m in self.graduates + self.leaving}

    def figures(self) -> list[str]:
        """The plan in a few lines: what the wizard heads its page with, and what
        `manage.py rollover` prints."""
        asked = len(self.offers)
        return [
            f"{self.program.name}: from {self.from_year.label} into {self.to_year.label}, "
            f"on {self.to_year.starts_on:%-d %B %Y}.",
            f"Advance to the next level or stay: {len(self.advances)} "
            f"({len(self.held_back)} held back or extended by a director).",
            f"Graduate: {len(self.graduates)}.",
            f"Leave the program (already marked leaving): {len(self.leaving)}.",
            f"Pairings that end with graduation: {len(self.pairings_ending)} "
            "(both people are asked for a closing reflection).",
            f"Graduates asked to mentor as alumni: {asked}; said yes: {len(self.alumni)}.",
            f"Mentors who reconfirmed their places: {len(self.reconfirmed)} of {len(self.mentors)}.",
            f"Next year's people with no mentor yet: {self.incoming}.",
        ]


def year_before(to_year: AcademicYear) -> AcademicYear | None:
    return AcademicYear.objects.filter(
        program_id=to_year.program_id, ends_on=to_year.starts_on - timedelta(days=1)
    ).first()


def plan_for(program: Program, to_year: AcademicYear, rollover: Rollover | None = None) -> Plan:
    """The plan for moving `program` into `to_year`, with the choices of `rollover`
    (the program's rollover into that year, looked up when not given)."""
    if rollover is None and to_year.pk:
        rollover = Rollover.objects.filter(program=program, to_year=to_year).first()
    from_year = year_before(to_year) or AcademicYear(
        program=program,
        starts_on=to_year.starts_on.replace(year=to_year.starts_on.year - 1),
        ends_on=to_year.starts_on - timedelta(days=1),
    )
    plan = Plan(program=program, from_year=from_year, to_year=to_year, rollover=rollover)
    appointments = (
        list(
            Appointment.objects.filter(year=from_year).select_related("user").order_by("user__name")
        )
        if from_year.pk
        else []
    )
    choices = (
        {c.user_id: c for c in RolloverChoice.objects.filter(rollover=rollover)} if rollover else {}
    )
    already = {a.user_id: a for a in Appointment.objects.filter(year=to_year)} if to_year.pk else {}
    for appointment in appointments:
        move = _move(appointment, choices.get(appointment.user_id), already)
        if move is None:
            plan.students += 1
        elif appointment.status in ENDS_WITH:
            plan.leaving.append(move)
        elif move.next is None and move.already is None:
            plan.graduates.append(move)
        else:
            plan.advances.append(move)

    if ending := plan.ending_user_ids:
        plan.pairings_ending = list(
            Pairing.objects.running()
            .filter(program=program, mentee__user__in=ending)
            .select_related("mentor__user", "mentee__user")
            .order_by("mentee__user__name")
        )
    if rollover:
        plan.offers = {
            offer.user_id: offer
            for offer in AlumniOffer.objects.filter(
                rollover=rollover, user__in=[m.user.pk for m in plan.graduates]
            )
        }
    confirmations = (
        {c.user_id: c for c in CapacityConfirmation.objects.filter(year=to_year)}
        if to_year.pk
        else {}
    )
    plan.mentors = [
        MentorPlaces(profile=profile, confirmation=confirmations.get(profile.user_id))
        for profile in MentorProfile.objects.listed_in([program.pk])
        .exclude(user__in=plan.ending_user_ids)
        .select_related("user")
        .order_by("user__name")
    ]
    if to_year.pk:
        running = Pairing.objects.running().filter(program=program).values("mentee__user")
        plan.incoming = (
            Appointment.objects.filter(year=to_year, level__in=MENTORED_LEVELS)
            .exclude(user__in=running)
            .count()
        )
    return plan


def _move(
    appointment: Appointment, choice: RolloverChoice | None, already: dict[int, Appointment]
) -> Move | None:
    """Where this appointment goes next year; None for a medical student, who
    isn't carried over (a student joins the residency by invitation)."""
    if appointment.level == Level.STUDENT:
        return None
    move = Move(
        user=appointment.user,
        now=appointment.level,
        next=NEXT_LEVEL[appointment.level],
        already=already.get(appointment.user_id),
        choice=choice,
    )
    if choice is not None and appointment.status not in ENDS_WITH:
        move.next = appointment.level
        if choice.choice == RolloverChoice.Choice.EXTEND:
            move.status, move.expected_end = Appointment.Status.EXTENDED, choice.expected_end
    return move
