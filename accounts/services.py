"""Writes about people that touch more than one row."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .models import DIRECTORS_GROUP, User


def user_set_roles(*, user: User, is_mentee: bool, is_mentor: bool) -> User:
    """Record which of mentee and mentor apply; the first time completes onboarding."""
    user.is_mentee = is_mentee
    user.is_mentor = is_mentor
    fields = ["is_mentee", "is_mentor"]
    if user.onboarded_at is None:
        user.onboarded_at = timezone.now()
        fields.append("onboarded_at")
    user.save(update_fields=fields)
    return user


@transaction.atomic
def user_appoint_director(*, user: User, by: User) -> User:
    """Make someone a program director: staff, in the directors' group."""
    group, _ = Group.objects.get_or_create(name=DIRECTORS_GROUP)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(group)
    user.__dict__.pop("is_director", None)
    return user


@transaction.atomic
def user_remove_director(*, user: User, by: User) -> User:
    group = Group.objects.filter(name=DIRECTORS_GROUP).first()
    if group is not None:
        user.groups.remove(group)
    if not user.is_superuser and user.is_staff:
        user.is_staff = False
        user.save(update_fields=["is_staff"])
    user.__dict__.pop("is_director", None)
    return user
