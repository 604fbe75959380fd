"""Every change of a matching round, one function each.

rounds.py holds a round's life (open, close, remind, archive), lists.py what
people put in it (mentees' lists, mentors' places and rankings, exclusions),
runs.py the solving (the input, the check, runs, what-ifs, overrides) and
publish.py the step that turns a run into pairings. Each raises RoundError with
a message fit to show the person who tried.
"""

from .changes import RoundError
from .lists import (
    choice_add,
    choice_move,
    choice_note,
    choice_remove,
    exclusion_add,
    exclusion_remove,
    list_submit,
    mentor_ranking_set,
    seat_confirm,
)
from .publish import round_publish
from .rounds import reminders_send_due, round_archive, round_close, round_open, round_reopen
from .runs import (
    check,
    difference,
    override_move,
    problems_accept,
    round_input,
    run_adopt,
    run_solve,
)

__all__ = [
    "RoundError",
    "check",
    "choice_add",
    "choice_move",
    "choice_note",
    "choice_remove",
    "difference",
    "exclusion_add",
    "exclusion_remove",
    "list_submit",
    "mentor_ranking_set",
    "override_move",
    "problems_accept",
    "reminders_send_due",
    "round_archive",
    "round_close",
    "round_input",
    "round_open",
    "round_publish",
    "round_reopen",
    "run_adopt",
    "run_solve",
    "seat_confirm",
]
