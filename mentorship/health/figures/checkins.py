"""The check-in figures: always through mentorship.checkins.totals, which shows a
total only when no one's answer can be singled out."""

from dataclasses import dataclass
from datetime import date

from mentorship.checkins import totals
from mentorship.checkins.models import SCALE_LABELS

from .base import Scope, Table, share

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
        """The year's answers by value; only the reason why when the total can't show."""
        caption, header = "Answers by value, the whole year so far", ["Answer", "Answers"]
        if not self.total.shown:
            return Table(caption, header, [["No total", self.total.why]])
        counts = self.total.counts
        return Table(
            caption,
            header,
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
