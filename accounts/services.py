"""Writes about people that touch more than one row."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
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
def user_appoint_director(*, user: User, by: User, program=None) -> User:
    """Make someone a director of `program`: one of its directors, staff, in the
    directors' group. Only a director of that program (or a superuser) may.

    Without a program, only staff and the group: for the first director a
    command sets up (seed_demo, the tests' factories), who is then given programs.
    """
    if program is not None:
        if not (by.is_superuser or program.directors.filter(pk=by.pk).exists()):
            raise PermissionDenied("You can appoint directors only of programs you direct.")
        program.directors.add(user)
    group, _ = Group.objects.get_or_create(name=DIRECTORS_GROUP)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    user.groups.add(group)
    user.__dict__.pop("is_director", None)
    return user


@transaction.atomic
def user_remove_director(*, user: User, by: User) -> list:
    """Take `user` off the programs `by` directs (every program, for a superuser).
    They stay staff and in the directors' group while they direct another program.
    Returns the programs they no longer direct."""
    directed = user.directed_programs.all()
    if not by.is_superuser:
        directed = directed.filter(pk__in=by.directed_programs.values("pk"))
    left = list(directed)
    user.directed_programs.remove(*left)
    if not user.directed_programs.exists():
        group = Group.objects.filter(name=DIRECTORS_GROUP).first()
        if group is not None:
            user.groups.remove(group)
        if not user.is_superuser and user.is_staff:
            user.is_staff = False
            user.save(update_fields=["is_staff"])
    user.__dict__.pop("is_director", None)
    return left
