"""The year's rollover: a director's plan for the program's next year, what they
chose for single people, and the answers of graduates and mentors they asked.

The plan itself is worked out from the appointments each time it is shown
(plan.py): only what a director or a person decided is stored here.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear


def opens_on(starts_on: date) -> date:
    """The day the wizard opens for a year: three months before its first day
    (April 1 for a year that starts on July 1)."""
    month = starts_on.month - 3
    year = starts_on.year
    if month < 1:
        month, year = month + 12, year - 1
    return date(year, month, starts_on.day)


class RolloverQuerySet(models.QuerySet):
    def directed_by(self, user):
        return self.filter(program__in=Program.objects.directed_by(user).values("pk"))

    def due(self, day: date):
        """Scheduled rollovers whose year has begun by `day`."""
        return self.filter(state=Rollover.State.SCHEDULED, to_year__starts_on__lte=day)


class Rollover(models.Model):
    """One program's move into one year: drafted, scheduled for the year's first
    day, applied on it (or undone before)."""

    class State(models.TextChoices):
        DRAFT = "draft", "Being prepared"
        SCHEDULED = "scheduled", "Scheduled"
        APPLIED = "applied", "Applied"
        UNDONE = "undone", "Undone"

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="rollovers")
    to_year = models.ForeignKey(AcademicYear, on_delete=models.CASCADE, related_name="rollovers")
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    objects = RolloverQuerySet.as_manager()

    class Meta:
        ordering = ["program", "-to_year__starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["program", "to_year"], name="one_rollover_per_year"),
        ]

    def __str__(self):
        return f"{self.program}: into {self.to_year.label}"

    @property
    def is_editable(self) -> bool:
        """Choices can change until the day it is applied."""
        return self.state in (self.State.DRAFT, self.State.SCHEDULED, self.State.UNDONE)


class RolloverChoice(models.Model):
    """A director's choice for one person: hold them back a year at the same
    level, or extend them at it with a new expected end."""

    class Choice(models.TextChoices):
        HOLD_BACK = "hold_back", "Hold back a year"
        EXTEND = "extend", "Extend"

    rollover = models.ForeignKey(Rollover, on_delete=models.CASCADE, related_name="choices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(max_length=10, choices=Choice.choices)
    expected_end = models.DateField("new expected end", null=True, blank=True)
    reason = models.CharField("why", max_length=300, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    made_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rollover", "user"], name="one_choice_per_person"),
            models.CheckConstraint(
                condition=Q(choice="hold_back") | Q(expected_end__isnull=False),
                name="extension_has_an_expected_end",
                violation_error_message="An extension needs its new expected end.",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_choice_display()}"


class AlumniOffer(models.Model):
    """A graduate asked whether they would mentor as alumni, and their answer."""

    rollover = models.ForeignKey(Rollover, on_delete=models.CASCADE, related_name="alumni_offers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alumni_offers"
    )
    asked_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    accepted = models.BooleanField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["rollover", "user"], name="one_alumni_offer_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user} as an alumni mentor of {self.rollover.program}"

    def get_absolute_url(self):
        return reverse("rollover:alumni", args=[self.pk])


class CapacityConfirmation(models.Model):
    """A mentor asked how many mentees they can take next year, and their answer."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capacity_confirmations"
    )
    year = models.ForeignKey(AcademicYear, on_delete=models.CASCADE, related_name="+")
    asked_at = models.DateTimeField()
    capacity = models.PositiveSmallIntegerField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "year"], name="one_capacity_per_year"),
        ]

    def __str__(self):
        return f"{self.user}'s places in {self.year.label}"

    def get_absolute_url(self):
        return reverse("rollover:capacity", args=[self.pk])
