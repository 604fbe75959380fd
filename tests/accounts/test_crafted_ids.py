"""A list of ids typed by hand (a profile's interests or programs, the admin's
many-to-many boxes) with an id no column can hold is a field error, not a 500.
SQLite raised OverflowError for such an id inside `pk__in` (mentorship/lookups.py)."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import add_totp

pytestmark = pytest.mark.django_db

TOO_LARGE = "99999999999999999999"


@pytest.mark.parametrize(
    ("who", "page", "field"),
    [
        ("sam", "mentees:profile_edit", "interests"),
        ("chen", "mentors:profile_edit", "programs"),
        ("chen", "mentors:profile_edit", "interests"),
    ],
)
def test_a_profile_form_refuses_an_id_too_large_for_any_row(client, request, who, page, field):
    client.force_login(request.getfixturevalue(who).user)

    response = client.post(reverse(page), {field: [TOO_LARGE]})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors[field]  # said at the field, in the form's words


@pytest.mark.parametrize(
    ("profile", "field"),
    [("chen", "interests"), ("sam", "interests")],
)
def test_the_admin_refuses_an_id_too_large_for_any_row(client, request, director, profile, field):
    row = request.getfixturevalue(profile)
    add_totp(director)
    client.force_login(director)
    model = row._meta.model_name

    response = client.post(
        reverse(f"admin:{row._meta.app_label}_{model}_change", args=[row.pk]), {field: [TOO_LARGE]}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice" in str(response.context["adminform"].form.errors[field])


def test_the_admin_refuses_a_program_id_too_large_for_any_row(client, director, chen):
    add_totp(director)
    client.force_login(director)
    membership = chen.memberships.get()
    data = {
        "title": chen.title,
        "capacity": chen.capacity,
        "memberships-TOTAL_FORMS": 2,
        "memberships-INITIAL_FORMS": 1,
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
        "memberships-0-id": membership.pk,
        "memberships-0-mentor": chen.pk,
        "memberships-1-mentor": chen.pk,
        "memberships-1-program": TOO_LARGE,
    }

    response = client.post(reverse("admin:mentors_mentorprofile_change", args=[chen.pk]), data)

    assert response.status_code == HTTPStatus.OK
    [inline] = response.context["inline_admin_formsets"]
    assert "Select a valid choice" in str(inline.formset.errors[1]["program"])


def test_a_list_of_ids_still_finds_the_rows_that_exist(chen, levin):
    from mentorship.mentors.models import MentorProfile

    found = MentorProfile.objects.filter(
        pk__in=[chen.pk, int(TOO_LARGE), levin.pk, -int(TOO_LARGE)]
    )

    assert sorted(found.values_list("pk", flat=True)) == sorted([chen.pk, levin.pk])
