from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.rollover.models import Rollover
from tests.rollover.support import years

pytestmark = pytest.mark.django_db


def test_the_admin_lists_only_the_directors_rollovers_and_links_each_wizard(
    desk, program, other_program
):
    Rollover.objects.create(program=program, to_year=years(program)[1])
    Rollover.objects.create(program=other_program, to_year=years(other_program)[1])

    response = desk.get(reverse("admin:rollover_rollover_changelist"))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Prepare next year in Stanford Anesthesiology" in page
    assert reverse("rollover:wizard", args=[program.slug]) in page
    assert "Bay Area Society" not in page


def test_rollovers_are_not_edited_in_the_admin(desk, program):
    rollover = Rollover.objects.create(program=program, to_year=years(program)[1])

    assert desk.get(reverse("admin:rollover_rollover_add")).status_code == HTTPStatus.FORBIDDEN
    response = desk.post(
        reverse("admin:rollover_rollover_change", args=[rollover.pk]), {"state": "applied"}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    rollover.refresh_from_db()
    assert rollover.state == Rollover.State.DRAFT
