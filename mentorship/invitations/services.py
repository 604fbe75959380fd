"""Inviting people, sending their link again, and their joining."""

from datetime import date

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from mentorship.emails import queue_email
from mentorship.mentees.models import MenteeProfile
from mentorship.programs.models import Interest, Program
from mentorship.refusal import Refusal
from mentorship.years.models import AcademicYear, Appointment, Level

from .models import Invitation

# The mentee profile keeps a level of its own (what people typed before years
# existed); an invited person's starts as the appointment's.
PROFILE_LEVELS = {choice.value for choice in MenteeProfile.TrainingLevel}
INVITABLE_LEVELS = [level for level in Level if level.value in PROFILE_LEVELS]


class InvitationRefusal(Refusal):
    pass


@transaction.atomic
def invitation_create(
    *,
    program: Program,
    email: str,
    name: str,
    level: str,
    starts_on: date,
    interests: list[Interest] = (),
    by: User | None = None,
) -> Invitation:
    """Bring one person into the program: an account without a password, a mentee
    profile (so they count as a mentee without a mentor from now on), the
    appointment of the year they start in, and the invitation e-mail."""
    if level not in PROFILE_LEVELS:
        raise InvitationRefusal(f"{level!r} isn't a resident's level.", "level")
    taken = InvitationRefusal(f"{email} already has an account.", "exists")
    if User.objects.filter(email__iexact=email).exists():
        raise taken
    try:
        with transaction.atomic():
            user = User.objects.create_user(email=email, name=name, is_mentee=True)
    except IntegrityError:  # made a moment ago by another confirmation
        raise taken from None
    profile = MenteeProfile.objects.create(
        user=user, program=program, training_level=level, start_year=starts_on.year
    )
    if interests:
        profile.interests.set(interests)
    year = AcademicYear.objects.for_day(program, starts_on)
    Appointment.objects.create(
        user=user,
        year=year,
        level=level,
        starts_on=starts_on if starts_on != year.starts_on else None,
    )
    invitation = Invitation.objects.create(
        program=program,
        user=user,
        email=user.email,
        name=name,
        level=level,
        starts_on=starts_on,
        invited_by=by,
        sent_at=timezone.now(),
    )
    _send(invitation)
    return invitation


@transaction.atomic
def invitation_send_again(*, invitation: Invitation) -> Invitation:
    """A new link, good for fourteen days from now; every earlier link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.joined_at:
        raise InvitationRefusal(f"{invitation.name} has already joined.", "joined")
    invitation.times_sent += 1
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["times_sent", "sent_at"])
    _send(invitation)
    return invitation


def invitation_opened(*, invitation: Invitation) -> None:
    """The link was followed: the first time is kept."""
    if invitation.opened_at is None:
        invitation.opened_at = timezone.now()
        Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(
            opened_at=invitation.opened_at
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, name: str | None = None) -> User:
    """They are in: their address is verified (the link reached it), onboarding is
    done (they come as a mentee) and the invitation is joined. No password is
    involved here, so a sign-in by the institution's single sign-on can end in
    this same step; the join page sets the password before calling it."""
    invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    if invitation.joined_at:
        raise InvitationRefusal("You've already joined with this invitation.", "joined")
    if invitation.state() == Invitation.State.EXPIRED:
        raise InvitationRefusal("This invitation has expired.", "expired")
    user = invitation.user
    now = timezone.now()
    fields = ["is_mentee"]
    user.is_mentee = True
    if name:
        user.name = name
        fields.append("name")
    if user.onboarded_at is None:
        user.onboarded_at = now
        fields.append("onboarded_at")
    user.save(update_fields=fields)
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).update(primary=False)
    address, _ = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    invitation.joined_at = now
    invitation.opened_at = invitation.opened_at or now
    invitation.save(update_fields=["joined_at", "opened_at"])
    return user


def _send(invitation: Invitation) -> None:
    queue_email(
        "invitations/email/invitation",
        to=[invitation.user],
        invitation=invitation,
        program=invitation.program,
    )
