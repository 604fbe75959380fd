"""How pairs get going and keep going: days to match, days to the first meeting,
meetings against the target, where each active pair stands, commitments kept.

All of them read the same facts of the scope's pairs (PairFact), in two queries
however many pairs there are: the pairs' own dates, and their held meetings
grouped by pair (first, last, and how many in the year). The commitments are one
more grouped query, by pair, that the pairs' list reads too.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from django.db.models import Count, DurationField, ExpressionWrapper, F, Max, Min, Q
from django.db.models.functions import TruncDate

from mentorship.meetings.models import Commitment, Meeting
from mentorship.pairings.models import Pairing

from .base import (
    FIRST_MEETING_DAYS,
    QUARTER_DAYS,
    Scope,
    Status,
    Table,
    buckets,
    pairings,
    share,
)


@dataclass
class PairFact:
    """One pair of the scope, as the figures and the pairs' list read it: dates, counts
    and states only."""

    pk: int
    program_id: int
    status: str
    kind: str
    level: str
    started_on: date
    ended_on: date | None
    made_on: date  # the day the pairing was made
    wait: timedelta | None  # from the request to the pairing, when it came from one
    mentee: str
    mentor: str
    first_on: date | None = None  # first held meeting
    last_on: date | None = None  # last held meeting
    held: int = 0  # held in the year, up to its as_of day
    standing: str | None = None
    target: int = 0

    @property
    def last_met(self) -> date:
        """The last meeting, or the start when none was held (with_meeting_figures' last_met)."""
        return self.last_on or self.started_on


FACT_FIELDS = [
    "pk",
    "program_id",
    "status",
    "kind",
    "level",
    "started_on",
    "ended_on",
    "made_on",
    "wait",
    "mentee__user__name",
    "mentor__user__name",
]


def pair_facts(scope: Scope) -> list[PairFact]:
    """Every pair of the scope with its meetings' dates and its standing today."""
    # Dates and the wait worked out by the database: one value each to read, not two
    # time-zoned moments, for thousands of pairs.
    rows = pairings(scope).annotate(
        made_on=TruncDate("created_at"),
        wait=ExpressionWrapper(F("created_at") - F("request__created_at"), DurationField()),
    )
    facts = {row[0]: PairFact(*row) for row in rows.values_list(*FACT_FIELDS)}
    in_year = Q(starts_at__date__gte=scope.starts_on, starts_at__date__lte=scope.as_of)
    meetings = (
        Meeting.objects.held()
        .filter(pairing__in=pairings(scope).values("pk"))
        .values("pairing")
        .annotate(
            first=TruncDate(Min("starts_at")),
            last=TruncDate(Max("starts_at")),
            n=Count("pk", filter=in_year),
        )
        .order_by()
        .values_list("pairing", "first", "last", "n")
    )
    for pk, first_on, last_on, held in meetings:
        fact = facts[pk]
        fact.first_on, fact.last_on, fact.held = first_on, last_on, held
    for fact in facts.values():
        fact.target = scope.target_of(fact.program_id)
        fact.standing = standing(
            fact.status, fact.started_on, fact.last_on, fact.target, scope.today
        )
    return list(facts.values())


# --- days to match and to the first meeting ---------------------------------------


@dataclass
class DaysToMatch:
    days: list[int]

    @property
    def median(self) -> float | None:
        return median(self.days) if self.days else None

    def table(self) -> Table:
        bounds = [(7, "Within a week"), (14, "8 to 14 days"), (30, "15 to 30 days")]
        return Table(
            "Pairings made from a request, by days from asking to the pairing",
            ["Days to match", "Pairings"],
            buckets(self.days, [*bounds, (None, "Over 30 days")]),
        )


def days_to_match(scope: Scope, facts: list[PairFact] | None = None) -> DaysToMatch:
    """Days from a mentee's request to the pairing it became, for the pairings made
    from a request in the year (Match Day's and a director's have no asking to time)."""
    facts = pair_facts(scope) if facts is None else facts
    return DaysToMatch(
        sorted(
            max(f.wait.days, 0)
            for f in facts
            if f.wait is not None and f.made_on >= scope.starts_on
        )
    )


@dataclass
class FirstMeetings:
    days: list[int | None]  # days from the start to the first meeting; None: not met yet
    too_early: int  # started under 30 days ago and not met yet

    @property
    def decided(self) -> int:
        return len(self.days) - self.too_early

    @property
    def within(self) -> int:
        return sum(1 for d in self.days if d is not None and d <= FIRST_MEETING_DAYS)

    @property
    def pct(self) -> int | None:
        return share(self.within, self.decided)

    def table(self) -> Table:
        met = [d for d in self.days if d is not None]
        bounds = [(7, "Within a week"), (14, "8 to 14 days"), (30, "15 to 30 days")]
        rows = buckets(met, [*bounds, (60, "31 to 60 days"), (None, "Over 60 days")])
        rows.append(["Not met yet, started over 30 days ago", self.decided - len(met)])
        rows.append(["Not met yet, started under 30 days ago", self.too_early])
        return Table(
            "Pairs started this year, by days to their first meeting",
            ["Days to the first meeting", "Pairs"],
            rows,
        )


def first_meetings(scope: Scope, facts: list[PairFact] | None = None) -> FirstMeetings:
    """Of the pairs started in the year, how many days each took to meet first."""
    facts = pair_facts(scope) if facts is None else facts
    days, too_early = [], 0
    for f in facts:
        if f.started_on < scope.starts_on:
            continue
        if f.first_on is None:
            days.append(None)
            too_early += (scope.today - f.started_on).days < FIRST_MEETING_DAYS
        else:
            days.append(max((f.first_on - f.started_on).days, 0))
    return FirstMeetings(days, too_early)


# --- how often pairs meet -------------------------------------------------------

RHYTHM = [
    "No meeting yet",
    "Under half the target",
    "Half the target or more",
    "At the target or more",
    "Under a month: too early",
]


@dataclass
class Rhythm:
    """Each pair's meetings held this year against its program's target."""

    pairs: list[tuple[int, int, int]]  # (days it ran this year, meetings held, target days)

    @property
    def counted(self) -> list[tuple[int, int, int]]:
        """Pairs that ran a full three months this year: quarterly can be told."""
        return [p for p in self.pairs if p[0] >= QUARTER_DAYS]

    @property
    def quarterly(self) -> int:
        return sum(1 for days, held, _ in self.counted if held >= days // QUARTER_DAYS)

    @property
    def pct(self) -> int | None:
        return share(self.quarterly, len(self.counted))

    @property
    def per_year(self) -> float | None:
        """Meetings per pair per year, on average over pairs that ran a month or more."""
        rates = [held * 365 / days for days, held, _ in self.pairs if days >= 30]
        return round(sum(rates) / len(rates), 1) if rates else None

    @property
    def target_per_year(self) -> float | None:
        """The meetings a year the programs' targets ask for (the least demanding one's)."""
        targets = {target for _, _, target in self.pairs}
        return round(365 / max(targets), 1) if targets else None

    def table(self) -> Table:
        counts = dict.fromkeys(RHYTHM, 0)
        for days, held, target in self.pairs:
            expected = days / target
            if days < 30:
                key = RHYTHM[4]
            elif not held:
                key = RHYTHM[0]
            elif held >= expected:
                key = RHYTHM[3]
            else:
                key = RHYTHM[2] if held >= expected / 2 else RHYTHM[1]
            counts[key] += 1
        return Table(
            "Pairs by meetings held this year against the target",
            ["Meetings against the target", "Pairs"],
            [[k, v] for k, v in counts.items()],
        )


def rhythm(scope: Scope, facts: list[PairFact] | None = None) -> Rhythm:
    """Meetings each pair held in the year, and the days it ran in it (to its end or today)."""
    facts = pair_facts(scope) if facts is None else facts
    pairs = []
    for f in facts:
        start = max(f.started_on, scope.starts_on)
        end = min(f.ended_on or scope.as_of, scope.as_of)
        pairs.append((max((end - start).days + 1, 0), f.held, f.target))
    return Rhythm(pairs)


# --- where pairs stand today ----------------------------------------------------

ON_TRACK, CHECK_IN, TOO_EARLY = "on_track", "check_in", "too_early"
STANDING = {
    ON_TRACK: "On track",
    CHECK_IN: "Needs a check-in",
    TOO_EARLY: "Too early to say",
}


def standing(status: str, started_on, last_meeting_on, target: int, today: date) -> str | None:
    """Where an active pair stands: needs a check-in when the two last met (or
    started) more than the program's target days ago (Pairing.days_quiet's rule),
    too early when it hasn't met yet and started within the target; on track
    otherwise. None for a pair not active (paused or ended)."""
    if status != Status.ACTIVE:
        return None
    since = Pairing.days_since(status, last_meeting_on or started_on, today)
    if since is not None and since > target:
        return CHECK_IN
    return TOO_EARLY if last_meeting_on is None else ON_TRACK


@dataclass
class Standings:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def table(self) -> Table:
        return Table(
            "Active pairs by where they stand today",
            ["Where they stand", "Pairs"],
            [[STANDING[k], self.counts[k]] for k in STANDING],
        )


def standings(scope: Scope, facts: list[PairFact] | None = None) -> Standings:
    """Active pairs of the scope, by standing today."""
    facts = pair_facts(scope) if facts is None else facts
    counts = dict.fromkeys(STANDING, 0)
    for f in facts:
        if f.standing:
            counts[f.standing] += 1
    return Standings(counts)


# --- commitments ------------------------------------------------------------------


@dataclass
class Commitments:
    due: int
    kept: int
    overdue: dict[int, int]  # pairing id -> commitments open past their day (any year)

    @property
    def pct(self) -> int | None:
        return share(self.kept, self.due)

    def table(self) -> Table:
        return Table(
            "Commitments whose day has passed",
            ["Commitments", "Number"],
            [["Due by now", self.due], ["Done", self.kept], ["Not done yet", self.due - self.kept]],
        )


def commitments(scope: Scope) -> Commitments:
    """Commitments of the scope's pairs due in the year before today and how many are
    done; and each pair's overdue ones (open, their day passed), for its list."""
    due = Q(
        due_on__gte=scope.starts_on,
        due_on__lt=min(scope.today, scope.ends_on + timedelta(days=1)),
    )
    rows = (
        Commitment.objects.filter(pairing__in=pairings(scope).values("pk"))
        .values("pairing")
        .annotate(
            due=Count("pk", filter=due),
            kept=Count("pk", filter=due & Q(done_at__isnull=False)),
            overdue=Count("pk", filter=Q(done_at__isnull=True, due_on__lt=scope.today)),
        )
        .order_by()
    )
    rows = list(rows)
    return Commitments(
        due=sum(r["due"] for r in rows),
        kept=sum(r["kept"] for r in rows),
        overdue={r["pairing"]: r["overdue"] for r in rows if r["overdue"]},
    )
