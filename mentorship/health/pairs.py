"""The list behind the pairs' figures: each pair of the scope with its last meeting,
when the next is due, where it stands, its open flags and overdue commitments,
and the day of its last answered pulse (never the answer: pulses are totals only).

Sorted and filtered by the database, a page at a time; the flags are counted for
the page's pairs in one more query (mentorship.checkins.totals.pairing_flags).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import DateTimeField, F, Func, OuterRef, Subquery
from django.utils import timezone

from mentorship.checkins.models import Checkin, Kind
from mentorship.meetings.models import Commitment
from mentorship.subqueries import count_per

from .figures import STANDING, Scope, level_label, pairings, standing, standing_q

# ?sort= values: what each sorts by, first the way it reads best.
SORTS = {
    "mentee": ["mentee__user__name", "pk"],
    "mentor": ["mentor__user__name", "pk"],
    "level": ["level", "mentee__user__name", "pk"],
    "started": ["-started_on", "pk"],
    "last": [F("last_met").asc(nulls_first=True), "pk"],
    "overdue": ["-overdue", "mentee__user__name", "pk"],
}
SORT_LABELS = {
    "mentee": "Mentee",
    "mentor": "Mentor",
    "level": "Level",
    "started": "Started",
    "last": "Last met",
    "overdue": "Overdue commitments",
}
# ?pairs= values: a standing today, or every pair of the year.
SHOWS = {"": "Every pair of the year", **STANDING}


def last_pulse_at() -> Subquery:
    """When the pair's last pulse was answered (either person): a date, never the answer."""
    answered = (
        Checkin.objects.filter(
            pairing=OuterRef("pk"), kind=Kind.PULSE, status=Checkin.Status.ANSWERED
        )
        .order_by()
        .values(at=Func("answered_at", function="MAX", output_field=DateTimeField()))
    )
    return Subquery(answered)


def pair_rows(scope: Scope, *, show: str = "", sort: str = "last"):
    """The scope's pairs with their figures, sorted, filtered to one standing when asked."""
    rows = (
        pairings(scope)
        .with_meeting_figures()
        .annotate(
            overdue=count_per(Commitment.objects.overdue(scope.today), "pairing"),
            last_pulse_at=last_pulse_at(),
        )
        .select_related("mentor__user", "mentee__user", "program")
    )
    if show:
        rows = rows.filter(standing_q(scope, show))
    return rows.order_by(*SORTS[sort])


@dataclass
class PairRow:
    pairing: object
    level: str
    standing: str
    next_due: date | None
    flags: int

    @property
    def level_label(self) -> str:
        return level_label(self.level)

    @property
    def standing_label(self) -> str:
        if self.standing:
            return STANDING[self.standing]
        return self.pairing.get_status_display()


def described(pairings, flags: dict[int, int], today: date) -> list[PairRow]:
    """The page's rows, each with its standing and next meeting due."""
    rows = []
    for p in pairings:
        target = p.program.meeting_target_days
        where = standing(p.status, p.started_on, p.last_meeting_on, target, today)
        next_due = p.last_met + timedelta(days=target) if where and p.last_met else None
        rows.append(PairRow(p, p.level, where or "", next_due, flags.get(p.pk, 0)))
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
    "Meetings held",
    "Last met",
    "Next meeting due",
    "Last pulse answered",
    "Open flags",
    "Overdue commitments",
]


def csv_rows(rows: list[PairRow]) -> list[list]:
    return [
        [
            r.pairing.mentee.user.name,
            r.pairing.mentor.user.name,
            level_label(r.level),
            r.pairing.get_kind_display(),
            r.pairing.program.name,
            r.pairing.started_on,
            r.pairing.get_status_display(),
            r.standing_label,
            r.pairing.meetings_held or 0,
            r.pairing.last_meeting_on or "",
            r.next_due or "",
            timezone.localdate(r.pairing.last_pulse_at) if r.pairing.last_pulse_at else "",
            r.flags,
            r.pairing.overdue or 0,
        ]
        for r in rows
    ]
