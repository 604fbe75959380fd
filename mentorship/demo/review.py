"""The demo's annual report has its director's section: what Dr Okafor saw this
year, and what was done about last year's findings. A second run adds nothing."""

from datetime import datetime

from django.utils import timezone

from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear, YearAction, YearReview

THEMES = (
    "Residents told us the first winter is the hardest, and asked for a mentor who "
    "remembers it well: near-peer mentoring by our CA-3s grew from one pair to six.\n\n"
    "Pairs that set their next meeting before leaving the last one kept meeting; "
    "those that didn't went quiet by October. We'll ask every pair to do that."
)
ACTIONS = [
    ("Pair every intern with a mentor by October", YearAction.State.UNDER_WAY,
     "Four of six so far; two requests are waiting for an answer."),
    ("Offer near-peer mentors to interns and CA-1s", YearAction.State.DONE,
     "Three CA-3s mentor six residents."),
    ("Match Day for the incoming class", YearAction.State.UNDER_WAY,
     "Lists are open; results are planned for December."),
    ("Protected time for mentoring on the call schedule", YearAction.State.PLANNED,
     "Raised with the chief residents."),
]  # fmt: skip


def seed_review(residency: Program, now: datetime) -> bool:
    """This year's review with its actions, when it has none. True when made."""
    year = AcademicYear.objects.for_day(residency, timezone.localdate(now))
    review, made = YearReview.objects.get_or_create(year=year, defaults={"themes": THEMES})
    if made:
        YearAction.objects.bulk_create(
            YearAction(review=review, what=what, state=state, note=note, order=order)
            for order, (what, state, note) in enumerate(ACTIONS)
        )
    return made
