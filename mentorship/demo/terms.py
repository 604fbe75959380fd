"""The demo's dated roles and the mentors' yearly word.

In the residency: the demo director is its program director, Dr Priya Raman
(mentor3) sits on the Clinical Competency Committee (so pairing with her waits for a
director), `both@` is chief resident, `mentor2@` leads wellness, and every 13th
generated mentor is on the CCC too. Most mentors have given this year's word that what
they hear as mentors is never used in evaluations. A second run adds nothing."""

from datetime import datetime

from django.utils import timezone

from accounts.models import User
from mentorship.mentors.models import EvaluationPledge, MentorProfile
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear
from mentorship.years.terms import Role, RoleTerm

STORY_TERMS = [
    ("director@example.com", Role.PROGRAM_DIRECTOR, "Appointed by the department chair."),
    ("mentor3@example.com", Role.CCC_MEMBER, "Elected by the faculty."),
    ("both@example.com", Role.CHIEF_RESIDENT, "Chosen by the residents."),
    ("mentor2@example.com", Role.WELLNESS_LEAD, ""),
]


def seed_terms(residency: Program, now: datetime) -> tuple[int, int]:
    """Role terms from the first day of this academic year, and this year's pledges.
    Runs before the pairings are seeded: who evaluates decides which wait for a
    director. Returns how many terms and pledges were made."""
    year = AcademicYear.objects.for_day(residency, timezone.localdate(now))
    have = set(RoleTerm.objects.filter(program=residency).values_list("user__email", "role"))
    people = {u.email: u for u in User.objects.filter(email__in=[e for e, _, _ in STORY_TERMS])}
    terms = [
        RoleTerm(
            user=people[email], program=residency, role=role, starts_on=year.starts_on, note=note
        )
        for email, role, note in STORY_TERMS
        if email in people and (email, role) not in have
    ]
    generated = MentorProfile.objects.filter(
        user__email__regex=r"^mentor\d{4}@example\.com$"
    ).values_list("user_id", "user__email")
    terms += [
        RoleTerm(user_id=user_id, program=residency, role=Role.CCC_MEMBER, starts_on=year.starts_on)
        for user_id, email in generated
        if int(email[6:10]) % 13 == 0 and (email, Role.CCC_MEMBER) not in have
    ]
    RoleTerm.objects.bulk_create(terms, batch_size=1000)

    # Most mentors give their word; the CCC member can't (she evaluates), and every
    # seventh generated mentor hasn't got round to it yet.
    pledged = set(EvaluationPledge.objects.filter(year=year).values_list("mentor_id", flat=True))
    mentors = (
        MentorProfile.objects.listed_in([residency.pk])
        .exclude(user__email="mentor3@example.com")
        .values_list("pk", "user__email")
    )
    pledges = [
        EvaluationPledge(mentor_id=pk, year=year, confirmed_at=now)
        for pk, email in mentors
        if pk not in pledged and not (email[6:10].isdigit() and int(email[6:10]) % 7 == 0)
    ]
    EvaluationPledge.objects.bulk_create(pledges, batch_size=1000)
    return len(terms), len(pledges)
