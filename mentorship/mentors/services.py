from django.db import transaction
from django.utils import timezone

from accounts.models import User

from .models import MentorProfile


@transaction.atomic
def mentor_approve(*, profile: MentorProfile, by: User) -> MentorProfile:
    """A director lists a mentor in the directory, recording who and when."""
    profile = MentorProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.approved_at is None:
        profile.approved_at = timezone.now()
        profile.approved_by = by
        profile.save(update_fields=["approved_at", "approved_by"])
    return profile


@transaction.atomic
def mentor_unapprove(*, profile: MentorProfile, by: User) -> MentorProfile:
    """Take a mentor out of the directory again (current pairings are not touched)."""
    profile = MentorProfile.objects.select_for_update().get(pk=profile.pk)
    profile.approved_at = None
    profile.approved_by = None
    profile.save(update_fields=["approved_at", "approved_by"])
    return profile
