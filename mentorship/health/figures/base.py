"""What every figure reads: the Scope (programs, an academic year, a level, a
mentor type), the scope's pairings and residents, and the Table a figure prints."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from mentorship.pairings.models import Pairing
from mentorship.programs.models import Program
from mentorship.years.models import Appointment, Level

FIRST_MEETING_DAYS = 30
QUARTER_DAYS = 91
RESIDENT_LEVELS = [level for level in Level if level != Level.FACULTY]
Status = Pairing.Status


@dataclass(frozen=True)
class Scope:
    """Which rows a figure reads: the programs' pairs and residents of one academic
    year (from `starts_on` to `ends_on`), of one level and one mentor type ("" for all)."""

    programs: tuple[Program, ...]
    starts_on: date
    ends_on: date
    level: str = ""
    kind: str = ""
    today: date = field(default_factory=timezone.localdate)

    @property
    def program_ids(self) -> tuple[int, ...]:
        return tuple(p.pk for p in self.programs)

    @property
    def as_of(self) -> date:
        """The day the year's figures stand on: today, or the year's last day once over."""
        return min(self.today, self.ends_on)

    def target_of(self, program_id: int) -> int:
        return next(p.meeting_target_days for p in self.programs if p.pk == program_id)


@dataclass
class Table:
    """A figure's numbers as rows: the table beside its chart, and its CSV."""

    caption: str
    header: list[str]
    rows: list[list]


def share(part: int, whole: int) -> int | None:
    """A whole percentage, or None of nothing."""
    return round(100 * part / whole) if whole else None


def level_label(level: str) -> str:
    return Level(level).label if level in Level.values else "No level this year"


# --- the rows figures read ------------------------------------------------------


def pairings(scope: Scope):
    """Pairings of the scope that ran during its year (started by its end, not ended
    before its start), with `level`: the mentee's that year. Mentees without an
    appointment that year are not residents of it and are left out.

    The appointment is joined (one per person and year, and one year per program
    and first day, so one row at most), not looked up row by row."""
    rows = (
        Pairing.objects.filter(program__in=scope.program_ids)
        .exclude(status=Status.PROPOSED)
        .filter(started_on__lte=scope.as_of)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=scope.starts_on))
        .filter(
            mentee__user__appointments__year__program=F("program"),
            mentee__user__appointments__year__starts_on=scope.starts_on,
        )
        .annotate(level=F("mentee__user__appointments__level"))
        .order_by()  # figures add up; a list sorts for itself
    )
    if scope.level:
        rows = rows.filter(level=scope.level)
    if scope.kind:
        rows = rows.filter(kind=scope.kind)
    return rows


def mentored_on(scope: Scope, user: str = "user", program: str = "year__program") -> Exists:
    """The person at `user` had a mentor of the scope's type on its `as_of` day: a
    pairing started by then, active now or ended after it."""
    day = scope.as_of
    rows = Pairing.objects.filter(
        mentee__user=OuterRef(user), program=OuterRef(program), started_on__lte=day
    ).filter(Q(status=Status.ACTIVE) | Q(status=Status.ENDED, ended_on__gt=day))
    if scope.kind:
        rows = rows.filter(kind=scope.kind)
    return Exists(rows)


def residents(scope: Scope):
    """The residents of the year: the appointments of the programs' mentees in it."""
    rows = Appointment.objects.filter(
        year__program__in=scope.program_ids,
        year__starts_on=scope.starts_on,
        user__mentee_profile__program=F("year__program"),
    ).exclude(level=Level.FACULTY)
    if scope.level:
        rows = rows.filter(level=scope.level)
    return rows.annotate(mentored=mentored_on(scope))


def pct_text(value: int | None) -> str:
    return "" if value is None else f"{value}%"


def buckets(days: list[int], bounds: list[tuple[int | None, str]]) -> list[list]:
    """[label, how many of `days` fall in it] for each (highest day, label) in turn."""
    rows, low = [], -1
    for high, label in bounds:
        rows.append([label, sum(1 for d in days if d > low and (high is None or d <= high))])
        low = high if high is not None else low
    return rows
