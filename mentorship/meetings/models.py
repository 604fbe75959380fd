"""Meetings, the notes each person keeps about them, and the commitments they make.

Notes are confidential: a note is read by its author and, when shared, by the
other person of the pairing. Nobody else, directors and the admin included.
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

NOTE_MAX_LENGTH = 4000


class Side(models.TextChoices):
    MENTOR = "mentor", "Mentor"
    MENTEE = "mentee", "Mentee"


# The questions each side answers after a session, in the essay's voice.
PROMPTS = {
    Side.MENTOR: [
        ("learned_about_them", "What did you learn about them today?"),
        ("curious_or_carrying", "What are they curious about, or carrying?"),
        ("be_of_service", "How could you be of service before you meet again?"),
    ],
    Side.MENTEE: [
        ("taking_away", "What is one thing you are taking away?"),
        ("try_before_next", "What will you try before next time?"),
        ("help_someone", "Who could you help this week?"),
    ],
}
PROMPT_CHOICES = [choice for choices in PROMPTS.values() for choice in choices]


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Meetings of the pairings this person is one of the two people of."""
        return self.filter(pairing__in=Pairing.objects.involving(user).values("pk"))

    def held(self):
        return self.filter(status=Meeting.Status.HELD)

    def planned(self):
        return self.filter(status=Meeting.Status.PLANNED)

    def upcoming(self, now=None):
        return self.planned().filter(starts_at__gte=now or timezone.now())


class Meeting(FixedFieldsMixin, models.Model):
    """A session, held or planned. What was said lives in notes, not here."""

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIDEO = "video", "Video"
        PHONE = "phone", "Phone"
        WALK = "walk", "Walk or coffee"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("when")
    minutes = models.PositiveSmallIntegerField(
        "length in minutes",
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
    )
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.IN_PERSON)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    place = models.CharField(
        "where, or the video link",
        max_length=300,
        blank=True,
        help_text="A room, a café, or the link you'll both click.",
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The token of the form that made it (mentorship/once.py): a replay makes no second.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    FIXED_FIELDS = ("pairing",)
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=5, minutes__lte=480), name="meeting_minutes_range"
            ),
        ]

    def __str__(self):
        return f"{self.get_status_display()} meeting, {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.minutes)


class NoteQuerySet(models.QuerySet):
    def readable_by(self, user):
        """Your own notes, and the notes the other person of your pairing shared.
        Directors and superusers get nothing more: notes are not theirs to read."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(author=user)
            | Q(
                visibility=Note.Visibility.SHARED,
                meeting__pairing__in=Pairing.objects.involving(user).values("pk"),
            )
        )


class Note(FixedFieldsMixin, models.Model):
    """One answer to one prompt, private to its author unless they share it."""

    class Visibility(models.TextChoices):
        PRIVATE = "private", "Only me"
        SHARED = "shared", "Shared with the two of us"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_notes"
    )
    prompt = models.CharField(max_length=30, choices=PROMPT_CHOICES)
    answer = models.TextField(max_length=NOTE_MAX_LENGTH)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    FIXED_FIELDS = ("meeting", "author", "prompt")
    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "author", "prompt"], name="one_note_per_prompt"
            ),
        ]

    def __str__(self):
        # Never the answer: a note's text must not leak through its name.
        return f"Note {self.pk}"

    def get_absolute_url(self):
        return reverse("meetings:note", args=[self.pk])

    @property
    def is_shared(self) -> bool:
        return self.visibility == self.Visibility.SHARED


class CommitmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Commitments are shared by the two people of the pairing, and no one else."""
        return self.filter(pairing__in=Pairing.objects.involving(user).values("pk"))

    def open(self):
        return self.filter(done_at__isnull=True)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())


class Commitment(FixedFieldsMixin, models.Model):
    """Something one of the two said they would do before they meet again."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="commitments")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments"
    )
    owner = models.CharField("who", max_length=10, choices=Side.choices)
    what = models.CharField("what", max_length=300)
    due_on = models.DateField("by when", null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    FIXED_FIELDS = ("pairing", "owner", "created_by")
    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self):
        return self.what

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today=None) -> bool:
        return (
            not self.is_done and bool(self.due_on) and self.due_on < (today or timezone.localdate())
        )


class Nudge(models.Model):
    """A gentle "reach out?" sent to both people of a quiet pairing; one per target period."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="nudges")
    sent_at = models.DateTimeField(default=timezone.now)
    days_quiet = models.PositiveIntegerField()

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self):
        return f"Nudge for {self.pairing} ({self.days_quiet} days quiet)"
