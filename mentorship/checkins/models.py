"""Check-ins: short surveys on the residency calendar, and who sees each answer.

A Question belongs to a kind of check-in (pairing fit, pulse, mid-year, end of
year, closing reflection) and carries its audience: who will read the answer,
printed under it for the person answering. The built-in questions (program
empty) come from a data migration; a program adds its own beside them, up to
six a check-in.

A Checkin is one person asked once, for one period ("pulse-90" of a pairing,
"midyear-2026" of a program): the unique constraints make a second send of the
same period impossible. It snapshots the person's level and the pairing's kind
when sent, so the program's figures cut by level and mentor type as they stood.
An Answer keeps the audience its question promised when it was given.

A FollowUp is a task on the director's list ("check in with this pairing"),
raised by a low pulse, two drops in a row, or "not a good fit". It says why in
words that never quote an answer the director may only see as a total.
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from mentorship.fixed import FixedFieldsMixin
from mentorship.pairings.models import Pairing
from mentorship.programs.models import Program

ANSWER_TEXT_MAX_LENGTH = 2000
MAX_QUESTIONS = 6
REMIND_ON_DAYS = (3, 7)
OPEN_DAYS = 14


class Kind(models.TextChoices):
    FIT = "fit", "Pairing fit"
    PULSE = "pulse", "Pulse"
    MIDYEAR = "midyear", "Mid-year check-in"
    END_OF_YEAR = "end_of_year", "End-of-year check-in"
    CLOSING = "closing", "Closing reflection"


PAIRING_KINDS = (Kind.FIT, Kind.PULSE, Kind.CLOSING)
PROGRAM_KINDS = (Kind.MIDYEAR, Kind.END_OF_YEAR)


class Audience(models.TextChoices):
    """Who reads an answer. The label is what the person answering reads under it."""

    PARTNER = "partner", "Your mentor or mentee reads this, and no one else."
    DIRECTOR = "director", "Your program director reads this, with your name."
    TOTAL = (
        "total",
        (
            "Your program director sees this only as a total of everyone's answers, "
            "never yours alone."
        ),
    )
    WELLNESS = (
        "wellness",
        (
            "Only your program's wellness contact hears about this: not your mentor, "
            "not your program director."
        ),
    )


class Asks(models.TextChoices):
    """Whom a question is put to."""

    MENTEE = "mentee", "Mentees"
    MENTOR = "mentor", "Mentors"
    BOTH = "both", "Mentees and mentors"


class Format(models.TextChoices):
    SCALE = "scale", "1 to 5"
    YES_NO = "yes_no", "Yes or no"
    FIT = "fit", "Good fit, still deciding, not a good fit"
    TEXT = "text", "In their own words"


SCALE_LABELS = {
    1: "Strongly disagree",
    2: "Disagree",
    3: "Neither",
    4: "Agree",
    5: "Strongly agree",
}
YES_NO_LABELS = {1: "Yes", 0: "No"}


class Fit(models.IntegerChoices):
    GOOD = 3, "A good fit"
    DECIDING = 2, "Still deciding"
    NOT = 1, "Not a good fit"


FORMAT_CHOICES = {
    Format.SCALE: list(SCALE_LABELS.items()),
    Format.YES_NO: list(YES_NO_LABELS.items()),
    Format.FIT: [(v, label) for v, label in Fit.choices],
}


class QuestionQuerySet(models.QuerySet):
    def for_program(self, program_id: int, kind: str):
        """The active questions of `kind` a program asks: the built-in ones, then its own."""
        return self.filter(
            Q(program__isnull=True) | Q(program_id=program_id), kind=kind, active=True
        ).order_by(models.F("program").asc(nulls_first=True), "order", "pk")


class Question(models.Model):
    program = models.ForeignKey(
        Program,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="checkin_questions",
        help_text="Empty for the questions every program asks.",
    )
    kind = models.CharField("check-in", max_length=12, choices=Kind.choices)
    key = models.SlugField(max_length=40, help_text="A short name for exports.")
    text = models.CharField("question", max_length=300)
    hint = models.CharField(max_length=300, blank=True)
    format = models.CharField(max_length=10, choices=Format.choices)
    audience = models.CharField("who sees the answer", max_length=10, choices=Audience.choices)
    asks = models.CharField("asked of", max_length=10, choices=Asks.choices, default=Asks.MENTEE)
    required = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "program", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key"],
                condition=Q(program__isnull=True),
                name="checkin_question_key_builtin",
            ),
            models.UniqueConstraint(
                fields=["program", "kind", "key"],
                condition=Q(program__isnull=False),
                name="checkin_question_key_program",
                violation_error_message="This check-in already has a question by that name.",
            ),
        ]

    def __str__(self):
        return self.text

    def asked_of(self, side: str) -> bool:
        return self.asks in (Asks.BOTH, side)

    @property
    def choices(self) -> list[tuple[int, str]]:
        return FORMAT_CHOICES.get(self.format, [])

    def label_of(self, value: int | None) -> str:
        return dict(self.choices).get(value, "") if value is not None else ""


class CheckinQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Checkin.Status.OPEN)

    def of_person(self, user):
        return self.filter(person=user)

    def directed_by(self, user):
        return self.filter(program__in=Program.objects.directed_by(user).values("pk"))


class Checkin(FixedFieldsMixin, models.Model):
    """One person asked once, for one period of one kind of check-in."""

    FIXED_FIELDS = ("program", "person", "pairing", "kind", "period")

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for an answer"
        ANSWERED = "answered", "Answered"
        CLOSED = "closed", "Closed unanswered"

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="checkins")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    pairing = models.ForeignKey(
        Pairing, on_delete=models.CASCADE, null=True, blank=True, related_name="checkins"
    )
    side = models.CharField(max_length=10, choices=Asks.choices[:2])
    kind = models.CharField(max_length=12, choices=Kind.choices)
    period = models.CharField(
        max_length=30, help_text='Which one of its kind: "pulse-90", "midyear-2026".'
    )
    level = models.CharField(
        max_length=10, blank=True, db_index=True, help_text="The person's level when asked."
    )
    mentor_kind = models.CharField(
        "mentor type",
        max_length=10,
        blank=True,
        choices=Pairing.Kind.choices,
        help_text="The pairing's, when asked about one.",
    )
    opened_on = models.DateField(db_index=True)
    closes_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminded_on = models.DateField(
        null=True, blank=True, help_text="When a director last sent a reminder by hand."
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CheckinQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pairing", "person", "period"],
                condition=Q(pairing__isnull=False),
                name="one_checkin_per_pairing_period",
            ),
            models.UniqueConstraint(
                fields=["program", "person", "period"],
                condition=Q(pairing__isnull=True),
                name="one_checkin_per_program_period",
            ),
            models.CheckConstraint(
                condition=Q(closes_on__gt=models.F("opened_on")),
                name="checkin_closes_after_it_opens",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "status"], name="checkin_person_status"),
            models.Index(fields=["program", "kind", "opened_on"], name="checkin_program_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.person}"

    def get_absolute_url(self):
        return reverse("checkins:answer", args=[self.pk])

    @staticmethod
    def closing_day(opened_on):
        return opened_on + timedelta(days=OPEN_DAYS)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Answer(models.Model):
    checkin = models.ForeignKey(Checkin, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    number = models.SmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(5)]
    )
    text = models.TextField(max_length=ANSWER_TEXT_MAX_LENGTH, blank=True)
    audience = models.CharField(
        max_length=10, choices=Audience.choices, help_text="As the question promised it."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["checkin", "question__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["checkin", "question"], name="one_answer_per_question"),
        ]
        indexes = [models.Index(fields=["question", "checkin"], name="answer_question_checkin")]

    def __str__(self):
        return f"Answer to {self.question} ({self.checkin})"


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def directed_by(self, user):
        return self.filter(program__in=Program.objects.directed_by(user).values("pk"))


class FollowUp(models.Model):
    """A "check in" task on the director's list."""

    class Reason(models.TextChoices):
        # Said alike, so the label tells no more than the task must: a pulse answer,
        # meant for a total only, asks the director to check in.
        LOW_PULSE = "low_pulse", "A recent pulse check-in"
        DROPS = "drops", "Recent pulse check-ins"
        NOT_A_FIT = "not_a_fit", "Asked for a new mentor"
        MENTOR_NOT_A_FIT = "mentor_not_a_fit", "The mentor doesn't think it's a fit"

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="follow_ups")
    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="follow_ups")
    checkin = models.ForeignKey(
        Checkin, on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    detail = models.CharField(
        max_length=300,
        blank=True,
        help_text="What the director may read: never an answer meant only for a total.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    done_note = models.CharField("what you did", max_length=300, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["done_at", "-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkin", "reason"],
                condition=Q(checkin__isnull=False),
                name="one_follow_up_per_checkin_reason",
            ),
        ]
        indexes = [models.Index(fields=["program", "done_at"], name="follow_up_program_open")]

    def __str__(self):
        return f"Check in with {self.pairing}: {self.get_reason_display()}"
