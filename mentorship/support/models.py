"""Support outside the chain of evaluation: a program's wellness contact, the
institution's resources, and residents' private messages to that contact.

A message is read by the person it was sent to and by nobody else: not the
program's directors, not a superuser, not the admin (messages have no admin).
Directors see only how many arrived in a month, and only when that is 4 or more.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import TruncMonth
from django.urls import reverse

from mentorship.fixed import FixedFieldsMixin
from mentorship.programs.models import Program

MESSAGE_MAX_LENGTH = 4000
# Directors see a month's count only from this many messages: fewer could name someone.
SMALLEST_COUNT_SHOWN = 4


class SupportSetupQuerySet(models.QuerySet):
    def directed_by(self, user):
        return self.filter(program__in=Program.objects.directed_by(user).values("pk"))


class SupportSetup(FixedFieldsMixin, models.Model):
    """One program's wellness contact and the sentence that introduces them."""

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="support")
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="wellness contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Someone residents can talk to who doesn't evaluate them: "
        "not a program director or an associate program director.",
    )
    intro = models.CharField(
        "a sentence about them",
        max_length=300,
        blank=True,
        help_text="What residents read next to the name, e.g. "
        "“Dr Chen is a pediatric anesthesiologist who has listened to many of us.”",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SupportSetupQuerySet.as_manager()

    FIXED_FIELDS = ("program",)

    class Meta:
        verbose_name = "support setup"
        ordering = ["program__name"]

    def __str__(self):
        return f"Support in {self.program}"


class SupportResource(models.Model):
    """A place the institution offers help: a link the program sets."""

    setup = models.ForeignKey(SupportSetup, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(max_length=120)
    url = models.URLField("address", max_length=500)
    description = models.CharField("short description", max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class SupportMessageQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Messages sent to this person. Nobody else reads one: no director, no superuser."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user)

    def sent_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(sender=user)

    def monthly_counts(self):
        """(month, count) per month, newest first: the only thing directors learn."""
        return (
            self.order_by()
            .annotate(month=TruncMonth("created_at"))
            .values("month")
            .annotate(count=models.Count("pk"))
            .order_by("-month")
            .values_list("month", "count")
        )


class SupportMessage(FixedFieldsMixin, models.Model):
    """A resident's private message to the wellness contact of the day it was sent."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The contact when it was sent: a later change of contact hands no one old messages.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # The token of the form that made it (mentorship/once.py): a replay makes no second.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = SupportMessageQuerySet.as_manager()

    FIXED_FIELDS = ("program", "sender", "recipient")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "-created_at"], name="support_msg_inbox")]

    def __str__(self):
        return f"Message {self.pk}"

    def get_absolute_url(self):
        return reverse("support:message", args=[self.pk])
