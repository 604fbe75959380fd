"""Roles with dates: who directs, sits on the CCC or leads wellness, from when to when.

A role term is one person's role in one program from its first day to its last
(open-ended while nobody has set an end). The conflict-of-interest rule reads the
terms in force on a day: a mentor who holds an evaluative role in the mentee's
program on that day evaluates them.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils import timezone

from mentorship.fixed import FixedFieldsMixin
from mentorship.programs.models import Program


class Role(models.TextChoices):
    PROGRAM_DIRECTOR = "program_director", "Residency program director"
    ASSOCIATE_PROGRAM_DIRECTOR = "associate_program_director", "Associate program director"
    CCC_MEMBER = "ccc_member", "Clinical Competency Committee member"
    CCC_CHAIR = "ccc_chair", "Clinical Competency Committee chair"
    CHIEF_RESIDENT = "chief_resident", "Chief resident"
    WELLNESS_LEAD = "wellness_lead", "Wellness lead"
    CORE_FACULTY = "core_faculty", "Core faculty"


# Roles in which a person evaluates residents: residents choose differently when
# their mentor also grades them, so pairing with one waits for a director.
EVALUATIVE_ROLES = (
    Role.PROGRAM_DIRECTOR,
    Role.ASSOCIATE_PROGRAM_DIRECTOR,
    Role.CCC_MEMBER,
    Role.CCC_CHAIR,
)


class RoleTermQuerySet(models.QuerySet):
    def directed_by(self, user):
        """Terms in the programs this person directs (all of them for a superuser)."""
        return self.filter(program__in=Program.objects.directed_by(user).values("pk"))

    def in_force(self, day: date | None = None):
        """Terms whose first day is on or before `day` (today) and whose last day,
        if any, is on or after it: a term counts on its first and last day."""
        day = day or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)

    def evaluative(self):
        return self.filter(role__in=EVALUATIVE_ROLES)


class RoleTerm(FixedFieldsMixin, models.Model):
    """One person's role in one program, from a first day to a last (or still open)."""

    Role = Role
    # Whose role, where, and which: a different one is a new term, so the dates of
    # the old one stay true.
    FIXED_FIELDS = ("user", "program", "role")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_terms"
    )
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="role_terms")
    role = models.CharField(max_length=30, choices=Role.choices, db_index=True)
    starts_on = models.DateField("first day")
    ends_on = models.DateField(
        "last day", null=True, blank=True, help_text="Leave empty while the term runs on."
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="For example “elected by the faculty, 2026”."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RoleTermQuerySet.as_manager()

    class Meta:
        ordering = ["program", "role", "-starts_on", "pk"]
        indexes = [models.Index(fields=["user", "program", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="role_term_ends_on_or_after_it_starts",
                violation_error_message="The last day can't come before the first.",
            ),
        ]

    def __str__(self):
        return f"{self.user}, {self.get_role_display()} in {self.program}"

    @property
    def is_evaluative(self) -> bool:
        return self.role in EVALUATIVE_ROLES

    def is_in_force(self, day: date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)


def evaluative_terms(user, program=None, day: date | None = None):
    """This person's evaluative terms in force on `day` (today), in `program` if given."""
    terms = RoleTerm.objects.in_force(day).evaluative().filter(user=user)
    return terms.filter(program=program) if program is not None else terms


def evaluative_terms_now(lookup: str = "role_terms"):
    """A Prefetch of today's evaluative terms as `evaluative_terms_now` on the users
    `lookup` leads to ("user__role_terms"): one query for a whole list."""
    return Prefetch(
        lookup,
        queryset=RoleTerm.objects.in_force().evaluative().order_by("role", "program_id"),
        to_attr="evaluative_terms_now",
    )


def role_labels(terms) -> list[str]:
    """The roles' labels, each once, in the order of Role."""
    held = {term.role for term in terms}
    return [label for value, label in Role.choices if value in held]
