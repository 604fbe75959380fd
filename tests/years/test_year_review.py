"""The director's section of the annual report, written in the admin."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.years.models import AcademicYear, YearAction, YearReview
from tests.factories import add_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviews(program, other_program):
    mine = YearReview.objects.create(
        year=AcademicYear.objects.for_day(program), themes="More walks, fewer forms."
    )
    theirs = YearReview.objects.create(
        year=AcademicYear.objects.for_day(other_program), themes="Their own words."
    )
    return mine, theirs


def test_residents_are_sent_to_sign_in(client, sam, reviews):
    client.force_login(sam.user)
    response = client.get(reverse("admin:years_yearreview_changelist"))
    assert response.status_code == HTTPStatus.FOUND and "/login/" in response["Location"]


def test_a_director_writes_their_years_review_with_its_actions(client, director, program, reviews):
    add_totp(director)
    client.force_login(director)
    mine, theirs = reviews
    response = client.get(reverse("admin:years_yearreview_changelist"))
    assert [r.pk for r in response.context["cl"].result_list] == [mine.pk]
    url = reverse("admin:years_yearreview_change", args=[mine.pk])
    page = client.get(url).content.decode()
    assert "More walks, fewer forms." in page
    response = client.post(
        url,
        {
            "year": mine.year_id,
            "themes": "Residents asked for a winter check-in.",
            "actions-TOTAL_FORMS": "1",
            "actions-INITIAL_FORMS": "0",
            "actions-0-what": "Pair every intern by October",
            "actions-0-state": "under_way",
            "actions-0-note": "Five of six so far.",
            "actions-0-order": "0",
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    mine.refresh_from_db()
    assert mine.themes == "Residents asked for a winter check-in."
    assert list(YearAction.objects.values_list("what", "state")) == [
        ("Pair every intern by October", "under_way")
    ]


def test_another_programs_review_is_not_found(client, director, reviews):
    add_totp(director)
    client.force_login(director)
    response = client.get(
        reverse("admin:years_yearreview_change", args=[reviews[1].pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "Their own words." not in response.content.decode()


def test_a_director_can_only_write_for_their_own_years(client, director, other_program, reviews):
    add_totp(director)
    client.force_login(director)
    other_year = AcademicYear.objects.create(
        program=other_program, starts_on="2030-07-01", ends_on="2031-06-30"
    )
    response = client.post(
        reverse("admin:years_yearreview_add"),
        {"year": other_year.pk, "themes": "x", "actions-TOTAL_FORMS": "0",
         "actions-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice" in response.content.decode()
    assert not YearReview.objects.filter(year=other_year).exists()
