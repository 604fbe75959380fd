"""After logging in (or giving the password again) a person goes to the `next`
page only when it is a path of this site; anything else leads home."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NOT_A_PATH = [
    "2026-13-01",  # allauth's own check let a relative address through
    "mentors",
    "-1",
    "//evil.example",
    "\\\\evil",
    "http://evil.example/",
    "http://testserver.evil.example/",
    "javascript:alert(1)",
]


@pytest.mark.parametrize("target", NOT_A_PATH)
def test_logging_in_with_a_next_that_is_not_a_path_leads_home(client, sam, target):
    response = client.post(
        reverse("account_login"), {"login": sam.user.email, "password": PASSWORD, "next": target}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_logging_in_with_a_path_of_this_site_goes_there(client, sam):
    response = client.post(
        reverse("account_login"),
        {"login": sam.user.email, "password": PASSWORD, "next": "/pairings/"},
    )

    assert response["Location"] == "/pairings/"


@pytest.mark.parametrize("target", NOT_A_PATH)
def test_giving_the_password_again_with_a_next_that_is_not_a_path_leads_home(client, sam, target):
    client.force_login(sam.user)

    response = client.post(
        reverse("account_reauthenticate"), {"password": PASSWORD, "next": target}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
