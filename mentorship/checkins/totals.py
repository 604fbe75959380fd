"""Check-in answers as totals, and when a total may be shown at all.

A total shows only when at least MIN_ANSWERS people answered and at least
MIN_RATE of those asked did. That alone would not keep one person's answer
private, for two reasons, and the rule answers both:
- Filters. A director who reads the total of a whole program, then of its CA-1s,
  learns the rest by subtraction. So a program's answers are cut only as finely
  as every group of that cut passes the rule on its own: by level, then by level
  and mentor type, then by those and month (STEPS). A filter that asks for a
  finer cut shows nothing, and says why.
- Time. A total read before and after one person answers gives that answer away.
  So answers join the totals a whole month at a time, once no one asked that
  month can still answer, and only in groups that pass the rule (a month too
  small waits to join the next). See _Cells.released.
Whatever filters a director tries, on whatever day, the totals shown are sums of
whole groups of four or more, and no difference between them comes down to fewer
people (tests/checkins/test_totals.py tries them all).

Each function costs a fixed number of queries (one for the questions, one for the
answers, one for the check-ins asked), however many people the program has.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth

from .models import FORMAT_CHOICES, Answer, Audience, Checkin, FollowUp, Format, Kind, Question

MIN_ANSWERS = 4
MIN_RATE = 0.7
# Whose answers may be added up for a director: those meant for them, by name or
# as a total. An answer for the wellness contact or the partner alone never is.
TOTALLED = (Audience.TOTAL, Audience.DIRECTOR)
PULSE_KEY = "useful"


@dataclass(frozen=True)
class Cut:
    """Which check-ins a figure reads: those opened in these days, of these programs."""

    program_ids: tuple[int, ...]
    starts_on: date
    ends_on: date
    level: str = ""
    mentor_kind: str = ""

    @property
    def filtered(self) -> bool:
        return bool(self.level or self.mentor_kind)

    def checkins(self):
        return Checkin.objects.filter(
            program_id__in=self.program_ids,
            opened_on__gte=self.starts_on,
            opened_on__lte=self.ends_on,
        )


@dataclass
class Total:
    key: str
    text: str
    format: str
    asked: int = 0
    answered: int = 0
    shown: bool = False
    why: str = ""
    mean: float | None = None
    counts: dict[int, int] = field(default_factory=dict)
    # Answers not in the total yet (their month still open, or too few alone), and
    # the (program, month)s whose answers it adds up.
    waiting: int = 0
    counted_in: frozenset = frozenset()

    @property
    def rate(self) -> float | None:
        return self.answered / self.asked if self.asked else None

    @property
    def percent(self) -> int | None:
        return round(100 * self.rate) if self.rate is not None else None

    @property
    def described(self) -> str:
        """The total in words: "mean 4.1 of 5", "17 yes of 23", "A good fit: 29,
        Still deciding: 2"; empty when it may not show."""
        if not self.shown:
            return ""
        if self.format == Format.SCALE and self.mean is not None:
            return f"mean {self.mean:.1f} of 5"
        if self.format == Format.YES_NO:
            return f"{self.counts.get(1, 0)} yes of {self.answered}"
        labels = dict(FORMAT_CHOICES.get(self.format, []))
        return ", ".join(
            f"{labels.get(value, value)}: {self.counts[value]}"
            for value in sorted(self.counts, reverse=True)
        )


def passes(answered: int, asked: int) -> bool:
    return answered >= MIN_ANSWERS and asked > 0 and answered / asked >= MIN_RATE


def why_not(answered: int, asked: int) -> str:
    """Why a total of `answered` answers from `asked` people shows nothing, in a
    sentence short enough for a table's cell."""
    if not asked:
        return "No one was asked this in these months."
    if answered < MIN_ANSWERS:
        if not answered:
            return f"No one has answered so far: a total shows from {MIN_ANSWERS} answers."
        verb = "has" if answered == 1 else "have"
        return (
            f"Only {answered} {_people(answered)} {verb} answered so far: a total shows "
            f"from {MIN_ANSWERS}."
        )
    return (
        f"{answered} of the {asked} people asked answered ({round(100 * answered / asked)} %): "
        f"a total shows from {round(100 * MIN_RATE)} %."
    )


def why_waiting(waiting: int) -> str:
    """Why answers given are not in a total yet."""
    return (
        f"{waiting} {'answer waits' if waiting == 1 else 'answers wait'} to be added: a "
        "month's answers join the total together once its check-ins have closed and "
        f"there are at least {MIN_ANSWERS} of them, so no one's answer shows on its own."
    )


WHOLE_ONLY = (
    "Not shown cut this finely: a smaller group in it has too few answers to stay "
    "private. Fewer filters may show it."
)

# How finely a program's answers may be cut, coarsest first: whole, by level, by
# level and mentor type, by those and month. A program's answers are cut at the
# finest step whose every group passes the rule on its own.
STEPS = [(), ("level",), ("level", "kind"), ("level", "kind", "month")]
PLACE = {"level": 1, "kind": 2, "month": 3}  # where each is in a cell


def _people(n: int) -> str:
    return "person" if n == 1 else "people"


class _Cells:
    """Answers and people asked, per question and cell, for one cut's programs and
    days. A cell is (program, level, mentor type, month): the finest cut there is."""

    def __init__(self, cut: Cut, questions: list[Question]):
        self.cut = cut
        self.questions = questions
        answers = (
            Answer.objects.filter(
                question__in=[q.pk for q in questions],
                # As promised when answered: never what went to the wellness contact
                # or the partner alone, whatever the question says now.
                audience__in=TOTALLED,
                checkin__program_id__in=cut.program_ids,
                checkin__opened_on__gte=cut.starts_on,
                checkin__opened_on__lte=cut.ends_on,
            )
            .annotate(month=TruncMonth("checkin__opened_on"))
            .values(
                "question_id",
                "checkin__program_id",
                "checkin__level",
                "checkin__mentor_kind",
                "month",
                "number",
            )
            .annotate(n=Count("pk"))
            .order_by()
        )
        # question -> cell -> {number: n}
        self.answers = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        for row in answers:
            cell = self._cell(row, "checkin__")
            self.answers[row["question_id"]][cell][row["number"]] += row["n"]
        asked = (
            cut.checkins()
            .filter(kind__in={q.kind for q in questions})
            .annotate(month=TruncMonth("opened_on"))
            .values("kind", "side", "program_id", "level", "mentor_kind", "month")
            .annotate(n=Count("pk"), still_open=Count("pk", filter=Q(status=Checkin.Status.OPEN)))
            .order_by()
        )
        # (kind, side) -> cell -> people asked; and of them, those who may still answer
        self.asked = defaultdict(lambda: defaultdict(int))
        self.open = defaultdict(lambda: defaultdict(int))
        for row in asked:
            cell = self._cell(row, "")
            self.asked[row["kind"], row["side"]][cell] += row["n"]
            self.open[row["kind"], row["side"]][cell] += row["still_open"]
        self._released = {}

    @staticmethod
    def _cell(row: dict, prefix: str) -> tuple:
        month = row["month"]
        return (
            row[f"{prefix}program_id"],
            row[f"{prefix}level"],
            row[f"{prefix}mentor_kind"],
            month.date() if hasattr(month, "date") else month,
        )

    def asked_of(self, question: Question, counts=None) -> dict[tuple, int]:
        """People asked `question`, per cell (or, with counts=self.open, those of
        them who may still answer)."""
        counts = self.asked if counts is None else counts
        cells = defaultdict(int)
        for side in ("mentee", "mentor"):
            if not question.asked_of(side):
                continue
            for cell, n in counts[question.kind, side].items():
                if question.program_id in (None, cell[0]):
                    cells[cell] += n
        return cells

    def in_cut(self, cell: tuple, month: date | None = None) -> bool:
        program, level, mentor_kind, in_month = cell
        return (
            program in self.cut.program_ids
            and (not self.cut.level or level == self.cut.level)
            and (not self.cut.mentor_kind or mentor_kind == self.cut.mentor_kind)
            and (month is None or in_month == month)
        )

    def released(self, question: Question) -> dict[int, list[set]]:
        """For each program, the months whose answers may be added up at each step of
        STEPS: [months at step 0 (whole), step 1 (by level), ...].

        Answers join the totals a whole month at a time, once no one asked that
        month can still answer, so a total never moves by one person's answer. The
        months are taken in order, and a month whose answers are too few to pass
        waits to be added with the next: each group of months joins only when it
        passes the rule whole (step 0). A finer step joins groups of the step above
        it until each of its own groups (each level, say) passes too. So whatever a
        director reads, on any day and with any filters, the difference between two
        totals is a group of four or more answers."""
        if question.pk in self._released:
            return self._released[question.pk]
        answers = self.answers[question.pk]
        asked, still_open = self.asked_of(question), self.asked_of(question, self.open)
        released = {}
        for program in {cell[0] for cell in asked}:
            cells = [cell for cell in asked if cell[0] == program]
            months = sorted({cell[3] for cell in cells})
            complete = []
            for month in months:
                if any(still_open.get(cell) for cell in cells if cell[3] == month):
                    break
                complete.append(month)
            units = [[month] for month in complete]
            steps = []
            for dims in STEPS:
                groups, pending = [], []
                for unit in units:
                    pending += unit
                    if self._passes_by(answers, asked, cells, pending, dims):
                        groups.append(pending)
                        pending = []
                steps.append({month for group in groups for month in group})
                units = groups
            released[program] = steps
        self._released[question.pk] = released
        return released

    @staticmethod
    def _passes_by(answers, asked, cells, months, dims) -> bool:
        """Whether, over these months, each group of `dims` that has an answer passes."""
        groups = defaultdict(lambda: [0, 0])
        for cell in cells:
            if cell[3] in months:
                group = tuple(cell[PLACE[d]] for d in dims)
                groups[group][0] += sum(answers.get(cell, {}).values())
                groups[group][1] += asked.get(cell, 0)
        if not dims and not any(n for n, _ in groups.values()):
            return False
        return all(passes(n, of) for n, of in groups.values() if n)

    def total(self, question: Question, month: date | None = None) -> Total:
        """The total of `question` over the cut (and one month of it, for a series)."""
        answers, asked = self.answers[question.pk], self.asked_of(question)
        cut_by = {"level"} if self.cut.level else set()
        cut_by |= {"kind"} if self.cut.mentor_kind else set()
        cut_by |= {"month"} if month is not None else set()
        needed = next(i for i, dims in enumerate(STEPS) if cut_by <= set(dims))
        released = self.released(question)
        total = Total(key=question.key, text=question.text, format=question.format)
        counts = defaultdict(int)
        whole_only, counted_in, counted_asked = 0, set(), 0
        for cell in set(answers) | set(asked):
            if not self.in_cut(cell, month):
                continue
            given = sum(answers.get(cell, {}).values())
            total.asked += asked.get(cell, 0)
            total.answered += given
            steps = released.get(cell[0], [set()] * len(STEPS))
            if cell[3] in steps[needed]:
                counted_in.add((cell[0], cell[3]))
                counted_asked += asked.get(cell, 0)
                for number, n in answers.get(cell, {}).items():
                    counts[number] += n
            elif cell[3] in steps[0]:
                whole_only += given
        counted = sum(counts.values())
        total.waiting = total.answered - counted
        if counted:
            # A shown total speaks of what it adds up: those answers, of those asked.
            total.shown, total.answered, total.asked = True, counted, counted_asked
            total.counted_in = frozenset(counted_in)
            total.counts = {k: v for k, v in sorted(counts.items()) if k is not None}
            numbers = sum(total.counts.values())
            if question.format == Format.SCALE and numbers:
                total.mean = sum(k * v for k, v in total.counts.items()) / numbers
        elif not passes(total.answered, total.asked):
            total.why = why_not(total.answered, total.asked)
        elif whole_only:
            total.why = WHOLE_ONLY
        else:
            total.why = why_waiting(total.waiting)
        return total


def _questions(cut: Cut, kind: str | None, key: str | None = None) -> list[Question]:
    """The questions a total is made of (of `kind`, or every kind)."""
    questions = (
        Question.objects.filter(Q(program__isnull=True) | Q(program_id__in=cut.program_ids))
        .filter(audience__in=TOTALLED)
        .exclude(format=Format.TEXT)
        # The built-in questions first on every database (PostgreSQL sorts NULL last).
        .order_by(F("program").asc(nulls_first=True), "order", "pk")
    )
    if kind:
        questions = questions.filter(kind=kind)
    if key:
        questions = questions.filter(key=key, program__isnull=True)
    return list(questions)


def totals(cut: Cut, kind: str) -> list[Total]:
    """Every question of `kind` that has a total (not those answered in words)."""
    questions = _questions(cut, kind)
    if not questions:
        return []
    cells = _Cells(cut, questions)
    return [cells.total(q) for q in questions]


def totals_of_kinds(cut: Cut, kinds) -> dict[str, list[Total]]:
    """totals() of several kinds of check-in at once, in the same three queries."""
    questions = [q for q in _questions(cut, None) if q.kind in kinds]
    cells = _Cells(cut, questions) if questions else None
    return {kind: [cells.total(q) for q in questions if q.kind == kind] for kind in kinds}


def pulse(cut: Cut) -> Total:
    """The pulse's "This mentorship is useful to me" (1 to 5), over the cut."""
    questions = _questions(cut, Kind.PULSE, PULSE_KEY)
    if not questions:
        return Total(key=PULSE_KEY, text="", format=Format.SCALE, why="No pulse question.")
    return _Cells(cut, questions).total(questions[0])


def pulse_by_month(cut: Cut) -> list[tuple[date, Total]]:
    """The pulse month by month: the first day of each month that had check-ins."""
    questions = _questions(cut, Kind.PULSE, PULSE_KEY)
    if not questions:
        return []
    cells = _Cells(cut, questions)
    months = sorted({cell[3] for cell in cells.asked_of(questions[0]) if cells.in_cut(cell)})
    return [(month, cells.total(questions[0], month)) for month in months]


def response(cut: Cut) -> tuple[int, int]:
    """(asked, answered): every check-in opened in the cut, with the cut's filters."""
    checkins = cut.checkins()
    if cut.level:
        checkins = checkins.filter(level=cut.level)
    if cut.mentor_kind:
        checkins = checkins.filter(mentor_kind=cut.mentor_kind)
    figures = checkins.aggregate(
        asked=Count("pk"), answered=Count("pk", filter=Q(status=Checkin.Status.ANSWERED))
    )
    return figures["asked"], figures["answered"]


def pairing_flags(pairing_ids) -> dict[int, int]:
    """Open "check in" tasks per pairing id."""
    rows = (
        FollowUp.objects.open()
        .filter(pairing_id__in=pairing_ids)
        .values("pairing_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["pairing_id"]: row["n"] for row in rows}
