from django.conf import settings
from django.db import models
from django.db.models import Q, Subquery
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from mentorship.fixed import FixedFieldsMixin
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Program

from .meeting_figures import MeetingFiguresMixin, MeetingFiguresQuerySet

ANSWER_MAX_LENGTH = 2000
# A pending request whose mentor asked a question the mentee hasn't answered yet:
# it waits on the mentee; every other pending request waits on the mentor.
AWAITING_MENTEE = Q(question_asked_at__isnull=False, question_answered_at__isnull=True)


def as_mentor(user) -> Subquery:
    """This person's mentor profile id (or none), worked out before the rows are read:
    `mentor=as_mentor(user) | mentee=as_mentee(user)` then reads the few rows of
    that mentor and that mentee by index, where an OR of joins reads them all."""
    return Subquery(MentorProfile.objects.filter(user=user).order_by().values("pk"))


def as_mentee(user) -> Subquery:
    return Subquery(MenteeProfile.objects.filter(user=user).order_by().values("pk"))


def _involving(queryset, user):
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(Q(mentor=as_mentor(user)) | Q(mentee=as_mentee(user)))


class TwoSidesMixin:
    """A row between a mentor and a mentee: a request or a pairing."""

    def side_of(self, user) -> str | None:
        """ "mentor", "mentee" or None: which side of it this person is."""
        if self.mentor.user_id == user.pk:
            return "mentor"
        if self.mentee.user_id == user.pk:
            return "mentee"
        return None

    def other_side_of(self, user) -> str | None:
        """The side across from this person: "mentee" for the mentor, "mentor" for
        the mentee, None for anyone else."""
        return {"mentor": "mentee", "mentee": "mentor"}.get(self.side_of(user))


class MentorshipRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What this person's own pages may show: the requests they asked or were asked.
        Never a director's view of the program: that is `directed_by`."""
        return _involving(self, user)

    def involving(self, user):
        """Requests this person asked or was asked (the same rows as `visible_to`)."""
        return _involving(self, user)

    def pending(self):
        return self.filter(status=MentorshipRequest.Status.PENDING)

    def waiting_on(self, user):
        """Pending requests that wait on this person: to answer as the mentor, or to
        reply to the mentor's question as the mentee."""
        return self.pending().filter(
            (Q(mentor=as_mentor(user)) & ~AWAITING_MENTEE)
            | (Q(mentee=as_mentee(user)) & AWAITING_MENTEE)
        )

    def directed_by(self, user):
        if user.is_superuser:
            return self.all()
        return self.filter(program__in=Program.objects.filter(directors=user).values("pk"))


class MentorshipRequest(FixedFieldsMixin, TwoSidesMixin, models.Model):
    """A mentee asks a mentor. Asking is a gift: it lets someone be generous."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"
        EXPIRED = "expired", "Expired"

    mentee = models.ForeignKey(MenteeProfile, on_delete=models.CASCADE, related_name="requests")
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="requests")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="requests")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )

    drew_you = models.TextField(
        "What drew you to this mentor?",
        max_length=ANSWER_MAX_LENGTH,
        help_text="Something in their profile, a talk you heard, a word from a colleague.",
    )
    explore = models.TextField(
        "What would you love to explore together?",
        max_length=ANSWER_MAX_LENGTH,
        blank=True,
        help_text="A field, a decision, a skill: whatever you are curious about.",
    )
    help_now = models.TextField(
        "What is one thing you could use help with right now?",
        max_length=ANSWER_MAX_LENGTH,
        blank=True,
        help_text="Small and concrete is perfect; it gives them a way to start.",
    )

    # Ask for more: the mentor's question, and the mentee's answer.
    question = models.TextField(
        "What would help you say yes?", max_length=ANSWER_MAX_LENGTH, blank=True
    )
    question_asked_at = models.DateTimeField(null=True, blank=True)
    question_answer = models.TextField(max_length=ANSWER_MAX_LENGTH, blank=True)
    question_answered_at = models.DateTimeField(null=True, blank=True)

    # The mentor's answer.
    reply = models.TextField(
        "A kind word for them (optional)", max_length=ANSWER_MAX_LENGTH, blank=True
    )
    referred_to = models.ForeignKey(
        MentorProfile,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    referral_reason = models.TextField(
        "Who might be a better fit, and why?", max_length=ANSWER_MAX_LENGTH, blank=True
    )

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The token of the form that made it (mentorship/once.py): a replay makes no second.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The mentee's own words stay out of the history the admin shows.
    history = HistoricalRecords(
        excluded_fields=["drew_you", "explore", "help_now", "question_answer", "form_token"]
    )
    objects = MentorshipRequestQuerySet.as_manager()

    FIXED_FIELDS = ("mentee", "mentor", "program")
    ANSWERS = ["drew_you", "explore", "help_now"]

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentee", "mentor"],
                condition=Q(status="pending"),
                name="one_pending_request_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.mentee} asks {self.mentor}"

    def get_absolute_url(self):
        return reverse("pairings:request_detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def awaiting_mentee(self) -> bool:
        """The mentor asked for more and the mentee has not answered yet (AWAITING_MENTEE)."""
        return self.is_pending and bool(self.question_asked_at) and not self.question_answered_at

    @property
    def answers(self) -> list[tuple[str, str]]:
        return [
            (str(self._meta.get_field(name).verbose_name), getattr(self, name))
            for name in self.ANSWERS
            if getattr(self, name).strip()
        ]


class PairingQuerySet(MeetingFiguresQuerySet, models.QuerySet):
    def visible_to(self, user):
        """What this person's own pages may show: the pairings they are one of the two
        people of. Never a director's view of the program: that is `directed_by`."""
        return _involving(self, user)

    def involving(self, user):
        """Pairings this person is one of the two people of (the same as `visible_to`)."""
        return _involving(self, user)

    def open(self):
        """Pairings that hold one of the mentor's places."""
        return self.filter(status__in=Pairing.OPEN_STATUSES)

    def running(self):
        """Pairings under way: active or paused (RUNNING_STATUSES)."""
        return self.filter(status__in=Pairing.RUNNING_STATUSES)

    def directed_by(self, user):
        if user.is_superuser:
            return self.all()
        return self.filter(program__in=Program.objects.filter(directors=user).values("pk"))


class Pairing(FixedFieldsMixin, TwoSidesMixin, MeetingFiguresMixin, models.Model):
    """A mentor and a mentee, from the first yes to the last reflection."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        ENDED = "ended", "Ended"

    class Origin(models.TextChoices):
        REQUEST = "request", "Mentee's request"
        DIRECTOR = "director", "Program director"
        MATCHING = "matching", "Matching round"

    class Kind(models.TextChoices):
        """Set once, when the pairing is made, from the mentor's level then (kind_for)."""

        FACULTY = "faculty", "Faculty mentor"
        NEAR_PEER = "near_peer", "Near-peer mentor"

    FIXED_FIELDS = ("mentor", "mentee", "program")
    OPEN_STATUSES = [Status.PROPOSED, Status.ACTIVE, Status.PAUSED]
    RUNNING_STATUSES = [Status.ACTIVE, Status.PAUSED]

    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="pairings")
    mentee = models.ForeignKey(MenteeProfile, on_delete=models.CASCADE, related_name="pairings")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="pairings")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    origin = models.CharField(
        "how it began", max_length=10, choices=Origin.choices, default=Origin.REQUEST
    )
    kind = models.CharField(
        "mentor type",
        max_length=10,
        choices=Kind.choices,
        default=Kind.FACULTY,
        db_index=True,
        help_text="Near-peer: the mentor was a CA-2 or CA-3 resident when the pairing began.",
    )
    request = models.OneToOneField(
        MentorshipRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pairing",
    )

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    # A proposed pairing becomes active once both people have said yes and,
    # when the mentor evaluates residents, a director has approved it.
    mentor_confirmed_at = models.DateTimeField(null=True, blank=True)
    mentee_confirmed_at = models.DateTimeField(null=True, blank=True)
    needs_conflict_approval = models.BooleanField(
        "needs a director's approval",
        default=False,
        help_text="The mentor holds a role in which they evaluate residents.",
    )
    conflict_approved_at = models.DateTimeField(null=True, blank=True)
    conflict_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    conflict_reason = models.TextField(
        "why this pairing is fine", max_length=ANSWER_MAX_LENGTH, blank=True
    )

    end_reason = models.TextField("why it ended", max_length=ANSWER_MAX_LENGTH, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Closing reflections: each side's own words; not shown in the admin.
    mentor_learned = models.TextField(max_length=ANSWER_MAX_LENGTH, blank=True)
    mentor_carry_forward = models.TextField(max_length=ANSWER_MAX_LENGTH, blank=True)
    mentee_learned = models.TextField(max_length=ANSWER_MAX_LENGTH, blank=True)
    mentee_carry_forward = models.TextField(max_length=ANSWER_MAX_LENGTH, blank=True)

    history = HistoricalRecords(
        excluded_fields=[
            "mentor_learned",
            "mentor_carry_forward",
            "mentee_learned",
            "mentee_carry_forward",
        ]
    )
    objects = PairingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=["proposed", "active", "paused"]),
                name="one_open_pairing_per_pair",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["proposed", "ended"]) | Q(started_on__isnull=False),
                name="pairing_started_unless_proposed",
            ),
        ]

    def __str__(self):
        return f"{self.mentor} and {self.mentee}"

    def get_absolute_url(self):
        return reverse("meetings:pairing", args=[self.pk])

    def awaits_reflection_from(self, side: str) -> bool:
        """Ended, and this side ("mentor" or "mentee") hasn't written a reflection yet."""
        return self.status == self.Status.ENDED and not (
            getattr(self, f"{side}_learned").strip()
            or getattr(self, f"{side}_carry_forward").strip()
        )

    @staticmethod
    def kind_for(mentor: MentorProfile, program) -> str:
        """Near-peer when the mentor's appointment in this program this year is at a
        near-peer level (mentors.directory.NEAR_PEER_LEVELS), faculty otherwise: the
        one place a new pairing's kind is decided."""
        near_peer = MentorProfile.objects.filter(pk=mentor.pk).near_peers(programs=[program.pk])
        return Pairing.Kind.NEAR_PEER if near_peer.exists() else Pairing.Kind.FACULTY

    @property
    def is_near_peer(self) -> bool:
        return self.kind == self.Kind.NEAR_PEER

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_running(self) -> bool:
        """Under way: active or paused. Meetings are logged, contacts shown."""
        return self.status in self.RUNNING_STATUSES

    def other_person(self, user):
        """The profile across the pairing from this person: the mentee for the mentor,
        the mentor for the mentee, None for anyone else."""
        side = self.other_side_of(user)
        return getattr(self, side) if side else None

    @property
    def mentor_evaluative_roles(self) -> list[str]:
        """The roles in which the mentor evaluates residents of this pairing's program
        today (years.RoleTerm): what its e-mails and pages name."""
        return self.mentor.evaluative_roles_in(self.program_id)

    @property
    def days_active(self) -> int | None:
        if not self.started_on:
            return None
        end = self.ended_on or timezone.localdate()
        return (end - self.started_on).days


# --- what lists of mentors sort by, as database views -------------------------
# A directory of 3,000 mentors sorts them all by interests in common and open
# places before it shows 20. Counted per mentor in a correlated subquery, that is
# two lookups for each of them on every page; from these views the database
# counts each in one pass and joins the counts (migration 0003 creates them).


class MentorLoad(models.Model):
    """How many places each mentor's open pairings hold (OPEN_STATUSES). Mentors
    whose pairings hold none have no row."""

    mentor = models.OneToOneField(
        MentorProfile,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="load",
    )
    held = models.PositiveIntegerField()

    class Meta:
        managed = False
        db_table = "pairings_mentor_load"

    def __str__(self):
        return f"{self.mentor}: {self.held} held"


class InterestsInCommon(models.Model):
    """How many interests a mentor and a mentee share, for every pair sharing one."""

    pk = models.CompositePrimaryKey("mentor", "mentee")
    mentor = models.ForeignKey(
        MentorProfile,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="interests_in_common",
    )
    mentee = models.ForeignKey(
        MenteeProfile,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="interests_in_common",
    )
    shared = models.PositiveIntegerField()

    class Meta:
        managed = False
        db_table = "pairings_interests_in_common"

    def __str__(self):
        return f"{self.mentor} and {self.mentee}: {self.shared} in common"


from .conflicts import ConflictNotice  # noqa: E402, F401  (a model of this app, in its own module)
