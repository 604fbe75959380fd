"""The annual report for the program evaluation committee: one program's year
beside the year before, in figures the dashboard defines (figures.py), the year's
Match Day rounds, the check-in totals (shown only as checkins.totals allows) and
the section the director writes (years.YearReview).

It reads a fixed number of queries however large the program: each figure of
figures.py costs one or two, for the year and for the year before, the cadence
one per level (at most the levels there are), the rounds, their runs, the review
and its actions one each. Nothing of a note, a request's words or an answer
below its total ever reaches it.
"""

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from django.db.models import Count, Prefetch

from mentorship.checkins import totals
from mentorship.checkins.models import Kind
from mentorship.programs.models import Program
from mentorship.rounds.models import Round, Run
from mentorship.years.models import AcademicYear, YearAction, YearReview

from . import figures
from .board import Figures
from .figures import Scope, level_label

CHECKIN_KINDS = list(Kind)  # in the order of a year: fit, pulse, mid-year, end, closing


def _pct(value) -> str:
    return "" if value is None else f"{value}%"


def _days(value) -> str:
    return "" if value is None else f"{value:g} days"


class Year(Figures):
    """One program's figures for one academic year: the dashboard's (board.Figures),
    its label, its pulse as a plain total, and each level's coverage and cadence."""

    @property
    def label(self) -> str:
        return AcademicYear.label_for(self.scope.starts_on, self.scope.ends_on)

    @cached_property
    def pulse_total(self) -> totals.Total:
        """The year's pulse without its months (the report prints no series)."""
        return totals.pulse(figures.cut_of(self.scope))

    @cached_property
    def by_level(self) -> dict[str, dict]:
        """Coverage and cadence of each level with residents this year."""
        rows = {}
        for level, residents, mentored in self.coverage.by_level:
            facts = [f for f in self.facts if f.level == level]
            rhythm = figures.rhythm(replace(self.scope, level=level), facts)
            rows[level] = {
                "label": level_label(level),
                "residents": residents,
                "mentored": mentored,
                "coverage": figures.share(mentored, residents),
                "pairs": len(rhythm.pairs),
                "per_year": rhythm.per_year,
                "quarterly": rhythm.pct,
            }
        return rows

    def checkins(self) -> dict[str, list[totals.Total]]:
        return totals.totals_of_kinds(figures.cut_of(self.scope), CHECKIN_KINDS)


@dataclass
class Line:
    """One row of the report's summary: a figure, how it is counted, two years."""

    label: str
    how: str
    this: str
    last: str
    why: str = ""


@dataclass
class Report:
    program: Program
    this: Year
    last: Year
    today: date
    review: YearReview | None = None
    rounds: list = field(default_factory=list)

    @cached_property
    def summary(self) -> list[Line]:
        this, last = self.this, self.last
        pulse = [_mean(y.pulse_total) for y in (this, last)]
        return [
            Line(
                "Residents with a mentor",
                "Residents of the year with an active pairing on its last day (or today), "
                "of all its residents.",
                *(
                    f"{_pct(y.coverage.pct)} ({y.coverage.mentored} of {y.coverage.residents})"
                    if y.coverage.residents
                    else ""
                    for y in (this, last)
                ),
            ),  # fmt: skip
            Line(
                "Median days to match",
                "From a resident's request to the pairing it became, for pairings made "
                "from a request in the year.",
                *(_days(y.match.median) for y in (this, last)),
            ),
            Line(
                "First meeting within 30 days",
                "Of the pairs started in the year (and started over 30 days ago), those "
                "who held a first meeting within 30 days of starting.",
                *(_pct(y.first.pct) for y in (this, last)),
            ),
            Line(
                "Pairs meeting at least quarterly",
                "Of the pairs that ran three months or more in the year, those that held "
                "a meeting for every three months they ran.",
                *(_pct(y.rhythm.pct) for y in (this, last)),
            ),
            Line(
                "Meetings per pair per year",
                "Meetings held, per pair, scaled to a year, over pairs that ran a month "
                f"or more; the program's target is every {self.program.meeting_target_days} "
                "days.",
                *(
                    "" if y.rhythm.per_year is None else f"{y.rhythm.per_year:g}"
                    for y in (this, last)
                ),
            ),  # fmt: skip
            Line(
                "Commitments kept",
                "Commitments due in the year by today, marked done.",
                *(
                    f"{_pct(y.commitments.pct)} ({y.commitments.kept} of {y.commitments.due})"
                    if y.commitments.due
                    else ""
                    for y in (this, last)
                ),
            ),  # fmt: skip
            Line(
                "“This mentorship is useful to me”",
                "The pulse check-in's mean, 1 (strongly disagree) to 5 (strongly agree), "
                f"shown only from {totals.MIN_ANSWERS} answers and "
                f"{round(100 * totals.MIN_RATE)} % of those asked.",
                pulse[0],
                pulse[1],
                why="" if this.pulse_total.shown else this.pulse_total.why,
            ),
            Line(
                "Check-ins answered",
                "Every check-in sent in the year, answered before it closed on day 14.",
                *(
                    f"{_pct(y.response.pct)} ({y.response.answered} of {y.response.asked})"
                    if y.response.asked
                    else ""
                    for y in (this, last)
                ),
            ),  # fmt: skip
        ]

    @cached_property
    def levels(self) -> list[dict]:
        """Coverage and cadence by level, this year beside the last."""
        this, last = self.this.by_level, self.last.by_level
        return [{**row, "last": last.get(level, {})} for level, row in this.items()] + [
            {"label": row["label"], "residents": None, "last": row}
            for level, row in last.items()
            if level not in this
        ]

    @cached_property
    def checkins(self) -> list[dict]:
        """Each check-in's questions with totals, this year (last year's mean beside)."""
        this, last = self.this.checkins(), self.last.checkins()
        sections = []
        for kind in CHECKIN_KINDS:
            before = {t.key: t for t in last[kind]}
            rows = [{"total": t, "last": before.get(t.key)} for t in this[kind]]
            if any(r["total"].asked for r in rows):
                sections.append({"kind": Kind(kind).label, "rows": rows})
        return sections

    def csv_rows(self) -> list[list]:
        rows = [["Section", "Figure", "Level or question", self.this.label, self.last.label]]
        for line in self.summary:
            rows.append(["Summary", line.label, "", line.this or line.why, line.last])
        for row in self.levels:
            last = row["last"]
            for key, name in (
                ("residents", "Residents"),
                ("mentored", "With a mentor"),
                ("coverage", "Share with a mentor (%)"),
                ("per_year", "Meetings per pair per year"),
                ("quarterly", "Pairs meeting at least quarterly (%)"),
            ):
                rows.append(
                    ["By level", name, row["label"], _cell(row.get(key)), _cell(last.get(key))]
                )
        for section in self.checkins:
            for row in section["rows"]:
                total, last = row["total"], row["last"]
                rows.append(["Check-ins", section["kind"], total.text,
                             _total(total), _total(last) if last else ""])  # fmt: skip
        for rnd in self.rounds:
            for key, name in (("mentees", "Residents in the round"), ("matched", "Matched"),
                              ("first", "First choice"), ("top3", "In their top three")):  # fmt: skip
                rows.append(
                    ["Match Day", name, rnd["round"].name, _cell(rnd["figures"].get(key)), ""]
                )
        return rows


def _cell(value) -> str:
    return "" if value is None else str(value)


def _mean(total: totals.Total) -> str:
    if not total.shown:
        return ""
    if total.mean is not None:
        return f"{total.mean:.1f} of 5 ({total.answered} answers)"
    return f"{total.answered} answers"


def _total(total: totals.Total) -> str:
    """A total as one cell of the CSV: its figure and counts, or why it shows none."""
    if not total.shown:
        return f"Not shown: {total.why}"
    return f"{total.described} ({total.answered} of {total.asked} asked)"


def report_for(program: Program, starts_on: date, ends_on: date, today: date) -> Report:
    this = Year(Scope(programs=(program,), starts_on=starts_on, ends_on=ends_on, today=today))
    last_start = program.year_start_on_or_before(starts_on.replace(year=starts_on.year - 1))
    last = Year(
        Scope(
            programs=(program,),
            starts_on=last_start,
            ends_on=AcademicYear.last_day_after(last_start),
            today=today,
        )
    )
    review = (
        YearReview.objects.filter(year__program=program, year__starts_on=starts_on)
        .prefetch_related(Prefetch("actions", queryset=YearAction.objects.order_by("order", "pk")))
        .first()
    )
    return Report(program, this, last, today, review, rounds_of(program, starts_on, ends_on))


def rounds_of(program: Program, starts_on: date, ends_on: date) -> list[dict]:
    """The year's Match Day rounds (published in it), each with its run's figures."""
    rounds = list(
        Round.objects.filter(program=program, publish_on__gte=starts_on, publish_on__lte=ends_on)
        .annotate(entrant_count=Count("entrants"))
        .order_by("publish_on", "pk")
    )
    runs = {}
    for run in Run.objects.filter(round__in=rounds, is_draft=False).order_by("round", "-number"):
        runs.setdefault(run.round_id, run)
    return [
        {"round": r, "run": runs.get(r.pk), "figures": runs[r.pk].figures if r.pk in runs else {}}
        for r in rounds
    ]
