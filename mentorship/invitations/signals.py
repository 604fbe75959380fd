"""Signing in for the first time counts as joining, by whatever way they came in
(the invitation's link, a password reset, later an institution's single sign-on)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from .models import Invitation


@receiver(user_logged_in, dispatch_uid="invitations-joined-on-first-sign-in")
def joined_on_first_sign_in(sender, request, user, **kwargs):
    Invitation.objects.filter(user=user, joined_at__isnull=True).update(joined_at=timezone.now())
