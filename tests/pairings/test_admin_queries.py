"""The pairing and request changelists, and the pairings' CSV export, cost a fixed
number of queries however many rows."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.admin_site import ROWS_PER_PAGE
from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.programs.models import Program
from tests.factories import make_director, make_program

pytestmark = pytest.mark.django_db

# Pinned: the same number for 5 and for 200 rows (the page shows ROWS_PER_PAGE).
# Most are the session and the user (no write within the hour), the MFA check and
# the permissions; then the program and start-year filters, the count of the
# rows filtered (never of the whole table) and the page of rows.
PAIRING_CHANGELIST_QUERIES = 11  # with the academic years the mentee filters offer
REQUEST_CHANGELIST_QUERIES = 10  # with the academic years the mentee filters offer

PAIRING_STATUSES = ["proposed", "active", "paused", "ended"]
REQUEST_STATUSES = ["pending", "accepted", "declined", "withdrawn", "expired"]


def add_pairs(program: Program, start: int, stop: int) -> list[tuple[int, int]]:
    """Mentors and mentees numbered start..stop-1, in bulk: (mentor id, mentee id) pairs."""
    users = User.objects.bulk_create(
        [User(email=f"mentor{i}@example.com", name=f"Mentor {i}") for i in range(start, stop)]
        + [User(email=f"mentee{i}@example.com", name=f"Mentee {i}") for i in range(start, stop)]
    )
    by_email = {u.email: u.pk for u in User.objects.filter(pk__in=[u.pk for u in users])}
    MentorProfile.objects.bulk_create(
        MentorProfile(user_id=by_email[f"mentor{i}@example.com"], title="Professor")
        for i in range(start, stop)
    )
    MenteeProfile.objects.bulk_create(
        MenteeProfile(
            user_id=by_email[f"mentee{i}@example.com"],
            program=program,
            training_level="ca1",
            start_year=2026,
        )
        for i in range(start, stop)
    )
    mentors = dict(
        MentorProfile.objects.filter(user__email__startswith="mentor").values_list(
            "user__email", "pk"
        )
    )
    mentees = dict(
        MenteeProfile.objects.filter(user__email__startswith="mentee").values_list(
            "user__email", "pk"
        )
    )
    return [
        (mentors[f"mentor{i}@example.com"], mentees[f"mentee{i}@example.com"])
        for i in range(start, stop)
    ]


def add_pairings(program: Program, start: int, stop: int) -> None:
    """One pairing per new pair (so one open pairing per pair), in every status."""
    rows = []
    for n, (mentor_id, mentee_id) in enumerate(add_pairs(program, start, stop), start):
        status = PAIRING_STATUSES[n % 4]
        rows.append(
            Pairing(
                mentor_id=mentor_id,
                mentee_id=mentee_id,
                program=program,
                status=status,
                needs_conflict_approval=n % 3 == 0,
                started_on=None if status == "proposed" else date(2023 + n % 3, 9, 1),
                ended_on=date(2026, 6, 30) if status == "ended" else None,
            )
        )
    Pairing.objects.bulk_create(rows)


def add_requests(program: Program, start: int, stop: int) -> None:
    """One request per new pair (so one pending request per pair), in every status."""
    now = timezone.now()
    MentorshipRequest.objects.bulk_create(
        MentorshipRequest(
            mentor_id=mentor_id,
            mentee_id=mentee_id,
            program=program,
            status=REQUEST_STATUSES[n % 5],
            drew_you="Your talk at grand rounds.",
            created_at=now - timedelta(days=n % 40),
            question_asked_at=now if n % 2 else None,
        )
        for n, (mentor_id, mentee_id) in enumerate(add_pairs(program, start, stop), start)
    )


@pytest.mark.parametrize(
    ("changelist", "add_rows", "ceiling"),
    [
        ("admin:pairings_pairing_changelist", add_pairings, PAIRING_CHANGELIST_QUERIES),
        ("admin:pairings_mentorshiprequest_changelist", add_requests, REQUEST_CHANGELIST_QUERIES),
    ],
)
def test_the_changelists_cost_the_same_for_5_and_200_rows(
    client, django_assert_max_num_queries, changelist, add_rows, ceiling
):
    director = make_director()
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    other = make_program("Pediatric Anesthesia Fellowship")
    client.force_login(director)
    url = reverse(changelist)
    client.get(url)  # the first request of a session records it; measure the next ones
    add_rows(program, 0, 5)
    add_rows(other, 1000, 1003)  # another director's rows are neither shown nor counted

    with django_assert_max_num_queries(ceiling) as few:
        response = client.get(url)
    assert response.context["cl"].result_count == 5

    add_rows(program, 5, 200)
    with django_assert_max_num_queries(ceiling) as many:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert len(many) == len(few)
    # One count, of the rows filtered: never a second one of the whole table.
    assert sum(q["sql"].startswith("SELECT COUNT(*)") for q in many.captured_queries) == 1
    assert response.context["cl"].result_count == 200
    assert len(response.context["cl"].result_list) == ROWS_PER_PAGE
    first = response.context["cl"].result_list[0]
    assert first.mentee.user.name in response.content.decode()


def export_every_pairing(client) -> list[bytes]:
    """The CSV action on every row of the changelist ("select all"), read to its end."""
    response = client.post(
        reverse("admin:pairings_pairing_changelist"),
        {
            "action": "export_csv",
            "select_across": "1",
            "index": "0",
            ACTION_CHECKBOX_NAME: [Pairing.objects.values_list("pk", flat=True).first()],
        },
    )
    assert response.streaming
    return list(response.streaming_content)


def test_the_csv_export_streams_line_by_line_in_the_same_queries_for_10_and_1000_rows(
    client,
):
    director = make_director()
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    other = make_program("Pediatric Anesthesia Fellowship")
    client.force_login(director)
    client.get(reverse("admin:pairings_pairing_changelist"))
    add_pairings(program, 0, 10)
    add_pairings(other, 5000, 5003)  # another director's rows are not exported

    with CaptureQueriesContext(connection) as few:
        small = export_every_pairing(client)
    add_pairings(program, 10, 1000)
    with CaptureQueriesContext(connection) as many:
        large = export_every_pairing(client)

    # A header, then one chunk per pairing, sent as each is read.
    assert (len(small), len(large)) == (11, 1001)
    assert large[1].decode().startswith("Stanford Anesthesiology Residency,Mentor 999,")
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


# A pairing's own page, within the hour the session was last seen (no write): the
# session, the user, the MFA check and the permissions, then the row with its
# people and program joined in (the list's subqueries leave them out).
PAIRING_PAGE_QUERIES = 7


def test_a_pairings_own_page_reads_its_people_with_the_row(client, django_assert_num_queries):
    director = make_director()
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    client.force_login(director)
    add_pairings(program, 0, 5)
    pairing = Pairing.objects.get(mentor__user__email="mentor0@example.com")
    url = reverse("admin:pairings_pairing_change", args=[pairing.pk])
    client.get(url)

    with django_assert_num_queries(PAIRING_PAGE_QUERIES):
        response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert "Mentor 0 and Mentee 0" in response.content.decode()
