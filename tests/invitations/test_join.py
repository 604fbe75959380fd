"""The invitation's link: one step from the e-mail to the profile, and a clear
page for every way it can go wrong (never a 500, never a second account)."""

import html
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.invitations.models import Invitation
from mentorship.invitations.services import invitation_create, invitation_send_again
from tests.factories import make_mentee

pytestmark = pytest.mark.django_db

PASSWORD = "a quiet walk in July"


@pytest.fixture
def invitation(program, director):
    return invitation_create(
        program=program,
        email="Priya.Nair@example.com",
        name="Priya Nair",
        level="intern",
        starts_on=date(2027, 7, 1),
        by=director,
    )


def join_url(invitation, key=None):
    return reverse("invitations:join", args=[invitation.pk, key or invitation.key()])


def text(response) -> str:
    return html.unescape(response.content.decode())


def join(client, invitation, **changes):
    data = {"name": "Priya Nair", "password1": PASSWORD, "password2": PASSWORD} | changes
    return client.post(join_url(invitation), data)


def test_the_link_sets_a_password_verifies_the_address_and_lands_on_the_profile(client, invitation):
    page = client.get(join_url(invitation))

    assert page.status_code == HTTPStatus.OK
    assert "Welcome to Stanford Anesthesiology" in text(page)
    invitation.refresh_from_db()
    assert invitation.state() == Invitation.State.OPENED

    response = join(client, invitation, name="Dr Priya Nair")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("mentees:profile_edit")
    user = User.objects.get(email__iexact="priya.nair@example.com")
    assert user.check_password(PASSWORD)
    assert user.name == "Dr Priya Nair" and user.onboarded_at is not None
    assert EmailAddress.objects.get(user=user).verified
    invitation.refresh_from_db()
    assert invitation.state() == Invitation.State.JOINED
    profile = client.get(reverse("mentees:profile_edit"))
    assert profile.status_code == HTTPStatus.OK
    assert "You're in" in text(profile)
    assert "as PGY-1 (intern) in 2027–28, from 1 July 2027" in text(profile)
    assert "program" not in profile.context["form"].fields


def test_a_profile_saved_after_joining_keeps_the_programs_level(client, invitation):
    join(client, invitation)

    response = client.post(
        reverse("mentees:profile_edit"), {"curious_about": "Airway, and how people stay kind."}
    )

    assert response.status_code == HTTPStatus.FOUND
    user = invitation.user
    assert [(a.level, a.year.label) for a in user.appointments.all()] == [("intern", "2027–28")]


def test_a_link_used_twice_says_they_have_joined_and_makes_no_second_account(client, invitation):
    join(client, invitation)
    client.logout()

    again = client.get(join_url(invitation))
    posted = join(client, invitation)

    assert "You've already joined" in text(again)
    assert "You've already joined" in text(posted)
    assert User.objects.filter(email__iexact=invitation.email).count() == 1
    assert not client.session.get("_auth_user_id")


def test_an_expired_link_says_so_and_who_can_send_a_new_one(client, invitation, director):
    Invitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(days=14, minutes=1)
    )

    page = client.get(join_url(invitation))
    posted = join(client, invitation)

    assert page.status_code == posted.status_code == HTTPStatus.GONE
    assert "This invitation has run out" in text(page)
    assert director.name in text(page)
    assert not User.objects.get(pk=invitation.user_id).has_usable_password()


def test_an_earlier_link_stops_working_once_the_invitation_is_sent_again(client, invitation):
    first_key = invitation.key()
    invitation_send_again(invitation=invitation)

    old = client.get(join_url(invitation, first_key))
    new = client.get(join_url(Invitation.objects.get(pk=invitation.pk)))

    assert old.status_code == HTTPStatus.GONE
    assert "only the newest link works" in text(old)
    assert new.status_code == HTTPStatus.OK


def test_someone_else_signed_in_is_asked_to_sign_out_first(client, invitation):
    client.force_login(make_mentee("other@example.com", name="Other Person"))

    page = client.get(join_url(invitation))
    posted = join(client, invitation)

    assert page.status_code == posted.status_code == HTTPStatus.FORBIDDEN
    assert "You're signed in as someone else" in text(page)
    invitation.refresh_from_db()
    assert invitation.joined_at is None and invitation.opened_at is None


@pytest.mark.parametrize(
    "path",
    [
        "/join/999999/0123456789abcdef0123456789abcdef/",
        "/join/{pk}/wrong/",
        "/join/{pk}/%00%ff/",
    ],
)
def test_a_crafted_link_is_a_plain_not_found_page(client, invitation, path):
    response = client.get(path.format(pk=invitation.pk))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "This link doesn't work" in text(response)


def test_a_form_with_mistakes_comes_back_with_the_name_as_typed(client, invitation):
    response = join(client, invitation, name="Priya N.", password2="something else")

    assert response.status_code == HTTPStatus.OK
    assert "The two passwords don't match" in text(response)
    assert response.context["form"]["name"].value() == "Priya N."
    invitation.refresh_from_db()
    assert invitation.joined_at is None


def test_signing_in_another_way_first_counts_as_joining(client, invitation):
    user = invitation.user
    user.set_password(PASSWORD)
    user.save()

    client.force_login(user)

    invitation.refresh_from_db()
    assert invitation.state() == Invitation.State.JOINED
