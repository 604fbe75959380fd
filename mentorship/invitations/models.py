"""An invitation: one person of an incoming class, asked to join a program.

The person exists from the moment they are invited (an account with no
password, a mentee profile, the appointment of the year they start in), so
they count as a mentee without a mentor at once. The invitation says how far
they have come: sent, opened, joined, or expired when fourteen days pass.

The link's key is never stored: it is worked out again from the invitation
(which send it is, and to whom), so a newer send replaces every earlier link
and a key never waits in a table.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from mentorship.programs.models import Program
from mentorship.years.models import Level

VALID_FOR = timedelta(days=14)
KEY_SALT = "mentorship.invitations.join"


class InvitationQuerySet(models.QuerySet):
    def directed_by(self, user):
        return self.filter(program__in=Program.objects.directed_by(user).values("pk"))

    def waiting(self):
        """Not joined yet (expired or not)."""
        return self.filter(joined_at__isnull=True)

    def in_state(self, state: str, now=None):
        now = now or timezone.now()
        fresh = Q(sent_at__gt=now - VALID_FOR)
        return {
            Invitation.State.SENT: self.filter(
                fresh, joined_at__isnull=True, opened_at__isnull=True
            ),
            Invitation.State.OPENED: self.filter(
                fresh, joined_at__isnull=True, opened_at__isnull=False
            ),
            Invitation.State.JOINED: self.filter(joined_at__isnull=False),
            Invitation.State.EXPIRED: self.filter(joined_at__isnull=True).exclude(fresh),
        }[state]


class Invitation(models.Model):
    """One person asked to join a program, and how far they have come."""

    class State(models.TextChoices):
        SENT = "sent", "Sent"
        OPENED = "opened", "Opened"
        JOINED = "joined", "Joined"
        EXPIRED = "expired", "Expired"

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField("e-mail address")
    name = models.CharField(max_length=150)
    level = models.CharField(max_length=10, choices=Level.choices)
    starts_on = models.DateField("starts on")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("invited at", auto_now_add=True)
    sent_at = models.DateTimeField("last sent at")
    times_sent = models.PositiveSmallIntegerField("times sent", default=1)
    opened_at = models.DateTimeField("opened at", null=True, blank=True)
    joined_at = models.DateTimeField("joined at", null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "name"]
        constraints = [
            models.UniqueConstraint(
                "program",
                Lower("email"),
                name="one_invitation_per_address_and_program",
                violation_error_message="This address is already invited to the program.",
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def expires_at(self):
        return self.sent_at + VALID_FOR

    def state(self, now=None) -> "Invitation.State":
        if self.joined_at:
            return self.State.JOINED
        if (now or timezone.now()) >= self.expires_at:
            return self.State.EXPIRED
        return self.State.OPENED if self.opened_at else self.State.SENT

    # --- The link ----------------------------------------------------------

    def key(self, send: int | None = None) -> str:
        """The link's key for the `send`-th sending (the latest by default)."""
        send = self.times_sent if send is None else send
        return salted_hmac(KEY_SALT, f"{self.pk}:{send}:{self.email.lower()}").hexdigest()[:32]

    def join_path(self) -> str:
        return reverse("invitations:join", args=[self.pk, self.key()])

    def key_send(self, key: str) -> int | None:
        """Which sending `key` belongs to (1 … times_sent), or None for no sending."""
        for send in range(self.times_sent, 0, -1):
            if constant_time_compare(key, self.key(send)):
                return send
        return None
