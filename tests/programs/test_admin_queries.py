"""The admin changelists cost a fixed number of queries, however many rows they show."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.admin_site import ROWS_PER_PAGE
from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.programs.models import Interest, Program
from tests.factories import make_director, make_program

pytestmark = pytest.mark.django_db

# Pinned: the same number for 10 and for 300 rows. Most are the session and the
# user (no write within the hour), the MFA check and the permissions; then the
# filters' choices, the count of the rows filtered (never of the whole table)
# and the page of rows, its computed columns in it.
MENTOR_CHANGELIST_QUERIES = 9
MENTEE_CHANGELIST_QUERIES = 10  # with the academic years the filters offer
PROGRAM_CHANGELIST_QUERIES = 9
INTEREST_CHANGELIST_QUERIES = 8


def add_people(program: Program, start: int, stop: int) -> None:
    """Mentors and mentees numbered start..stop-1, in bulk; each mentor in two programs."""
    other = Program.objects.get_or_create(name="Other program", slug="other")[0]
    interests = list(Interest.objects.order_by("pk")[:3])
    users = User.objects.bulk_create(
        [
            User(email=f"mentor{i}@example.com", name=f"Mentor {i}", is_mentor=True)
            for i in range(start, stop)
        ]
        + [
            User(email=f"mentee{i}@example.com", name=f"Mentee {i}", is_mentee=True)
            for i in range(start, stop)
        ]
    )
    users = User.objects.filter(pk__in=[u.pk for u in users])
    now = timezone.now()
    MentorProfile.objects.bulk_create(
        MentorProfile(user=u, title="Assistant Professor") for u in users if u.is_mentor
    )
    MenteeProfile.objects.bulk_create(
        MenteeProfile(user=u, program=program, training_level="ca1", start_year=2026)
        for u in users
        if u.is_mentee
    )
    mentors = MentorProfile.objects.filter(user__in=users).values_list("pk", flat=True)
    Membership.objects.bulk_create(
        Membership(mentor_id=pk, program=p, approved_at=now)
        for pk in mentors
        for p in (program, other)
    )
    MentorProfile.interests.through.objects.bulk_create(
        MentorProfile.interests.through(mentorprofile_id=pk, interest_id=i.pk)
        for pk in mentors
        for i in interests
    )


def programs_for(director, count: int) -> None:
    for i in range(Program.objects.filter(directors=director).count(), count):
        make_program(f"Program {i:03d}", directors=[director])


@pytest.mark.parametrize(
    ("changelist", "ceiling"),
    [
        ("admin:mentors_mentorprofile_changelist", MENTOR_CHANGELIST_QUERIES),
        ("admin:mentees_menteeprofile_changelist", MENTEE_CHANGELIST_QUERIES),
    ],
)
def test_the_profile_changelists_cost_the_same_for_10_and_300_rows(
    client, django_assert_max_num_queries, changelist, ceiling
):
    director = make_director()
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    client.force_login(director)
    url = reverse(changelist)
    client.get(url)  # the first request of a session records it; measure the next ones
    add_people(program, 0, 10)

    with django_assert_max_num_queries(ceiling) as few:
        response = client.get(url)
    assert response.context["cl"].result_count == 10

    add_people(program, 10, 300)
    with django_assert_max_num_queries(ceiling) as many:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert len(many) == len(few)
    assert response.context["cl"].result_count == 300
    assert len(response.context["cl"].result_list) == ROWS_PER_PAGE


def test_the_mentee_changelist_shows_each_mentees_program(client):
    director = make_director()
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    client.force_login(director)
    add_people(program, 0, 60)

    html = client.get(reverse("admin:mentees_menteeprofile_changelist")).content.decode()

    cell = '<td class="field-program_name">Stanford Anesthesiology Residency</td>'
    assert html.count(cell) == ROWS_PER_PAGE
    assert '<td class="field-email">mentee0@example.com</td>' in html


def test_the_mentor_changelist_names_each_mentors_programs_in_the_same_queries(
    client, django_assert_max_num_queries
):
    director = make_director()
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    other = make_program("Other program", slug="other", directors=[director])
    client.force_login(director)
    url = reverse("admin:mentors_mentorprofile_changelist")
    client.get(url)
    add_people(program, 0, 10)
    Membership.objects.filter(program=other, mentor__user__email="mentor3@example.com").update(
        approved_at=None
    )

    with django_assert_max_num_queries(MENTOR_CHANGELIST_QUERIES) as few:
        response = client.get(url)
    add_people(program, 10, 300)
    with django_assert_max_num_queries(MENTOR_CHANGELIST_QUERIES) as many:
        client.get(url)

    assert len(many) == len(few)
    html = response.content.decode()
    assert "Other program (waiting), Stanford Anesthesiology Residency</td>" in html
    assert html.count("Other program, Stanford Anesthesiology Residency</td>") == 9


def test_the_program_changelist_costs_the_same_for_10_and_300_programs(
    client, django_assert_max_num_queries
):
    director = make_director()
    client.force_login(director)
    url = reverse("admin:programs_program_changelist")
    client.get(url)
    programs_for(director, 10)
    add_people(Program.objects.get(name="Program 000"), 0, 20)

    with django_assert_max_num_queries(PROGRAM_CHANGELIST_QUERIES) as few:
        response = client.get(url)
    assert response.context["cl"].result_count == 10

    Program.objects.bulk_create(
        Program(name=f"Program {i:03d}", slug=f"p{i}") for i in range(10, 300)
    )
    Program.directors.through.objects.bulk_create(
        Program.directors.through(program_id=pk, user_id=director.pk)
        for pk in Program.objects.filter(slug__startswith="p", slug__regex=r"^p\d+$").values_list(
            "pk", flat=True
        )
    )
    with django_assert_max_num_queries(PROGRAM_CHANGELIST_QUERIES) as many:
        response = client.get(url)
    assert len(many) == len(few)
    assert response.context["cl"].result_count == 300
    assert len(response.context["cl"].result_list) == ROWS_PER_PAGE
    first = response.context["cl"].result_list[0]
    assert (first.name, first.mentor_count, first.mentee_count) == ("Program 000", 20, 20)


def test_the_interest_changelist_costs_the_same_for_10_and_300_people(
    client, django_assert_max_num_queries
):
    director = make_director()
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    client.force_login(director)
    url = reverse("admin:programs_interest_changelist")
    client.get(url)
    add_people(program, 0, 10)

    with django_assert_max_num_queries(INTEREST_CHANGELIST_QUERIES) as few:
        client.get(url)
    add_people(program, 10, 300)
    with django_assert_max_num_queries(INTEREST_CHANGELIST_QUERIES) as many:
        response = client.get(url)

    assert len(many) == len(few)
    first = Interest.objects.order_by("pk").first()
    counted = next(row for row in response.context["cl"].result_list if row.pk == first.pk)
    assert (counted.mentor_count, counted.mentee_count) == (300, 0)
