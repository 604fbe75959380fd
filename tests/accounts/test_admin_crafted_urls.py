"""Ids that aren't ids, or name rows that don't exist, never break an admin page."""

from http import HTTPStatus

import pytest
from django.contrib import admin

from tests.factories import add_totp, make_director, make_user

pytestmark = pytest.mark.django_db

CRAFTED = [
    "x/change/",
    "x/history/",
    "4/change/history/",
    "99999/change/",
    "99999/history/",
    "99999/history/abc/",
    "1/history/²/",
    "x/delete/",
]
MODELS = sorted(
    f"{model._meta.app_label}/{model._meta.model_name}" for model in admin.site._registry
)


@pytest.mark.parametrize("model", MODELS)
def test_crafted_admin_urls_answer_without_a_server_error(client, model):
    superuser = make_user("root@example.com", name="Root", is_staff=True, is_superuser=True)

    add_totp(superuser)
    client.force_login(superuser)

    for suffix in CRAFTED:
        # The test client raises any exception a view lets through, so a 500 fails here.
        response = client.get(f"/admin/{model}/{suffix}")
        assert response.status_code in {
            HTTPStatus.OK,
            HTTPStatus.FOUND,
            HTTPStatus.FORBIDDEN,
            HTTPStatus.NOT_FOUND,
        }, (model, suffix, response.status_code)


def test_a_director_gets_404_for_a_crafted_pairing_history_url(client):
    client.force_login(make_director())

    response = client.get("/admin/pairings/pairing/4/change/history/")

    assert response.status_code == HTTPStatus.NOT_FOUND
