"""The program's health in figures: who has a mentor, how soon pairs meet and how
often, what they keep of their word, and how far an incoming class has come.

Every figure reads one Scope (programs, an academic year, a level, a mentor type)
and costs a fixed number of queries, however large the programs: counts are
grouped by the database, and the few medians and shares that need each row's
dates read one list of dates. Only metadata is read (dates, counts, states):
never a note, a request's words or a reflection. The check-in figures (pulse,
response) come from mentorship.checkins.totals, which keeps answers to totals.

Each figure returns its rows as a Table, so the page's table beside its chart,
its CSV and a later annual report all print the same numbers.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median

from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, Subquery
from django.utils import timezone

from mentorship.checkins import totals
from mentorship.checkins.models import SCALE_LABELS
from mentorship.invitations.models import Invitation
from mentorship.meetings.models import Commitment, Meeting
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


def mentee_level(scope: Scope, user: str = "mentee__user", program: str = "program") -> Subquery:
    """The level of the mentee at `user` in the scope's year of `program` (their
    appointment), for pairings and other rows reached from a mentee."""
    return Subquery(
        Appointment.objects.filter(
            user=OuterRef(user), year__program=OuterRef(program), year__starts_on=scope.starts_on
        ).values("level")[:1]
    )


def pairings(scope: Scope):
    """Pairings of the scope that ran during its year (started by its end, not ended
    before its start), with `level`: the mentee's that year. Mentees without an
    appointment that year are not residents of it and are left out."""
    rows = (
        Pairing.objects.filter(program__in=scope.program_ids)
        .exclude(status=Status.PROPOSED)
        .filter(started_on__lte=scope.as_of)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=scope.starts_on))
        .annotate(level=mentee_level(scope))
        .filter(level__isnull=False)
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


# --- coverage -------------------------------------------------------------------


@dataclass
class Coverage:
    residents: int
    mentored: int
    by_level: list[tuple[str, int, int]]  # (level, residents, with a mentor)

    @property
    def pct(self) -> int | None:
        return share(self.mentored, self.residents)

    def table(self) -> Table:
        rows = [[level_label(level), n, m, _pct(share(m, n))] for level, n, m in self.by_level]
        rows.append(["Every level", self.residents, self.mentored, _pct(self.pct)])
        return Table(
            "Residents with a mentor, by level",
            ["Level", "Residents", "With a mentor", "Share"],
            rows,
        )


def _pct(value: int | None) -> str:
    return "" if value is None else f"{value}%"


def coverage(scope: Scope) -> Coverage:
    """Residents with an active mentor on the year's `as_of` day, of all its residents,
    by level (one grouped query)."""
    counts = {
        row["level"]: (row["n"], row["m"])
        for row in residents(scope)
        .order_by()
        .values("level")
        .annotate(n=Count("pk"), m=Count("pk", filter=Q(mentored=True)))
    }
    by_level = [(level, *counts[level]) for level in Level.values if level in counts]
    return Coverage(
        residents=sum(n for _, n, _ in by_level),
        mentored=sum(m for _, _, m in by_level),
        by_level=by_level,
    )


# --- days to match and to the first meeting ---------------------------------------


@dataclass
class DaysToMatch:
    days: list[int]

    @property
    def median(self) -> float | None:
        return median(self.days) if self.days else None

    def table(self) -> Table:
        buckets = _buckets(
            self.days,
            [
                (7, "Within a week"),
                (14, "8 to 14 days"),
                (30, "15 to 30 days"),
                (None, "Over 30 days"),
            ],
        )
        return Table(
            "Pairings made from a request, by days from asking to the pairing",
            ["Days to match", "Pairings"],
            buckets,
        )


def _buckets(days: list[int], bounds: list[tuple[int | None, str]]) -> list[list]:
    rows, low = [], -1
    for high, label in bounds:
        rows.append([label, sum(1 for d in days if d > low and (high is None or d <= high))])
        low = high if high is not None else low
    return rows


def days_to_match(scope: Scope) -> DaysToMatch:
    """Days from a mentee's request to the pairing it became, for the pairings made
    from a request in the year (Match Day's and a director's have no asking to time)."""
    made = (
        pairings(scope)
        .filter(request__isnull=False, created_at__date__gte=scope.starts_on)
        .values_list("created_at", "request__created_at")
    )
    return DaysToMatch(sorted(max((made_at - asked_at).days, 0) for made_at, asked_at in made))


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
        rows = _buckets(
            met,
            [
                (7, "Within a week"),
                (14, "8 to 14 days"),
                (30, "15 to 30 days"),
                (60, "31 to 60 days"),
                (None, "Over 60 days"),
            ],
        )
        rows.append(["Not met yet, started over 30 days ago", self.decided - len(met)])
        rows.append(["Not met yet, started under 30 days ago", self.too_early])
        return Table(
            "Pairs started this year, by days to their first meeting",
            ["Days to the first meeting", "Pairs"],
            rows,
        )


def first_meetings(scope: Scope) -> FirstMeetings:
    """Of the pairs started in the year, how many days each took to meet first."""
    held = Meeting.objects.held().filter(pairing=OuterRef("pk")).order_by()
    first = Func("starts_at", function="MIN", output_field=Meeting._meta.get_field("starts_at"))
    rows = (
        pairings(scope)
        .filter(started_on__gte=scope.starts_on)
        .annotate(first_at=Subquery(held.values(at=first)))
        .values_list("started_on", "first_at")
    )
    days, too_early = [], 0
    for started_on, first_at in rows:
        if first_at is None:
            days.append(None)
            too_early += (scope.today - started_on).days < FIRST_MEETING_DAYS
        else:
            days.append(max((timezone.localdate(first_at) - started_on).days, 0))
    return FirstMeetings(days, too_early)


# --- how often pairs meet -------------------------------------------------------


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
        targets = {target for _, _, target in self.pairs}
        return round(365 / max(targets), 1) if targets else None

    def table(self) -> Table:
        buckets = {
            "No meeting yet": 0,
            "Under half the target": 0,
            "Half the target or more": 0,
            "At the target or more": 0,
            "Under a month: too early": 0,
        }
        for days, held, target in self.pairs:
            if days < 30:
                key = "Under a month: too early"
            elif not held:
                key = "No meeting yet"
            else:
                expected = days / target
                key = (
                    "At the target or more"
                    if held >= expected
                    else "Half the target or more"
                    if held >= expected / 2
                    else "Under half the target"
                )
            buckets[key] += 1
        return Table(
            "Pairs by meetings held this year against the target",
            ["Meetings against the target", "Pairs"],
            [[k, v] for k, v in buckets.items()],
        )


def rhythm(scope: Scope) -> Rhythm:
    """Meetings each pair held in the year, and the days it ran in it (to its end or today)."""
    held = (
        Meeting.objects.held()
        .filter(
            pairing=OuterRef("pk"),
            starts_at__date__gte=scope.starts_on,
            starts_at__date__lte=scope.as_of,
        )
        .order_by()
        .values(n=Func("pk", function="COUNT", output_field=IntegerField()))
    )
    rows = (
        pairings(scope)
        .annotate(held=Subquery(held))
        .values_list("started_on", "ended_on", "held", "program_id")
    )
    pairs = []
    for started_on, ended_on, count, program_id in rows:
        start = max(started_on, scope.starts_on)
        end = min(ended_on or scope.as_of, scope.as_of)
        pairs.append((max((end - start).days + 1, 0), count or 0, scope.target_of(program_id)))
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


def standing_q(scope: Scope, which: str) -> Q:
    """The same rule as a filter on pairings annotated with_meeting_figures."""
    active = Q(status=Status.ACTIVE)
    quiet = Q()
    for program in scope.programs:
        quiet |= Q(
            program=program.pk, last_met__lt=scope.today - timedelta(program.meeting_target_days)
        )
    if which == CHECK_IN:
        return active & quiet
    met = Q(last_meeting_on__isnull=False)
    return active & ~quiet & (met if which == ON_TRACK else ~met)


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


def standings(scope: Scope) -> Standings:
    """Active pairs of the scope, by standing (one query of their last meetings)."""
    rows = (
        pairings(scope)
        .filter(status=Status.ACTIVE)
        .with_meeting_figures()
        .values_list("status", "started_on", "last_meeting_on", "program_id")
    )
    counts = dict.fromkeys(STANDING, 0)
    for status, started_on, last_on, program_id in rows:
        counts[standing(status, started_on, last_on, scope.target_of(program_id), scope.today)] += 1
    return Standings(counts)


# --- commitments ------------------------------------------------------------------


@dataclass
class Commitments:
    due: int
    kept: int

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
    """Commitments of the scope's pairs due in the year before today, and how many are done."""
    counts = Commitment.objects.filter(
        pairing__in=pairings(scope).values("pk"),
        due_on__gte=scope.starts_on,
        due_on__lt=min(scope.today, scope.ends_on + timedelta(days=1)),
    ).aggregate(due=Count("pk"), kept=Count("pk", filter=Q(done_at__isnull=False)))
    return Commitments(**counts)


# --- the incoming class ---------------------------------------------------------


@dataclass
class Funnel:
    invited: int
    joined: int
    matched: int
    met: int

    def table(self) -> Table:
        return Table(
            "Residents invited this year, and how far they have come",
            ["Step", "Residents", "Share of those invited"],
            [
                [label, n, _pct(share(n, self.invited))]
                for label, n in (
                    ("Invited", self.invited),
                    ("Joined", self.joined),
                    ("Matched with a mentor", self.matched),
                    ("Met their mentor", self.met),
                )
            ],
        )


def funnel(scope: Scope) -> Funnel:
    """Residents invited to start in the year (of its level), how many joined, were
    paired (a pairing under way or over, of the mentor type) and met their mentor."""
    invited = Invitation.objects.filter(
        program__in=scope.program_ids,
        starts_on__gte=scope.starts_on,
        starts_on__lte=scope.ends_on,
    )
    if scope.level:
        invited = invited.filter(level=scope.level)
    paired = Pairing.objects.filter(
        mentee__user=OuterRef("user"), program=OuterRef("program")
    ).exclude(status=Status.PROPOSED)
    if scope.kind:
        paired = paired.filter(kind=scope.kind)
    met = Meeting.objects.held().filter(
        pairing__mentee__user=OuterRef("user"), pairing__program=OuterRef("program")
    )
    if scope.kind:
        met = met.filter(pairing__kind=scope.kind)
    counts = invited.annotate(has_pairing=Exists(paired), has_met=Exists(met)).aggregate(
        invited=Count("pk"),
        joined=Count("pk", filter=Q(joined_at__isnull=False)),
        matched=Count("pk", filter=Q(has_pairing=True)),
        met=Count("pk", filter=Q(has_met=True)),
    )
    return Funnel(**counts)


# --- check-ins: totals only -----------------------------------------------------


def cut_of(scope: Scope) -> totals.Cut:
    """The check-ins of the scope: opened in its year up to its `as_of` day."""
    return totals.Cut(
        program_ids=scope.program_ids,
        starts_on=scope.starts_on,
        ends_on=scope.as_of,
        level=scope.level,
        mentor_kind=scope.kind,
    )


def _mean(total: totals.Total) -> str:
    return f"{total.mean:.1f}" if total.shown and total.mean is not None else ""


@dataclass
class Pulse:
    total: totals.Total
    months: list[tuple[date, totals.Total]]

    def table(self) -> Table:
        rows = [
            [f"{month:%B %Y}", t.answered, t.asked, _mean(t), "" if t.shown else t.why]
            for month, t in self.months
        ]
        rows.append(
            [
                "The whole year so far",
                self.total.answered,
                self.total.asked,
                _mean(self.total),
                "" if self.total.shown else self.total.why,
            ]
        )
        return Table(
            "“This mentorship is useful to me” (1 to 5), month by month",
            ["Month", "Answers", "Asked", "Mean", "Why no total"],
            rows,
        )

    def counts_table(self) -> Table:
        counts = self.total.counts if self.total.shown else {}
        return Table(
            "Answers by value, the whole year so far",
            ["Answer", "Answers"],
            [[f"{v} ({label})", counts.get(v, 0)] for v, label in SCALE_LABELS.items()],
        )


def pulse(scope: Scope) -> Pulse:
    """Mentees' and mentors' pulse answers as totals (checkins.totals decides what shows)."""
    cut = cut_of(scope)
    return Pulse(totals.pulse(cut), totals.pulse_by_month(cut))


@dataclass
class Response:
    asked: int
    answered: int

    @property
    def pct(self) -> int | None:
        return share(self.answered, self.asked)

    def table(self) -> Table:
        return Table(
            "Check-ins sent this year, and how many were answered",
            ["Check-ins", "Number"],
            [["Sent", self.asked], ["Answered", self.answered]],
        )


def response(scope: Scope) -> Response:
    return Response(*totals.response(cut_of(scope)))
