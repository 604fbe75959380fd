"""The program's health in figures: who has a mentor, how soon pairs meet and how
often, what they keep of their word, how far an incoming class has come, and
how residents rate their mentorship.

Every figure reads one Scope (programs, an academic year, a level, a mentor type)
and costs a fixed number of queries, however large the programs: counts are
grouped by the database, and the medians and shares that need each pair's dates
read them once (rhythm.pair_facts). Only metadata is read (dates, counts,
states): never a note, a request's words or a reflection. The check-in figures
come from mentorship.checkins.totals, which keeps answers to totals.

Each figure returns its rows as a Table, so the page's table beside its chart,
its CSV and a later annual report all print the same numbers.
"""

from .base import (
    FIRST_MEETING_DAYS,
    QUARTER_DAYS,
    RESIDENT_LEVELS,
    Scope,
    Table,
    level_label,
    mentored_on,
    pairings,
    pct_text,
    residents,
    share,
)
from .checkins import Pulse, Response, cut_of, pulse, response
from .people import Coverage, Funnel, coverage, funnel
from .rhythm import (
    CHECK_IN,
    ON_TRACK,
    STANDING,
    TOO_EARLY,
    Commitments,
    DaysToMatch,
    FirstMeetings,
    PairFact,
    Rhythm,
    Standings,
    commitments,
    days_to_match,
    first_meetings,
    pair_facts,
    rhythm,
    standing,
    standings,
)

__all__ = [
    "CHECK_IN",
    "FIRST_MEETING_DAYS",
    "ON_TRACK",
    "QUARTER_DAYS",
    "RESIDENT_LEVELS",
    "STANDING",
    "TOO_EARLY",
    "Commitments",
    "Coverage",
    "DaysToMatch",
    "FirstMeetings",
    "Funnel",
    "PairFact",
    "Pulse",
    "Response",
    "Rhythm",
    "Scope",
    "Standings",
    "Table",
    "commitments",
    "coverage",
    "cut_of",
    "days_to_match",
    "first_meetings",
    "funnel",
    "level_label",
    "mentored_on",
    "pair_facts",
    "pairings",
    "pct_text",
    "pulse",
    "residents",
    "response",
    "rhythm",
    "share",
    "standing",
    "standings",
]
