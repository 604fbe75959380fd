from http import HTTPStatus
from urllib.parse import quote

import pytest
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from accounts.models import User
from tests.factories import (
    PASSWORD,
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)

pytestmark = pytest.mark.django_db


def test_the_admin_login_goes_through_allauth(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_the_admin_index_sends_an_anonymous_visitor_to_log_in(client):
    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_a_director_without_mfa_is_kept_out_of_the_admin(client):
    make_director(with_mfa=False)
    client.post(reverse("account_login"), {"login": "director@example.com", "password": PASSWORD})

    response = client.get(reverse("admin:index"), follow=True)

    # Sent to set up an authenticator, which first asks for the password again.
    activate = f"{reverse('mfa_activate_totp')}?next={quote(reverse('admin:index'), safe='')}"
    assert (
        response.redirect_chain[-1][0]
        == f"{reverse('account_reauthenticate')}?next={quote(activate, safe='')}"
    )
    assert "turn on two-step verification before opening the admin" in (response.content.decode())
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == HTTPStatus.FOUND

    response = client.post(response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == activate
    assert "totp-qr" in response.content.decode()


def current_code(client) -> str:
    """The code an authenticator app shows now, for the secret being set up."""
    secret = client.session[SECRET_SESSION_KEY]
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_after_turning_on_two_step_verification_the_director_lands_back_in_the_admin(client):
    make_director(with_mfa=False)
    client.post(reverse("account_login"), {"login": "director@example.com", "password": PASSWORD})
    reauthenticate = client.get("/admin/pairings/pairing/", follow=True)
    page = client.post(reauthenticate.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    code = current_code(client)

    response = client.post(page.redirect_chain[-1][0], {"code": code}, follow=True)

    assert response.redirect_chain[-1][0] == "/admin/pairings/pairing/"
    assert response.status_code == HTTPStatus.OK
    assert "Two-step verification is on, so the program admin is open to you." in (
        response.content.decode()
    )


def test_turning_on_two_step_verification_elsewhere_ends_as_allauth_ends_it(client):
    make_mentee("sam@example.com")
    client.post(reverse("account_login"), {"login": "sam@example.com", "password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"), follow=True)
    page = client.post(page.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    code = current_code(client)

    response = client.post(reverse("mfa_activate_totp"), {"code": code}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("mfa_view_recovery_codes")


def test_a_crafted_next_after_two_step_verification_stays_on_the_site(client):
    make_director(with_mfa=False)
    client.post(reverse("account_login"), {"login": "director@example.com", "password": PASSWORD})
    url = f"{reverse('mfa_activate_totp')}?next=//evil.example/admin/"
    page = client.get(url, follow=True)
    page = client.post(page.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    code = current_code(client)

    response = client.post(reverse("mfa_activate_totp"), {"code": code})

    assert response["Location"] == reverse("mfa_view_recovery_codes")


def test_a_director_with_mfa_reaches_the_admin(client):
    client.force_login(make_director(with_mfa=True))

    response = client.get(reverse("admin:index"))

    assert response.status_code == HTTPStatus.OK
    assert "Mentorship program administration" in response.content.decode()


def test_a_mentee_is_refused_the_admin(client):
    client.force_login(make_mentee())

    response = client.get(reverse("admin:index"), follow=True)

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_a_director_appoints_another_director_of_their_program_from_the_user_list(client):
    program = make_program("Stanford Anesthesiology")
    director = make_director()
    program.directors.add(director)
    mentor = make_mentor_profile(make_mentor(), programs=[program]).user
    client.force_login(director)
    chosen = {"action": "appoint_directors", "_selected_action": [mentor.pk]}

    asked = client.post(reverse("admin:accounts_user_changelist"), chosen)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {**chosen, "apply": "yes", "program": program.pk},
        follow=True,
    )

    assert "Which program will they direct?" in asked.content.decode()
    assert response.status_code == HTTPStatus.OK
    mentor = User.objects.get(pk=mentor.pk)
    assert mentor.is_director
    assert list(mentor.directed_programs.all()) == [program]
    assert LogEntry.objects.filter(
        object_id=str(mentor.pk), user=director, change_message__contains=program.name
    ).exists()


def test_a_director_removes_the_role_but_not_from_themselves(client):
    program = make_program("Stanford Anesthesiology")
    director = make_director()
    other = make_director("other@example.com", name="Dr Luis Herrera")
    program.directors.add(director, other)
    client.force_login(director)

    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "remove_directors", "_selected_action": [director.pk, other.pk]},
    )

    assert User.objects.get(pk=director.pk).is_director
    other = User.objects.get(pk=other.pk)
    assert not other.is_director
    assert not other.is_staff
    assert list(program.directors.all()) == [director]


def test_a_director_cannot_edit_superuser_status_or_permissions(client):
    program = make_program("Stanford Anesthesiology")
    director = make_director()
    program.directors.add(director)
    mentee = make_mentee_profile(make_mentee(), program=program).user
    client.force_login(director)

    response = client.get(reverse("admin:accounts_user_change", args=[mentee.pk]))

    assert response.status_code == HTTPStatus.OK
    form = response.context["adminform"].form
    assert "is_superuser" not in form.fields
    assert "user_permissions" not in form.fields


def test_the_admins_change_password_link_leads_to_the_account_page(client):
    client.force_login(make_director())

    response = client.get(reverse("admin:password_change"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("account_change_password")
