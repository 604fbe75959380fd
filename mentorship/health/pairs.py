"""The list behind the pairs' figures: each pair of the scope with its last meeting,
when the next is due, where it stands, its open flags and overdue commitments,
and the day of its last answered pulse (never the answer: pulses are totals only).

It reads the facts the figures read (figures.pair_facts) and the commitments'
counts by pair, sorts and filters them here, and asks the database only for the
shown pairs' flags and last pulses: two more queries, whatever the page.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Max
from django.utils import timezone

from mentorship.checkins.models import Checkin, Kind
from mentorship.checkins.totals import pairing_flags
from mentorship.pairings.models import Pairing
from mentorship.years.models import Level

from .figures import STANDING, PairFact, Scope, level_label

# ?sort= values, each read the way it is most useful first.
SORT_LABELS = {
    "mentee": "Mentee",
    "mentor": "Mentor",
    "level": "Level",
    "started": "Started",
    "last": "Last met",
    "overdue": "Overdue",
}
# ?pairs= values: a standing today, or every pair of the year.
SHOWS = {"": "Every pair of the year", **STANDING}
_LEVELS = {level: n for n, level in enumerate(Level.values)}


def sorted_pairs(
    facts: list[PairFact], overdue: dict[int, int], *, show: str = "", sort: str = "last"
) -> list[PairFact]:
    """The facts of one standing (all of them for ""), in the order asked for."""
    rows = [f for f in facts if f.standing == show] if show else list(facts)
    key = {
        "mentee": lambda f: (f.mentee, f.pk),
        "mentor": lambda f: (f.mentor, f.pk),
        "level": lambda f: (_LEVELS.get(f.level, 99), f.mentee, f.pk),
        "started": lambda f: (-f.started_on.toordinal(), f.pk),
        "last": lambda f: (f.last_met, f.pk),
        "overdue": lambda f: (-overdue.get(f.pk, 0), f.mentee, f.pk),
    }[sort]
    return sorted(rows, key=key)


def last_pulses(pairing_ids) -> dict[int, datetime]:
    """When each pair's last pulse was answered (either person): a date, never the answer."""
    rows = (
        Checkin.objects.filter(
            pairing__in=pairing_ids, kind=Kind.PULSE, status=Checkin.Status.ANSWERED
        )
        .values("pairing")
        .annotate(at=Max("answered_at"))
        .order_by()
    )
    return {r["pairing"]: r["at"] for r in rows}


@dataclass
class PairRow:
    fact: PairFact
    next_due: date | None
    flags: int
    overdue: int
    last_pulse_on: date | None

    @property
    def level_label(self) -> str:
        return level_label(self.fact.level)

    @property
    def status_label(self) -> str:
        return Pairing.Status(self.fact.status).label

    @property
    def kind_label(self) -> str:
        return Pairing.Kind(self.fact.kind).label

    @property
    def standing_label(self) -> str:
        return STANDING[self.fact.standing] if self.fact.standing else self.status_label


def described(facts: list[PairFact], overdue: dict[int, int], pairing_ids=None) -> list[PairRow]:
    """The rows shown: each with its next meeting due, open flags and last pulse.
    `pairing_ids` narrows the two look-ups (a subquery of every pair for a CSV)."""
    ids = [f.pk for f in facts] if pairing_ids is None else pairing_ids
    flags, pulses = pairing_flags(ids), last_pulses(ids)
    rows = []
    for f in facts:
        next_due = f.last_met + timedelta(days=f.target) if f.standing else None
        pulse_at = pulses.get(f.pk)
        rows.append(
            PairRow(
                f,
                next_due,
                flags.get(f.pk, 0),
                overdue.get(f.pk, 0),
                timezone.localdate(pulse_at) if pulse_at else None,
            )
        )
    return rows


CSV_HEADER = [
    "Mentee",
    "Mentor",
    "Level",
    "Mentor type",
    "Program",
    "Started",
    "Status",
    "Standing",
    "Meetings held this year",
    "Last met",
    "Next meeting due",
    "Last pulse answered",
    "Open flags",
    "Overdue commitments",
]


def csv_rows(scope: Scope, rows: list[PairRow]) -> list[list]:
    programs = {p.pk: p.name for p in scope.programs}
    return [
        [
            r.fact.mentee,
            r.fact.mentor,
            r.level_label,
            r.kind_label,
            programs[r.fact.program_id],
            r.fact.started_on,
            r.status_label,
            r.standing_label,
            r.fact.held,
            r.fact.last_on or "",
            r.next_due or "",
            r.last_pulse_on or "",
            r.flags,
            r.overdue,
        ]
        for r in rows
    ]
