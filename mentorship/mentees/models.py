from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from mentorship.fixed import FixedFieldsMixin
from mentorship.programs.models import Interest, Program
from mentorship.programs.prompts import PromptsMixin
from mentorship.years.models import Appointment

PROMPT_MAX_LENGTH = 2000


class MenteeProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The owner, the program's directors, and mentors the mentee has asked
        or is paired with."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        # Requests and pairings are an app above this one: reached by their reverse names.
        requests = self.model.requests.rel.related_model.objects
        pairings = self.model.pairings.rel.related_model.objects
        asked = requests.filter(mentor__user=user).values("mentee_id")
        paired = pairings.filter(mentor__user=user).values("mentee_id")
        return self.filter(
            Q(user=user)
            | Q(program__in=Program.objects.filter(directors=user).values("pk"))
            | Q(pk__in=asked)
            | Q(pk__in=paired)
        )

    def directed_by(self, user):
        if user.is_superuser:
            return self.all()
        return self.filter(program__in=Program.objects.filter(directors=user).values("pk"))


class MenteeProfile(FixedFieldsMixin, PromptsMixin, models.Model):
    """What a resident is curious about, and where a mentor could help."""

    class TrainingLevel(models.TextChoices):
        STUDENT = "student", "Medical student"
        INTERN = "intern", "Intern"
        CA1 = "ca1", "CA-1"
        CA2 = "ca2", "CA-2"
        CA3 = "ca3", "CA-3"
        FELLOW = "fellow", "Fellow"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentee_profile"
    )
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="mentee_profiles")
    training_level = models.CharField(max_length=10, choices=TrainingLevel.choices)
    start_year = models.PositiveSmallIntegerField(
        "year you started this level",
        validators=[MinValueValidator(1980), MaxValueValidator(2100)],
    )
    interests = models.ManyToManyField(Interest, related_name="mentee_profiles", blank=True)

    curious_about = models.TextField(
        "What are you curious about right now?",
        max_length=PROMPT_MAX_LENGTH,
        blank=True,
        help_text="A field, a skill, a question you keep coming back to. Mentors find you by it.",
    )
    meaningful_year = models.TextField(
        "What would make this year meaningful for you?",
        max_length=PROMPT_MAX_LENGTH,
        blank=True,
        help_text="Think past the next rotation: what would you be glad to look back on?",
    )
    mentor_help = models.TextField(
        "Where could a mentor help most?",
        max_length=PROMPT_MAX_LENGTH,
        blank=True,
        help_text="Asking for help is a gift: it lets someone be generous.",
    )
    can_offer = models.TextField(
        "What could you offer someone else in the program?",
        max_length=PROMPT_MAX_LENGTH,
        blank=True,
        help_text="Everyone has something to give, an intern included.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MenteeProfileQuerySet.as_manager()

    FIXED_FIELDS = ("user",)
    PROMPTS = ["curious_about", "meaningful_year", "mentor_help", "can_offer"]

    class Meta:
        ordering = ["user__name", "pk"]

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("mentees:detail", args=[self.pk])

    def current_appointment(self):
        """This person's appointment in the program's current academic year, or None:
        their level as a fact of the year ("CA-2 in 2026–27"). Read from the user's
        `appointments_now` when a list prefetched them (years.appointments_now)."""
        prefetched = getattr(self.user, "appointments_now", None)
        if prefetched is not None:
            return next((a for a in prefetched if a.year.program_id == self.program_id), None)
        if not hasattr(self, "_current_appointment"):
            self._current_appointment = (
                Appointment.objects.current()
                .in_program(self.program_id)
                .filter(user=self.user_id)
                .select_related("year")
                .first()
            )
        return self._current_appointment

    @property
    def level_described(self) -> str:
        """ "CA-2 in 2026–27" from this year's appointment; what they typed until one exists."""
        if appointment := self.current_appointment():
            return appointment.described
        return f"{self.get_training_level_display()} since {self.start_year}"

    @property
    def level_label(self) -> str:
        """ "CA-2": this year's level, or the typed one until an appointment exists."""
        if appointment := self.current_appointment():
            return appointment.get_level_display()
        return self.get_training_level_display()
