from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q


class ProgramQuerySet(models.QuerySet):
    def of_member(self, user):
        """Programs a person belongs to: as mentee, as mentor or as director.

        Three small subqueries, each through this person's own rows: an OR of the
        joins would multiply every program's mentees by its mentors to find one.
        """
        if not user.is_authenticated:
            return self.none()
        programs = Program.objects.order_by()
        return self.filter(
            Q(pk__in=programs.filter(mentee_profiles__user=user).values("pk"))
            | Q(pk__in=programs.filter(mentor_profiles__user=user).values("pk"))
            | Q(pk__in=programs.filter(directors=user).values("pk"))
        )

    def directed_by(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(directors=user)


class Program(models.Model):
    """One mentorship program: a department's residency, or a whole society."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(
        "short description",
        max_length=1000,
        blank=True,
        help_text="A sentence or two that mentors and mentees see.",
    )
    directors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="directed_programs",
        blank=True,
        help_text="Program directors who run this program in the admin.",
    )
    meeting_target_days = models.PositiveSmallIntegerField(
        "target days between meetings",
        default=42,
        validators=[MinValueValidator(7), MaxValueValidator(365)],
        help_text="After this many days without a meeting, both people get a gentle nudge.",
    )
    max_pending_requests = models.PositiveSmallIntegerField(
        "most pending requests per mentee",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    request_expiry_days = models.PositiveSmallIntegerField(
        "days before a pending request expires",
        default=21,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    year_starts_month = models.PositiveSmallIntegerField(
        "month the academic year starts",
        default=7,
        db_default=7,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="Most residencies start on July 1.",
    )
    year_starts_day = models.PositiveSmallIntegerField(
        "day of the month it starts",
        default=1,
        db_default=1,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting_target_days__gte=7, meeting_target_days__lte=365),
                name="program_meeting_target_days_range",
            ),
            models.CheckConstraint(
                condition=Q(max_pending_requests__gte=1, max_pending_requests__lte=10),
                name="program_max_pending_requests_range",
            ),
            models.CheckConstraint(
                condition=Q(request_expiry_days__gte=1, request_expiry_days__lte=120),
                name="program_request_expiry_days_range",
            ),
            # Day 28 at most: every month has it, so every year has its first day.
            models.CheckConstraint(
                condition=Q(year_starts_month__gte=1, year_starts_month__lte=12)
                & Q(year_starts_day__gte=1, year_starts_day__lte=28),
                name="program_year_start_is_a_day_of_every_year",
            ),
        ]

    def __str__(self):
        return self.name

    def year_start_on_or_before(self, day: date) -> date:
        """The first day of the academic year `day` falls in, by this program's start."""
        start = date(day.year, self.year_starts_month, self.year_starts_day)
        return start if start <= day else start.replace(year=day.year - 1)


class Interest(models.Model):
    """One entry of the taxonomy mentors and mentees describe themselves with."""

    class Category(models.TextChoices):
        CLINICAL = "clinical", "Clinical area"
        RESEARCH = "research", "Research"
        EDUCATION = "education", "Education"
        LEADERSHIP = "leadership", "Leadership"
        WELLNESS = "wellness", "Wellness and well-being"
        CAREER = "career", "Career planning"
        IDENTITY = "identity", "Identity and affinity"
        LIFE = "life", "Life outside medicine"

    name = models.CharField(max_length=80, unique=True)
    category = models.CharField(max_length=20, choices=Category.choices)

    class Meta:
        ordering = ["category", "name"]

    def __str__(self):
        return self.name
