"""The dashboard as a whole: its figures for one scope (each read when first asked
for), the headline numbers with how each is counted, and the tables its charts
and CSVs print."""

from dataclasses import dataclass
from functools import cached_property

from mentorship.checkins.totals import MIN_ANSWERS

from . import figures
from .figures import Scope, Table


class Figures:
    """Every figure of one scope, each computed once, when first read."""

    def __init__(self, scope: Scope):
        self.scope = scope

    @cached_property
    def coverage(self):
        return figures.coverage(self.scope)

    @cached_property
    def facts(self):
        """Every pair's dates and standing, read once for the four figures below and the list."""
        return figures.pair_facts(self.scope)

    @cached_property
    def match(self):
        return figures.days_to_match(self.scope, self.facts)

    @cached_property
    def first(self):
        return figures.first_meetings(self.scope, self.facts)

    @cached_property
    def rhythm(self):
        return figures.rhythm(self.scope, self.facts)

    @cached_property
    def standings(self):
        return figures.standings(self.scope, self.facts)

    @cached_property
    def commitments(self):
        return figures.commitments(self.scope)

    @cached_property
    def funnel(self):
        return figures.funnel(self.scope)

    @cached_property
    def pulse(self):
        return figures.pulse(self.scope)

    @cached_property
    def response(self):
        return figures.response(self.scope)


@dataclass(frozen=True)
class Chart:
    """One chart: the table it draws, which column, and how."""

    title: str
    how: str
    table: str  # the Figures table it draws: "<figure>" or "<figure>.<method>"
    column: int = 1
    horizontal: bool = True
    line: bool = False
    percent: bool = False
    scale: bool = False
    skip_total: bool = False  # the table's last row is the whole year's: not a point of the line


CHARTS = {
    "coverage": Chart(
        "Coverage by level",
        "The share of each level's residents who have an active mentor.",
        "coverage",
        column=3,
        horizontal=False,
        percent=True,
    ),
    "status": Chart(
        "Where active pairs stand",
        "On track: met within the program's target days. Needs a check-in: longer "
        "than that since they met (or started). Too early: not met yet, started within "
        "the target.",
        "standings",
    ),
    "meetings": Chart(
        "Meetings per pair against the target",
        "Meetings each pair held this year against what the program's target asks for "
        "the days it has run (one every so many days).",
        "rhythm",
    ),
    "pulse": Chart(
        "Pulse by month",
        "The mean of “This mentorship is useful to me” (1 to 5) in each month's pulse "
        "check-ins; a month shows only a total of enough answers.",
        "pulse",
        column=3,
        line=True,
        scale=True,
        skip_total=True,
    ),
    "first-meeting": Chart(
        "Days to the first meeting",
        "Pairs started this year, by the days from their start to their first meeting.",
        "first",
        horizontal=False,
    ),
    "funnel": Chart(
        "From invited to met",
        "Residents invited to start this year: how many joined, were matched with a "
        "mentor and met them.",
        "funnel",
    ),
}

# Every CSV the page offers: a figure's table (the pairs and residents lists are the views').
TABLES = {
    "coverage": "coverage",
    "days-to-match": "match",
    "first-meeting": "first",
    "meetings": "rhythm",
    "status": "standings",
    "commitments": "commitments",
    "funnel": "funnel",
    "pulse": "pulse",
    "pulse-answers": "pulse.counts_table",
    "response": "response",
}


def table_of(figs: Figures, name: str) -> Table:
    """A figure's table by its TABLES (or CHARTS) entry: "<figure>[.<method>]"."""
    figure, _, method = name.partition(".")
    return getattr(getattr(figs, figure), method or "table")()


def _or_dash(value, suffix: str = "") -> str:
    return "–" if value is None else f"{value}{suffix}"


def headline(figs: Figures) -> list[dict]:
    """The few numbers first: each its value, what it counts, and where its rows are."""
    c, m, f, r, k = figs.coverage, figs.match, figs.first, figs.rhythm, figs.commitments
    pulse, resp = figs.pulse.total, figs.response
    return [
        {
            "name": "coverage",
            "value": _or_dash(c.pct, "%"),
            "label": "have a mentor",
            "how": f"{c.mentored} of {c.residents} residents have an active mentor "
            f"on {figs.scope.as_of:%-d %B %Y}.",
            "link": "#residents",
            "link_text": "Residents without a mentor",
        },
        {
            "name": "days-to-match",
            "value": _or_dash(m.median),
            "label": "median days to match",
            "how": f"Half of the {len(m.days)} pairings made from a request this year were "
            "made this many days after the mentee asked, or sooner.",
            "link": "#table-days-to-match",
            "link_text": "By days to match",
        },
        {
            "name": "first-meeting",
            "value": _or_dash(f.pct, "%"),
            "label": "first met within 30 days",
            "how": f"{f.within} of the {f.decided} pairs started this year (30 days ago or "
            f"more) met within 30 days of starting; {f.too_early} more started too recently "
            "to tell.",
            "link": "#chart-first-meeting",
            "link_text": "By days to the first meeting",
        },
        {
            "name": "meetings",
            "value": _or_dash(r.pct, "%"),
            "label": "meet at least quarterly",
            "how": f"{r.quarterly} of the {len(r.counted)} pairs that ran three months or "
            "more this year held a meeting for every three months they ran.",
            "link": "#chart-meetings",
            "link_text": "Meetings against the target",
        },
        {
            "name": "pulse",
            "value": f"{pulse.mean:.1f}" if pulse.shown and pulse.mean is not None else None,
            "why": None if pulse.shown else pulse.why,
            "label": "mean pulse (1 to 5)",
            "how": "The mean of every answer to “This mentorship is useful to me” this "
            f"year ({pulse.answered} of {pulse.asked} asked). Shown only as a total of "
            f"{MIN_ANSWERS} or more answers, when most of those asked answered.",
            "link": "#chart-pulse",
            "link_text": "Pulse by month",
        },
        {
            "name": "commitments",
            "value": _or_dash(k.pct, "%"),
            "label": "commitments kept",
            "how": f"{k.kept} of the {k.due} commitments due this year before today are done.",
            "link": "#pairs",
            "link_text": "Pairs with overdue commitments",
            "query": {"sort": "overdue"},
        },
        {
            "name": "response",
            "value": _or_dash(resp.pct, "%"),
            "label": "answered their check-ins",
            "how": f"{resp.answered} of the {resp.asked} check-ins sent this year were answered.",
            "link": "#table-response",
            "link_text": "Check-ins sent and answered",
        },
    ]
