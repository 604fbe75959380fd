from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import make_mentee

pytestmark = pytest.mark.django_db


def test_password_reset_answers_alike_for_known_and_unknown_addresses(client):
    make_mentee("sam@example.com")

    known = client.post(reverse("account_reset_password"), {"email": "sam@example.com"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})

    assert known.status_code == unknown.status_code == HTTPStatus.FOUND
    assert known["Location"] == unknown["Location"] == reverse("account_reset_password_done")
    # Each address hears only about itself, so the page gives nothing away.
    assert sorted(m.to[0] for m in mail.outbox) == ["nobody@example.com", "sam@example.com"]
    reset = next(m for m in mail.outbox if m.to == ["sam@example.com"])
    assert "/accounts/password/reset/key/" in reset.body
    other = next(m for m in mail.outbox if m.to == ["nobody@example.com"])
    assert "/accounts/password/reset/key/" not in other.body


def test_password_reset_link_sets_a_new_password(client):
    user = make_mentee("sam@example.com")
    client.post(reverse("account_reset_password"), {"email": "sam@example.com"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/key/" in line)
    path = link[link.index("/accounts/") :].strip()

    form_page = client.get(path, follow=True)
    new = "persistence-and-patience"
    client.post(form_page.redirect_chain[-1][0], {"password1": new, "password2": new})

    user.refresh_from_db()
    assert user.check_password(new)
