from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from mentorship.programs.models import Interest, Program
from mentorship.programs.prompts import PromptsMixin

MAX_CAPACITY = 20
PROMPT_MAX_LENGTH = 2000


class MentorProfileQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(approved_at__isnull=False)

    def in_programs(self, programs):
        """Mentors of any of these programs, once each."""
        through = MentorProfile.programs.through
        return self.filter(
            Exists(through.objects.filter(mentorprofile_id=OuterRef("pk"), program__in=programs))
        )

    def with_open_places(self):
        """`active_mentees`: pairings holding a place (proposed, active or paused);
        `open_places`: what is left of the capacity, never below zero."""
        from mentorship.pairings.models import Pairing

        holding = (
            Pairing.objects.open()
            .filter(mentor=OuterRef("pk"))
            .order_by()
            .values("mentor")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            active_mentees=Coalesce(Subquery(holding, output_field=IntegerField()), Value(0))
        ).annotate(open_places=Greatest(F("capacity") - F("active_mentees"), Value(0)))

    def listed_for(self, user):
        """The directory: approved mentors of the programs the viewer belongs to."""
        if not user.is_authenticated:
            return self.none()
        return self.approved().in_programs(Program.objects.of_member(user).values("pk"))

    def visible_to(self, user):
        """Listed mentors, plus your own profile, plus those in programs you direct."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        through = MentorProfile.programs.through
        member_programs = Program.objects.of_member(user).values("pk")
        directed = Program.objects.filter(directors=user).values("pk")
        return self.filter(
            Q(
                approved_at__isnull=False,
                pk__in=through.objects.filter(program__in=member_programs).values(
                    "mentorprofile_id"
                ),
            )
            | Q(user=user)
            | Q(pk__in=through.objects.filter(program__in=directed).values("mentorprofile_id"))
        )

    def directed_by(self, user):
        """Rows a director may see and edit in the admin."""
        if user.is_superuser:
            return self.all()
        return self.in_programs(Program.objects.filter(directors=user).values("pk"))


class MentorProfile(PromptsMixin, models.Model):
    """How a mentor likes to help, and how many mentees they can take."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    programs = models.ManyToManyField(
        Program,
        related_name="mentor_profiles",
        help_text="The programs whose residents may ask you.",
    )
    title = models.CharField(
        max_length=120, help_text="For example “Associate Professor” or “CA-3 resident”."
    )
    division = models.CharField(
        max_length=120, blank=True, help_text="For example “Pediatric Anesthesia”."
    )
    interests = models.ManyToManyField(Interest, related_name="mentor_profiles", blank=True)

    capacity = models.PositiveSmallIntegerField(
        "most active mentees",
        default=2,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_CAPACITY)],
        help_text=f"How many residents you can mentor at once, from 0 to {MAX_CAPACITY}. "
        "Fewer, well-kept commitments beat many thin ones.",
    )
    accepting_new = models.BooleanField(
        "accepting new mentees",
        default=True,
        help_text="Turn this off for a busy season; your current mentees are not affected.",
    )
    meets_in_person = models.BooleanField("in person", default=True)
    meets_by_video = models.BooleanField("by video", default=True)
    meets_by_phone = models.BooleanField("by phone", default=False)

    # Roles in which the mentor evaluates residents: residents choose differently
    # when their mentor also grades them.
    is_ccc_member = models.BooleanField("Clinical Competency Committee member", default=False)
    is_program_director = models.BooleanField("residency program director", default=False)
    is_associate_program_director = models.BooleanField("associate program director", default=False)

    how_i_help = models.TextField(
        "How do you like to help?",
        max_length=PROMPT_MAX_LENGTH,
        blank=True,
        help_text="Residents read this first. A listening ear, career maps, research "
        "introductions, a walk after a hard call: say it in your own words.",
    )
    wish_told = models.TextField(
        "What do you wish someone had told you in residency?",
        max_length=PROMPT_MAX_LENGTH,
        blank=True,
        help_text="One lesson, learned the long way, that you'd gladly give away.",
    )
    ask_me_about = models.TextField(
        "Ask me about…",
        max_length=PROMPT_MAX_LENGTH,
        blank=True,
        help_text="Topics you light up about, in or out of the hospital.",
    )
    learning_now = models.TextField(
        "What are you learning these days?",
        max_length=PROMPT_MAX_LENGTH,
        blank=True,
        help_text="Curiosity is contagious; mentees like to know you are still learning too.",
    )

    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MentorProfileQuerySet.as_manager()

    PROMPTS = ["how_i_help", "wish_told", "ask_me_about", "learning_now"]

    class Meta:
        ordering = ["user__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__lte=MAX_CAPACITY), name="mentor_capacity_at_most_20"
            ),
        ]

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("mentors:detail", args=[self.pk])

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    @property
    def meeting_formats(self) -> list[str]:
        return [
            label
            for field, label in (
                ("meets_in_person", "in person"),
                ("meets_by_video", "by video"),
                ("meets_by_phone", "by phone"),
            )
            if getattr(self, field)
        ]

    @property
    def evaluative_roles(self) -> list[str]:
        return [
            label
            for field, label in (
                ("is_program_director", "Residency program director"),
                ("is_associate_program_director", "Associate program director"),
                ("is_ccc_member", "Clinical Competency Committee member"),
            )
            if getattr(self, field)
        ]
