"""A mentor's programs and each program's approval: one function per change.

Approval is per program: a director approves or withdraws a mentor only in the
programs they direct, and a mentor who joins another program waits for its
directors.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.emails import queue_email
from mentorship.programs.models import Program
from mentorship.site import absolute
from mentorship.years.models import AcademicYear

from .models import EvaluationPledge, Membership, MentorProfile


@transaction.atomic
def mentor_set_programs(
    *, profile: MentorProfile, programs: list[Program], by: User
) -> list[Membership]:
    """The mentor chooses their programs. A new one waits for its directors'
    approval; one left behind goes, with its approval. Returns the new memberships."""
    if by.pk != profile.user_id:
        raise ValueError("Only the mentor chooses their own programs.")
    # Lock the profile: two saves at once can't both add the same program.
    MentorProfile.objects.select_for_update().filter(pk=profile.pk).first()
    wanted = {program.pk: program for program in programs}
    current = set(Membership.objects.filter(mentor=profile).values_list("program_id", flat=True))
    Membership.objects.filter(mentor=profile, program_id__in=current - wanted.keys()).delete()
    joined = [
        Membership.objects.create(mentor=profile, program=wanted[pk])
        for pk in sorted(wanted.keys() - current)
    ]
    review = absolute(reverse("admin:mentors_mentorprofile_change", args=[profile.pk]))
    for membership in joined:
        queue_email(
            "mentors/email/membership_waiting",
            to=_approvers(membership.program),
            mentor=profile,
            program=membership.program,
            url=review,
        )
    return joined


def _approvers(program: Program) -> list[User]:
    """Who approves a program's mentors: its directors, or the site's superusers
    while it has none, so a request to join never waits unseen."""
    directors = list(program.directors.filter(is_active=True))
    return directors or list(User.objects.filter(is_superuser=True, is_active=True))


def _in_programs_of(by: User, profile: MentorProfile):
    return Membership.objects.directed_by(by).filter(mentor=profile).select_for_update(of=("self",))


@transaction.atomic
def mentor_approve(*, profile: MentorProfile, by: User) -> list[Membership]:
    """A director lists a mentor in the directory of each program they direct where
    the mentor is waiting, recording who and when. Returns what was approved."""
    waiting = list(_in_programs_of(by, profile).waiting().select_related("program"))
    now = timezone.now()
    for membership in waiting:
        membership.approved_at, membership.approved_by = now, by
        membership.save(update_fields=["approved_at", "approved_by"])
        queue_email(
            "mentors/email/membership_approved",
            to=[profile.user],
            program=membership.program,
            url=absolute(profile.get_absolute_url()),
        )
    return waiting


@transaction.atomic
def mentor_unapprove(*, profile: MentorProfile, by: User) -> list[Membership]:
    """Take a mentor out of the directory of the programs this director runs; their
    other programs, and their current pairings, are not touched."""
    approved = list(_in_programs_of(by, profile).approved().select_related("program"))
    for membership in approved:
        membership.approved_at, membership.approved_by = None, None
        membership.save(update_fields=["approved_at", "approved_by"])
    return approved


@transaction.atomic
def mentor_pledge(*, profile: MentorProfile, by: User, day=None) -> list[EvaluationPledge]:
    """The mentor confirms, for this academic year of each of their programs, that
    what they hear as a mentor is never used in evaluations. Confirming twice in a
    year keeps the first confirmation."""
    if by.pk != profile.user_id:
        raise ValueError("Only the mentor gives their own word.")
    pledges = []
    for membership in profile.memberships.select_related("program"):
        year = AcademicYear.objects.for_day(membership.program, day)
        pledge, _ = EvaluationPledge.objects.get_or_create(mentor=profile, year=year)
        pledges.append(pledge)
    return pledges
