from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone

from mentorship.fixed import FixedFieldsMixin
from mentorship.programs.models import Interest, Program
from mentorship.programs.prompts import PromptsMixin
from mentorship.years.models import AcademicYear, Level
from mentorship.years.terms import evaluative_terms, role_labels

from .directory import DirectoryQuerySet

MAX_CAPACITY = 20
PROMPT_MAX_LENGTH = 2000


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(approved_at__isnull=False)

    def waiting(self):
        return self.filter(approved_at__isnull=True)

    def directed_by(self, user):
        """Memberships of the programs this person directs (all of them for a superuser)."""
        return self.filter(program__in=Program.objects.directed_by(user).values("pk"))


class MentorProfileQuerySet(DirectoryQuerySet):
    def listed_in(self, programs):
        """Mentors approved in any of these programs (a queryset of program pks, or ids)."""
        return self.filter(
            Exists(
                Membership.objects.approved().filter(mentor=OuterRef("pk"), program__in=programs)
            )
        )

    def in_programs(self, programs):
        """Mentors of any of these programs, approved there or not, once each."""
        return self.filter(
            Exists(Membership.objects.filter(mentor=OuterRef("pk"), program__in=programs))
        )

    def with_open_places(self, *, many: bool = False):
        """`active_mentees`: pairings holding a place (proposed, active or paused);
        `open_places`: what is left of the capacity, never below zero.

        For a few mentors, each one's pairings are counted in a subquery. With
        `many`, for a list that sorts or filters every mentor by it, the counts come
        joined from the pairings' view of every mentor's load (pairings.MentorLoad,
        by its reverse name "load"), which the database counts in one pass."""
        if many:
            held = Coalesce(F("load__held"), Value(0))
        else:
            # Pairings are an app above this one: reached by their reverse name.
            pairings = self.model.pairings.rel.related_model.objects
            holding = (
                pairings.open()
                .filter(mentor=OuterRef("pk"))
                .order_by()
                .values("mentor")
                .annotate(n=Count("pk"))
                .values("n")
            )
            held = Coalesce(Subquery(holding, output_field=IntegerField()), Value(0))
        return self.annotate(active_mentees=held).annotate(
            open_places=Greatest(F("capacity") - F("active_mentees"), Value(0))
        )

    def with_memberships(self):
        """Each profile's memberships with their programs, for is_listed_in and
        the listed/waiting programs: one query for the whole page."""
        memberships = Membership.objects.select_related("program").order_by("program__name")
        return self.prefetch_related(Prefetch("memberships", queryset=memberships))

    def listed_for(self, user):
        """The directory: mentors approved in the programs the viewer belongs to."""
        if not user.is_authenticated:
            return self.none()
        return self.listed_in(Program.objects.of_member(user).values("pk"))

    def visible_to(self, user):
        """Listed mentors, plus your own profile, plus those in programs you direct."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        member_programs = Program.objects.of_member(user).values("pk")
        directed = Program.objects.filter(directors=user).values("pk")
        listed = Membership.objects.approved().filter(program__in=member_programs)
        return self.filter(
            Q(pk__in=listed.values("mentor_id"))
            | Q(user=user)
            | Q(pk__in=Membership.objects.filter(program__in=directed).values("mentor_id"))
        )

    def directed_by(self, user):
        """Rows a director may see and edit in the admin."""
        if user.is_superuser:
            return self.all()
        return self.in_programs(Program.objects.filter(directors=user).values("pk"))


class MentorProfile(FixedFieldsMixin, PromptsMixin, models.Model):
    """How a mentor likes to help, and how many mentees they can take."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    programs = models.ManyToManyField(
        Program,
        through="Membership",
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

    # Roles in which the mentor evaluates residents are dated terms (years.RoleTerm),
    # per program: evaluative_roles and evaluative_roles_in read them.

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

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The directory's search on PostgreSQL: the name and every text above as one
    # indexed document, kept current by the database itself (migration 0003's
    # triggers), however a row is written. Empty on SQLite, which searches the
    # fields one by one.
    search_document = SearchVectorField(null=True, editable=False)

    objects = MentorProfileQuerySet.as_manager()

    FIXED_FIELDS = ("user",)
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
        return reverse("pairings:mentor", args=[self.pk])

    # Approval is per program: these read the memberships, prefetched where a
    # page shows many profiles (prefetch_related("memberships__program")).

    def is_listed_in(self, program) -> bool:
        program_id = getattr(program, "pk", program)
        return any(m.program_id == program_id and m.is_approved for m in self.memberships.all())

    @property
    def is_listed(self) -> bool:
        """Approved in at least one program: residents there can find this mentor."""
        return any(m.is_approved for m in self.memberships.all())

    @property
    def listed_programs(self) -> list[Program]:
        return [m.program for m in self.memberships.all() if m.is_approved]

    @property
    def waiting_programs(self) -> list[Program]:
        return [m.program for m in self.memberships.all() if not m.is_approved]

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

    # Evaluative roles are the user's role terms in force (years.RoleTerm), prefetched
    # where a page shows many profiles (evaluative_terms_now("user__role_terms")).

    @property
    def near_peer_label(self) -> str:
        """ "Near-peer · CA-3" for a near-peer mentor, "" for faculty: read from
        `near_peer_level` (MentorProfile.objects.with_near_peer_level())."""
        if level := getattr(self, "near_peer_level", None):
            return f"Near-peer · {Level(level).label}"
        return ""

    @property
    def evaluative_roles(self) -> list[str]:
        """Roles in force today in which this mentor evaluates residents, in any program."""
        terms = getattr(self.user, "evaluative_terms_now", None)
        if terms is None:
            terms = evaluative_terms(self.user_id)
        return role_labels(terms)

    def evaluative_roles_in(self, program, day: date | None = None) -> list[str]:
        """The same, in one program on `day` (today): what the conflict rule reads."""
        program_id = getattr(program, "pk", program)
        terms = getattr(self.user, "evaluative_terms_now", None)
        if terms is None or day is not None:
            return role_labels(evaluative_terms(self.user_id, program_id, day))
        return role_labels(t for t in terms if t.program_id == program_id)

    def has_pledged_in(self, program, day: date | None = None) -> bool:
        """They confirmed, for the program's academic year `day` (today) falls in, that
        what they hear as a mentor is never used in evaluations."""
        day = day or timezone.localdate()
        return self.pledges.filter(
            year__program=program, year__starts_on__lte=day, year__ends_on__gte=day
        ).exists()

    def does_not_evaluate_in(self, program, day: date | None = None) -> bool:
        """ "This mentor does not evaluate you": pledged this year, and no evaluative
        role in the program on that day."""
        return not self.evaluative_roles_in(program, day) and self.has_pledged_in(program, day)


class Membership(FixedFieldsMixin, models.Model):
    """A mentor's place in one program, with that program's own approval.

    Each program's directors approve the mentors listed in its directory; a mentor
    approved in one program waits for the directors of the next one they join.
    """

    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="memberships")
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="mentor_memberships"
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
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    FIXED_FIELDS = ("mentor", "program")
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "program membership"
        ordering = ["program__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "program"], name="one_membership_per_program"
            ),
        ]
        indexes = [
            models.Index(fields=["program", "approved_at"], name="membership_program_approved")
        ]

    def __str__(self):
        return f"{self.mentor} in {self.program}"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class EvaluationPledge(models.Model):
    """A mentor's yearly word that what they hear as a mentor is never used in
    evaluations: one per program year, so each program's residents can read it."""

    TEXT = "What I hear as a mentor is never used in evaluations."

    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="pledges")
    year = models.ForeignKey(AcademicYear, on_delete=models.CASCADE, related_name="pledges")
    confirmed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-year__starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mentor", "year"], name="one_pledge_per_year"),
        ]

    def __str__(self):
        return f"{self.mentor}, {self.year}"
