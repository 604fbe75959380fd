"""Match Day: a round, the people in it, their lists, the runs and the overrides.

A round gathers a program's cohort (the incoming CA-1s, or every mentee without a
mentor) and its approved mentors. Mentees rank mentors (Choice), mentors confirm
their places for the round and may rank the mentees who listed them
(MentorRanking), or say they have no preference. Pairs are removed before solving
by a mentor's mark, a director's exclusion, a past pairing or a conflict of
interest (Exclusion holds the first three; conflicts are read from the role
terms at solve time). A Run keeps its whole input, seed and fingerprint, so it
can be repeated exactly, and its result with each mentee's explanation; an
Override moves one mentee in a run, with a reason. Publishing turns the chosen
run into pairings through the pairing services.
"""

import random

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from mentorship.fixed import FixedFieldsMixin
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear, Level

TEXT_MAX_LENGTH = 1000
ROUND_MAX_CAPACITY = 5


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


class RoundQuerySet(models.QuerySet):
    def directed_by(self, user):
        if user.is_superuser:
            return self.all()
        return self.filter(program__in=Program.objects.filter(directors=user).values("pk"))

    def collecting(self):
        return self.filter(state=Round.State.COLLECTING)

    def of_mentee(self, user):
        """Rounds this person is in as a mentee."""
        return self.filter(entrants__mentee__user=user)

    def of_mentor(self, user):
        """Rounds this person is in as a mentor."""
        return self.filter(seats__mentor__user=user)

    def visible_to(self, user):
        """Rounds this person's own pages may show: those they are in, as a mentee or
        a mentor (directors read rounds through directed_by, on /director/ pages)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(pk__in=Entrant.objects.filter(mentee__user=user).values("round_id"))
            | Q(pk__in=Seat.objects.filter(mentor__user=user).values("round_id"))
        )


class Round(models.Model):
    """One matching round of one program, for one cohort."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        COLLECTING = "collecting", "Collecting lists"
        CLOSED = "closed", "Lists closed"
        SOLVED = "solved", "Solved, in review"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    class Cohort(models.TextChoices):
        LEVEL = "level", "Residents at one level in one year"
        UNMATCHED = "unmatched", "Every mentee without a mentor"

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="rounds")
    name = models.CharField(
        max_length=120, help_text="What people see in their e-mail, e.g. “Match Day 2027”."
    )
    cohort = models.CharField(max_length=10, choices=Cohort.choices, default=Cohort.LEVEL)
    level = models.CharField(max_length=10, choices=Level.choices, blank=True)
    year = models.ForeignKey(
        AcademicYear,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rounds",
        help_text="For a level: the year they are at that level.",
    )
    opens_on = models.DateField("lists open on")
    mentee_deadline = models.DateField("mentees' lists due")
    mentor_deadline = models.DateField("mentors' answers due")
    publish_on = models.DateField("results published on")
    list_min = models.PositiveSmallIntegerField(
        "shortest list",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    list_max = models.PositiveSmallIntegerField(
        "longest list",
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    exclude_past_pairs = models.BooleanField(
        "leave out past pairs",
        default=True,
        help_text="A mentee isn't matched again with a mentor they were paired with before.",
    )
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    # The lottery that orders mentees for mentors with no preference, and breaks ties.
    seed = models.PositiveIntegerField(default=new_seed, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    opened_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What the check page's director accepted as it stands: {code: {"count", "by", "at"}}.
    accepted_problems = models.JSONField(default=dict, blank=True)
    # What publishing did: {"paired": n, "skipped": [{"mentee", "mentor", "why"}]}.
    published_report = models.JSONField(default=dict, blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(list_min__lte=F("list_max")),
                name="round_list_min_at_most_max",
                violation_error_message="The shortest list can't be longer than the longest.",
            ),
            models.CheckConstraint(
                condition=Q(opens_on__lte=F("mentee_deadline"))
                & Q(mentee_deadline__lte=F("mentor_deadline"))
                & Q(mentor_deadline__lte=F("publish_on")),
                name="round_dates_in_order",
                violation_error_message="The dates run in order: lists open, mentees' lists "
                "due, mentors' answers due, results published.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.program})"

    def get_absolute_url(self):
        return reverse("rounds:manage", args=[self.pk])

    @property
    def cohort_described(self) -> str:
        if self.cohort == self.Cohort.UNMATCHED:
            return "every mentee without a mentor"
        level = Level(self.level).label if self.level else "residents"
        return f"{level} in {self.year.label}" if self.year_id else level

    @property
    def run(self) -> "Run | None":
        """The round's run: the latest that isn't a what-if. Publishing uses it."""
        return self.runs.filter(is_draft=False).order_by("-number").first()

    def lists_open(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.state == self.State.COLLECTING and day <= self.mentee_deadline

    def mentors_answer(self, day=None) -> bool:
        day = day or timezone.localdate()
        return self.state == self.State.COLLECTING and day <= self.mentor_deadline


class Entrant(FixedFieldsMixin, models.Model):
    """A mentee in a round: fixed when the round opens (and added by a director later)."""

    FIXED_FIELDS = ("round", "mentee")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entrants")
    mentee = models.ForeignKey(
        MenteeProfile, on_delete=models.CASCADE, related_name="round_entries"
    )
    submitted_at = models.DateTimeField("list sent", null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["mentee__user__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "mentee"], name="one_entry_per_mentee"),
        ]

    def __str__(self):
        return f"{self.mentee} in {self.round.name}"


class Seat(FixedFieldsMixin, models.Model):
    """A mentor in a round, with the places they give it."""

    FIXED_FIELDS = ("round", "mentor")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="seats")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="round_seats")
    capacity = models.PositiveSmallIntegerField(
        "new mentees this round",
        null=True,
        blank=True,
        validators=[MaxValueValidator(ROUND_MAX_CAPACITY)],
        help_text=f"From 0 to {ROUND_MAX_CAPACITY}. Until you confirm, your profile's open "
        "places count.",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    no_preference = models.BooleanField(
        "no preference",
        default=False,
        help_text="The round's lottery orders the mentees who listed you.",
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["mentor__user__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "mentor"], name="one_seat_per_mentor"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__lte=ROUND_MAX_CAPACITY),
                name="seat_capacity_at_most_5",
            ),
        ]

    def __str__(self):
        return f"{self.mentor} in {self.round.name}"


class Choice(models.Model):
    """One mentor on a mentee's list, at a rank. Only the mentee and the round's
    directors see it; the sentence is for the directors."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="choices")
    mentee = models.ForeignKey(MenteeProfile, on_delete=models.CASCADE, related_name="+")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    drew_you = models.CharField(
        "What drew you?",
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        help_text="Optional, a sentence. Only the program directors read it.",
    )

    class Meta:
        ordering = ["round", "mentee", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "mentee", "mentor"], name="a_mentor_once_on_a_list"
            ),
            models.UniqueConstraint(fields=["round", "mentee", "rank"], name="one_mentor_per_rank"),
        ]

    def __str__(self):
        return f"{self.mentee}'s choice {self.rank}"


class MentorRanking(models.Model):
    """Where a mentor puts one of the mentees who listed them (1 first)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="mentor_rankings")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="+")
    mentee = models.ForeignKey(MenteeProfile, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["round", "mentor", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "mentor", "mentee"], name="a_mentee_once_in_a_ranking"
            ),
        ]

    def __str__(self):
        return f"{self.mentor} ranks {self.mentee} {self.rank}"


class Exclusion(models.Model):
    """A pair that can't be matched in this round, and why (directors read the reason)."""

    class Source(models.TextChoices):
        MENTOR = "mentor", "Marked by the mentor"
        DIRECTOR = "director", "Excluded by a director"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="exclusions")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="+")
    mentee = models.ForeignKey(MenteeProfile, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=10, choices=Source.choices)
    reason = models.CharField(
        "Why shouldn't they be matched?",
        max_length=TEXT_MAX_LENGTH,
        help_text="Only the program directors read this.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["round", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "mentor", "mentee"], name="one_exclusion_per_pair"
            ),
        ]

    def __str__(self):
        return f"{self.mentor} and {self.mentee} left out"


class Run(models.Model):
    """One solve of a round: its whole input, seed and fingerprint, its result and
    every mentee's explanation. A draft run is a "what if"; the round's run is the
    one it publishes."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="runs")
    number = models.PositiveSmallIntegerField()
    is_draft = models.BooleanField(
        "what if", default=False, help_text="Run with changed capacities or exclusions."
    )
    base = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="what_ifs"
    )
    note = models.CharField("what changed", max_length=TEXT_MAX_LENGTH, blank=True)
    seed = models.PositiveIntegerField()
    fingerprint = models.CharField(max_length=64)
    # {"mentees": {id: [mentor ids]}, "mentors": {id: [mentee ids]}, "capacities": {...},
    #  "removed": [[mentee, mentor, rule]], "changes": {...}}
    input = models.JSONField()
    # {mentee id: mentor id}
    result = models.JSONField()
    # {mentee id: [{"mentor": id, "why": ..., "held_by": [ids]}]}
    explanations = models.JSONField()
    figures = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["round", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="one_run_per_number"),
        ]

    def __str__(self):
        return f"{self.round.name}, run {self.number}"

    def matched(self, overrides=None) -> dict[int, int]:
        """The run's pairs after its overrides: {mentee id: mentor id}. `overrides`:
        the run's overrides in order, when the caller has read them already."""
        pairs = {int(k): v for k, v in self.result.items()}
        if overrides is None:
            overrides = self.overrides.order_by("created_at", "pk")
        for override in overrides:
            if override.to_mentor_id:
                pairs[override.mentee_id] = override.to_mentor_id
            else:
                pairs.pop(override.mentee_id, None)
        return pairs


class Override(models.Model):
    """A director moves one mentee of a run, with a reason and the blocking pairs
    the move makes."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="overrides")
    mentee = models.ForeignKey(MenteeProfile, on_delete=models.CASCADE, related_name="+")
    from_mentor = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    to_mentor = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reason = models.CharField("Why this move?", max_length=TEXT_MAX_LENGTH)
    # [[mentee id, mentor id]]: pairs who would both prefer each other after the move.
    blocking_pairs = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["run", "created_at", "pk"]

    def __str__(self):
        return f"{self.mentee} moved in {self.run}"
