"""A conflict that arrives during a pairing: a role term starts (the mentor joins the
CCC, becomes an associate program director) while they mentor a resident of that
program. The program's directors are told, and one of them chooses what happens:
the mentor recuses themselves from that resident's evaluations, the mentee moves
to another mentor, or the pairing goes on with a recorded reason."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentorship.years.terms import RoleTerm

NOTE_MAX_LENGTH = 2000


class ConflictNoticeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def directed_by(self, user):
        if user.is_superuser:
            return self.all()
        return self.filter(pairing__program__directors=user)


class ConflictNotice(models.Model):
    """One role term that made a running pairing's mentor evaluate its mentee: one
    notice per pairing and term, however often the daily check runs."""

    class Resolution(models.TextChoices):
        RECUSED = "recused", "The mentor recuses themselves"
        REASSIGNED = "reassigned", "The mentee moves to another mentor"
        ACCEPTED = "accepted", "The pairing goes on, for a reason"

    pairing = models.ForeignKey(
        "pairings.Pairing", on_delete=models.CASCADE, related_name="conflict_notices"
    )
    term = models.ForeignKey(RoleTerm, on_delete=models.CASCADE, related_name="conflict_notices")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolution = models.CharField(max_length=10, choices=Resolution.choices, blank=True)
    resolution_note = models.TextField("what was agreed", max_length=NOTE_MAX_LENGTH, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True, editable=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = ConflictNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["pairing", "term"], name="one_notice_per_term"),
            models.CheckConstraint(
                condition=Q(resolution="", resolved_at__isnull=True)
                | (~Q(resolution="") & Q(resolved_at__isnull=False)),
                name="conflict_notice_resolved_with_a_resolution",
            ),
        ]

    def __str__(self):
        return f"{self.term.get_role_display()}: {self.pairing}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
