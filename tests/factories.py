"""Explicit test data: every value a test relies on is passed in or named here."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from accounts.models import User
from accounts.roles import ensure_directors_group
from accounts.services import user_appoint_director

PASSWORD = "a-long-test-password-42"


def make_user(
    email: str = "sam@example.com",
    *,
    name: str = "Sam Whitfield",
    password: str = PASSWORD,
    verified: bool = True,
    onboarded: bool = True,
    is_mentee: bool = False,
    is_mentor: bool = False,
    **extra,
) -> User:
    user = User.objects.create_user(
        email=email,
        password=password,
        name=name,
        is_mentee=is_mentee,
        is_mentor=is_mentor,
        onboarded_at=timezone.now() if onboarded else None,
        **extra,
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def make_mentee(email: str = "mentee@example.com", **kwargs) -> User:
    kwargs.setdefault("name", "Sam Whitfield")
    return make_user(email, is_mentee=True, **kwargs)


def make_mentor(email: str = "mentor@example.com", **kwargs) -> User:
    kwargs.setdefault("name", "Dr Dana Chen")
    return make_user(email, is_mentor=True, **kwargs)


def make_director(email: str = "director@example.com", *, with_mfa: bool = True, **kwargs) -> User:
    kwargs.setdefault("name", "Dr Maya Okafor")
    user = make_user(email, **kwargs)
    ensure_directors_group()
    user_appoint_director(user=user, by=user)
    if with_mfa:
        add_totp(user)
    return User.objects.get(pk=user.pk)


def add_totp(user: User) -> Authenticator:
    """A TOTP authenticator with a known secret, as allauth stores it."""
    from allauth.mfa.totp.internal.auth import TOTP

    return TOTP.activate(user, "JBSWY3DPEHPK3PXP").instance
