"""The meeting pages' forms, one module per page: log.py (logging a session),
plan.py, notes.py and commitments.py (carrying one forward); dates.py has the
date input they share."""

from .commitments import CarryForm
from .log import LogForm
from .notes import NoteForm
from .plan import PlanForm

__all__ = ["CarryForm", "LogForm", "NoteForm", "PlanForm"]
