"""What a round keeps for the record, read for its pages, its CSV and the chair's
report: every run with who made it and its fingerprint, every director's move
with its reason and the blocking pairs it made, the pairs each rule removed, and
one CSV row per mentee. A fixed number of queries, whatever the round's size."""

from dataclasses import dataclass

from mentorship.mentees.models import MenteeProfile
from mentorship.pairings.admin.export import spreadsheet_safe
from mentorship.years.models import Level

from .explain import Names, Story, blocking_in_words
from .models import Override, Round, Run
from .review import mentee_ids
from .services import runs

# --- the CSV ----------------------------------------------------------------------

CSV_HEADER = [
    "mentee",
    "level",
    "matched mentor",
    "mentee's rank of the mentor",
    "mentor's rank of the mentee",
    "overridden",
    "unmatched",
]


def csv_rows(round: Round, story: Story) -> list[list[str]]:
    levels = {}
    if round.cohort != Round.Cohort.LEVEL or not round.level:
        levels = dict(
            MenteeProfile.objects.filter(round_entries__round=round).values_list(
                "pk", "training_level"
            )
        )
    labels = dict(MenteeProfile.TrainingLevel.choices)
    rows = []
    for mentee in mentee_ids(story):
        mentor = story.matched.get(mentee)
        override = story.moved.get(mentee)
        level = (
            Level(round.level).label
            if round.cohort == Round.Cohort.LEVEL and round.level
            else labels.get(levels.get(mentee, ""), "")
        )
        rows.append(
            [
                spreadsheet_safe(story.names.mentee(mentee)),
                level,
                spreadsheet_safe(story.names.mentor(mentor)) if mentor else "",
                str(story.rank(mentee) or ""),
                str(story.mentor_rank(mentee) or ""),
                spreadsheet_safe(f"yes: {override.reason}") if override else "",
                "yes" if mentor is None else "",
            ]
        )
    return rows


# --- the runs and the moves ---------------------------------------------------------


def removed_counts(story: Story) -> list[tuple[str, int]]:
    """(the rule's words, how many listed pairs it removed), every rule."""
    counts: dict[str, int] = {}
    for _, _, rule in story.inputs.removed:
        counts[rule] = counts.get(rule, 0) + 1
    return [(label, counts.get(rule, 0)) for rule, label in runs.RULES.items()]


@dataclass
class RunRow:
    run: Run
    by: str
    fingerprint: str
    is_the_round_run: bool


def runs_of(round: Round, names: Names) -> list[RunRow]:
    """Every run of the round, newest first, with who made it and its fingerprint."""
    rows, found = [], False
    for run in round.runs.select_related("created_by").order_by("-number"):
        the_one = not run.is_draft and not found
        found = found or the_one
        who = run.created_by
        by = (who.name or who.email) if who else "someone"
        rows.append(RunRow(run, by, run.fingerprint[:12], the_one))
    return rows


@dataclass
class MoveRow:
    override: Override
    mentee: str
    before: str
    after: str
    by: str
    blocking: list[str]


def moves_of(round: Round, names: Names) -> list[MoveRow]:
    """Every director's move in the round's runs, oldest first."""
    rows = []
    for override in (
        Override.objects.filter(run__round=round)
        .select_related("created_by", "run")
        .order_by("created_at", "pk")
    ):
        who = override.created_by
        rows.append(
            MoveRow(
                override,
                names.mentee(override.mentee_id),
                names.mentor(override.from_mentor_id) if override.from_mentor_id else "no match",
                names.mentor(override.to_mentor_id) if override.to_mentor_id else "no match",
                (who.name or who.email) if who else "someone",
                blocking_in_words(override.blocking_pairs, names),
            )
        )
    return rows
