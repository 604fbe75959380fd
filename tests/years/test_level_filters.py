"""Directors' lists filter by level and academic year, read from appointments."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.years.models import AcademicYear, Level
from mentorship.years.services import appointment_set
from tests.factories import add_totp, make_pairing

pytestmark = pytest.mark.django_db

MENTEES = reverse("admin:mentees_menteeprofile_changelist")
PAIRINGS = reverse("admin:pairings_pairing_changelist")


@pytest.fixture
def levels(program, director, sam, ana, noor, chen, levin):
    """Sam is a CA-1 this year (a PGY-1 last year), Ana a CA-3 this year, Noor has
    no appointment yet; Sam and Ana each have a pairing."""
    add_totp(director)
    this_year = AcademicYear.objects.for_day(program)
    last_year_day = this_year.starts_on.replace(year=this_year.starts_on.year - 1)
    appointment_set(user=sam.user, program=program, level=Level.INTERN, day=last_year_day)
    appointment_set(user=sam.user, program=program, level=Level.CA1)
    appointment_set(user=ana.user, program=program, level=Level.CA3)
    make_pairing(chen, sam)
    make_pairing(levin, ana)
    return {"this": str(this_year.starts_on.year), "last": str(last_year_day.year)}


def names(response, attribute) -> list[str]:
    assert response.status_code == HTTPStatus.OK
    return sorted(attribute(row) for row in response.context["cl"].result_list)


def test_the_mentee_list_shows_each_mentees_level_this_year(client, director, levels, noor):
    client.force_login(director)

    text = client.get(MENTEES).content.decode()

    assert '<td class="field-level_now">CA-1</td>' in text
    assert '<td class="field-level_now">CA-3</td>' in text
    typed = f'<td class="field-level_now">{noor.get_training_level_display()} (as typed)</td>'
    assert typed in text


def test_the_mentee_list_filters_by_level_this_year_or_in_the_year_chosen(client, director, levels):
    client.force_login(director)
    mentee = lambda profile: profile.user.name  # noqa: E731

    assert names(client.get(MENTEES, {"level": "ca1"}), mentee) == ["Sam Whitfield"]
    assert names(client.get(MENTEES, {"level": "intern"}), mentee) == []
    last_year = {"level": "intern", "year": levels["last"]}
    assert names(client.get(MENTEES, last_year), mentee) == ["Sam Whitfield"]
    assert names(client.get(MENTEES, {"year": levels["this"]}), mentee) == [
        "Ana Ruiz",
        "Sam Whitfield",
    ]


def test_the_pairing_list_filters_by_the_mentees_level(client, director, levels):
    client.force_login(director)
    mentee = lambda pairing: pairing.mentee.user.name  # noqa: E731

    assert names(client.get(PAIRINGS, {"level": "ca3"}), mentee) == ["Ana Ruiz"]
    assert names(client.get(PAIRINGS, {"level": "ca1", "year": levels["this"]}), mentee) == [
        "Sam Whitfield"
    ]
    assert names(client.get(PAIRINGS, {"year": levels["last"]}), mentee) == ["Sam Whitfield"]


@pytest.mark.parametrize(
    ("query", "mentees", "pairings"),
    [
        # Left out: every row of the director's program.
        ({"level": "pgy9"}, 3, 2),
        ({"year": "20x6"}, 3, 2),
        ({"year": "99999"}, 3, 2),
        # The year left out, the level read this year: Sam.
        ({"level": "ca1", "year": "-1"}, 1, 1),
    ],
)
def test_a_crafted_level_or_year_is_ignored_not_an_error(
    client, director, levels, query, mentees, pairings
):
    client.force_login(director)

    assert client.get(MENTEES, query).context["cl"].result_count == mentees
    assert client.get(PAIRINGS, query).context["cl"].result_count == pairings


def test_another_programs_years_are_not_offered(client, director, levels, other_program, alex):
    appointment_set(user=alex.user, program=other_program, level=Level.CA2, day=date(2019, 9, 1))
    client.force_login(director)

    text = client.get(MENTEES).content.decode()

    assert "2019–20" not in text
    assert f"{levels['this']}–" in text


def test_the_request_list_filters_by_the_mentees_level(client, director, levels, sam, ana, park):
    from tests.factories import make_request

    make_request(park, sam)
    make_request(park, ana)
    client.force_login(director)
    requests = reverse("admin:pairings_mentorshiprequest_changelist")
    mentee = lambda request: request.mentee.user.name  # noqa: E731

    assert names(client.get(requests, {"level": "ca3"}), mentee) == ["Ana Ruiz"]
    assert names(client.get(requests, {"year": levels["last"]}), mentee) == ["Sam Whitfield"]
