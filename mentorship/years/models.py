"""Academic years and appointments: "CA-2 in 2026–27" as a fact, not a guess.

An academic year belongs to one program and runs from the program's start day
(July 1 unless it sets another) to the day before the next one. An appointment
is one person's level in one program for one year, with the dates of an
off-cycle start and the expected end, and where they stand (active, extended,
leaving, graduated).
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from mentorship.fixed import FixedFieldsMixin
from mentorship.programs.models import Program


class Level(models.TextChoices):
    """Training levels, in the order a resident moves through them."""

    STUDENT = "student", "Medical student"
    INTERN = "intern", "PGY-1 (intern)"
    CA1 = "ca1", "CA-1"
    CA2 = "ca2", "CA-2"
    CA3 = "ca3", "CA-3"
    FELLOW = "fellow", "Fellow"
    FACULTY = "faculty", "Faculty"


class AcademicYearQuerySet(models.QuerySet):
    def directed_by(self, user):
        """Years of the programs this person directs (all of them for a superuser)."""
        return self.filter(program__in=Program.objects.directed_by(user).values("pk"))

    def for_day(self, program: Program, day: date | None = None) -> "AcademicYear":
        """The program's year that `day` (today) falls in, made when it isn't there yet."""
        starts_on = program.year_start_on_or_before(day or timezone.localdate())
        year, _ = self.get_or_create(
            program=program,
            starts_on=starts_on,
            defaults={"ends_on": AcademicYear.last_day_after(starts_on)},
        )
        return year


class AcademicYear(models.Model):
    """One program's year, "2026–27", from its first day to its last."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="years")
    starts_on = models.DateField("first day")
    ends_on = models.DateField("last day")

    objects = AcademicYearQuerySet.as_manager()

    class Meta:
        ordering = ["program", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "starts_on"],
                name="one_year_per_start",
                violation_error_message="This program already has a year starting that day.",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="academic_year_ends_after_it_starts",
                violation_error_message="The last day comes after the first.",
            ),
        ]

    def __str__(self):
        return f"{self.label} ({self.program})"

    @property
    def label(self) -> str:
        """ "2026–27": the years it spans, with an en dash."""
        return self.label_for(self.starts_on, self.ends_on)

    @staticmethod
    def label_for(starts_on: date, ends_on: date) -> str:
        if ends_on.year == starts_on.year:
            return str(starts_on.year)
        return f"{starts_on.year}–{ends_on.year % 100:02d}"

    @staticmethod
    def last_day_after(starts_on: date) -> date:
        """The day before the same date a year on."""
        return date.fromordinal(starts_on.replace(year=starts_on.year + 1).toordinal() - 1)


class YearReview(models.Model):
    """What the director writes for the year's annual report: the themes they saw,
    and what was done about last year's."""

    year = models.OneToOneField(AcademicYear, on_delete=models.CASCADE, related_name="review")
    themes = models.TextField(
        "themes this year",
        max_length=4000,
        blank=True,
        help_text="What stood out this year, in a few sentences: what went well, what "
        "residents asked for, what you'd like the committee to know.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "year's review"
        verbose_name_plural = "years' reviews"

    def __str__(self):
        return f"Review of {self.year}"


class YearAction(models.Model):
    """One action taken this year on what last year's report found, and where it stands."""

    class State(models.TextChoices):
        PLANNED = "planned", "Planned"
        UNDER_WAY = "under_way", "Under way"
        DONE = "done", "Done"
        DROPPED = "dropped", "Set aside"

    review = models.ForeignKey(YearReview, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField("action", max_length=300)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PLANNED)
    note = models.CharField("where it stands", max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["review", "order", "pk"]

    def __str__(self):
        return self.what


class AppointmentQuerySet(models.QuerySet):
    def directed_by(self, user):
        return self.filter(year__program__in=Program.objects.directed_by(user).values("pk"))

    def in_program(self, program):
        return self.filter(year__program=program)

    def current(self, day: date | None = None):
        """Appointments of the years `day` (today) falls in."""
        day = day or timezone.localdate()
        return self.filter(year__starts_on__lte=day, year__ends_on__gte=day)


class Appointment(FixedFieldsMixin, models.Model):
    """One person's training level in one program for one academic year."""

    FIXED_FIELDS = ("user", "year")

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        EXTENDED = "extended", "Extended"
        LEAVING = "leaving", "Leaving"
        GRADUATED = "graduated", "Graduated"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appointments"
    )
    # The program is the year's: an appointment can't name a year of another program.
    year = models.ForeignKey(AcademicYear, on_delete=models.CASCADE, related_name="appointments")
    level = models.CharField(max_length=10, choices=Level.choices, db_index=True)
    starts_on = models.DateField(
        "starts on", null=True, blank=True, help_text="Only for a start off the year's first day."
    )
    expected_end = models.DateField("expected end", null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["year", "level", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "year"],
                name="one_appointment_per_year",
                violation_error_message="This person already has an appointment that year.",
            ),
            models.CheckConstraint(
                condition=Q(expected_end__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(expected_end__gt=F("starts_on")),
                name="appointment_ends_after_it_starts",
                violation_error_message="The expected end comes after the start.",
            ),
        ]

    def __str__(self):
        return f"{self.user}, {self.get_level_display()} in {self.year.label}"

    @property
    def program(self) -> Program:
        return self.year.program

    @property
    def described(self) -> str:
        """ "CA-2 in 2026–27"."""
        return f"{self.get_level_display()} in {self.year.label}"


def appointments_now(lookup: str = "appointments"):
    """A Prefetch of this year's appointments, with their years, as `appointments_now`
    on the users `lookup` leads to ("mentee__user__appointments"): one query for a
    whole list, which MenteeProfile.current_appointment reads."""
    return models.Prefetch(
        lookup,
        queryset=Appointment.objects.current().select_related("year"),
        to_attr="appointments_now",
    )


from .terms import RoleTerm  # noqa: E402, F401  (a model of this app, in its own module)
