"""The people list of the admin: a director sees the people of the programs they
direct and appoints directors only of those programs; a superuser sees everyone."""

from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.admin_site import ROWS_PER_PAGE
from accounts.models import User
from accounts.services import user_appoint_director
from mentorship.mentees.models import MenteeProfile
from tests.factories import (
    add_totp,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_user,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:accounts_user_changelist"
# Pinned: the same for 10 and for 300 people. Most are the session and the user
# (no write within the hour), the MFA check and the permissions; the list itself
# is a count of the people filtered (never of the whole table) and a page.
USER_CHANGELIST_QUERIES = 8


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        add_totp(user)
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def theirs(other_program):
    """Bay Area's mentee and mentor."""
    return [
        make_mentee_profile(
            make_mentee("ines@example.com", name="Ines Park"), program=other_program
        ),
        make_mentor_profile(
            make_mentor("wu@example.com", name="Dr Tom Wu"), programs=[other_program]
        ),
    ]


def listed(client, **query) -> set[str]:
    response = client.get(reverse(CHANGELIST), query)
    assert response.status_code == HTTPStatus.OK
    return {user.name for user in response.context["cl"].result_list}


def appoint(client, people, program=None):
    data = {"action": "appoint_directors", "_selected_action": [p.pk for p in people]}
    if program is not None:
        data.update(apply="yes", program=program.pk)
    return client.post(reverse(CHANGELIST), data)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# --- who a director sees ----------------------------------------------------------


def test_a_director_sees_the_mentees_mentors_and_directors_of_their_programs(
    signed_in, director, sam, chen, theirs, other_director
):
    colleague = make_user("hale@example.com", name="Dr Jo Hale")
    sam.program.directors.add(colleague)
    make_user("nobody@example.com", name="Pat Nobody")  # in no program at all

    names = listed(signed_in(director))

    assert names == {"Dr Maya Okafor", "Dr Jo Hale", "Sam Whitfield", "Dr Dana Chen"}


def test_a_director_of_program_a_does_not_see_bs_people(signed_in, other_director, sam, theirs):
    assert listed(signed_in(other_director)) == {"Dr Lena Reyes", "Ines Park", "Dr Tom Wu"}


def test_a_mentor_of_two_programs_is_seen_by_both_directors(
    client, signed_in, director, other_director, chen, other_program
):
    chen.programs.add(other_program)

    assert "Dr Dana Chen" in listed(signed_in(director))
    assert "Dr Dana Chen" in listed(signed_in(other_director))


def test_a_superuser_sees_everyone(signed_in, superuser, director, sam, theirs, other_director):
    make_user("nobody@example.com", name="Pat Nobody")

    names = listed(signed_in(superuser))

    assert {"Sam Whitfield", "Ines Park", "Dr Tom Wu", "Dr Lena Reyes", "Pat Nobody"} <= names


def test_searching_stays_within_your_programs(signed_in, director, sam, theirs):
    assert listed(signed_in(director), q="example.com") == {"Dr Maya Okafor", "Sam Whitfield"}


@pytest.mark.parametrize(
    "page",
    [
        "admin:accounts_user_change",
        "admin:accounts_user_history",
        "admin:accounts_user_delete",
        "admin:auth_user_password_change",
    ],
)
def test_the_pages_of_someone_outside_your_programs_are_not_found(
    signed_in, director, sam, theirs, page
):
    client = signed_in(director)
    ines = theirs[0].user

    assert client.get(reverse(page, args=[ines.pk])).status_code == HTTPStatus.NOT_FOUND
    assert client.get(reverse(page, args=["99999"])).status_code == HTTPStatus.NOT_FOUND
    assert client.get(reverse(page, args=["x"])).status_code == HTTPStatus.NOT_FOUND


def test_the_pages_of_someone_in_your_programs_open(signed_in, director, sam):
    client = signed_in(director)

    change = client.get(reverse("admin:accounts_user_change", args=[sam.user.pk]))
    history = client.get(reverse("admin:accounts_user_history", args=[sam.user.pk]))

    assert change.status_code == history.status_code == HTTPStatus.OK
    # Sam's own pages: Sam's record, not an empty form or someone else's.
    assert change.context["original"] == history.context["object"] == sam.user
    assert "<title>Sam Whitfield | View user |" in change.content.decode()


@pytest.mark.parametrize("action", ["appoint_directors", "remove_directors"])
def test_an_action_on_someone_outside_your_programs_is_not_found(
    signed_in, director, sam, other_director, action
):
    response = signed_in(director).post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [sam.user.pk, other_director.pk]},
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    other_director = User.objects.get(pk=other_director.pk)
    assert other_director.is_director
    assert other_director.directed_programs.count() == 1
    assert not User.objects.get(pk=sam.user.pk).is_staff


def test_the_list_costs_the_same_queries_for_10_and_300_people(signed_in, director, program):
    client = signed_in(director)
    client.get(reverse(CHANGELIST))  # the first request of a session records it
    add_mentees(program, 0, 8)
    for i in range(2):
        make_mentor_profile(make_mentor(f"mentor{i}@example.com"), programs=[program])

    with CaptureQueriesContext(connection) as small:
        response = client.get(reverse(CHANGELIST))
    assert response.context["cl"].result_count == 11

    add_mentees(program, 8, 290)
    for i in range(2, 10):
        make_mentor_profile(make_mentor(f"mentor{i}@example.com"), programs=[program])
    with CaptureQueriesContext(connection) as large:
        response = client.get(reverse(CHANGELIST))
    assert response.context["cl"].result_count == 301
    assert len(response.context["cl"].result_list) == ROWS_PER_PAGE

    assert len(large.captured_queries) == len(small.captured_queries) == USER_CHANGELIST_QUERIES


def add_mentees(program, start: int, stop: int) -> None:
    users = User.objects.bulk_create(
        User(email=f"mentee{i}@example.com", name=f"Mentee {i}", is_mentee=True)
        for i in range(start, stop)
    )
    MenteeProfile.objects.bulk_create(
        MenteeProfile(user=u, program=program, training_level="ca1", start_year=2026)
        for u in User.objects.filter(pk__in=[u.pk for u in users])
    )


# --- appointing directors ---------------------------------------------------------


def test_appointing_asks_which_of_your_own_programs(signed_in, director, chen, other_program):
    response = appoint(signed_in(director), [chen.user])

    assert response.status_code == HTTPStatus.OK
    offered = list(response.context["form"].fields["program"].queryset)
    assert offered == [chen.programs.get()]
    assert "Bay Area Society" not in response.content.decode()
    assert not User.objects.get(pk=chen.user.pk).is_staff


def test_a_director_makes_someone_a_director_of_their_program(signed_in, director, chen, program):
    response = appoint(signed_in(director), [chen.user], program)

    assert response.status_code == HTTPStatus.FOUND
    dana = User.objects.get(pk=chen.user.pk)
    assert dana.is_director
    assert list(dana.directed_programs.all()) == [program]
    assert messages_of(response) == [
        "Dr Dana Chen now directs Stanford Anesthesiology. They turn on two-step "
        "verification the first time they open the admin."
    ]
    entry = LogEntry.objects.get(object_id=str(dana.pk))
    assert (entry.user, entry.change_message) == (
        director,
        "Made a program director of Stanford Anesthesiology.",
    )


def test_a_crafted_program_of_another_director_is_refused_with_a_message(
    signed_in, director, chen, other_program
):
    response = appoint(signed_in(director), [chen.user], other_program)

    assert response.status_code == HTTPStatus.OK
    assert "Nobody was appointed: Choose one of the programs you direct." in messages_of(response)
    dana = User.objects.get(pk=chen.user.pk)
    assert not dana.is_staff
    assert not dana.directed_programs.exists()
    assert not other_program.directors.filter(pk=dana.pk).exists()
    assert not LogEntry.objects.exists()


def test_a_superuser_may_appoint_to_any_program(signed_in, superuser, chen, other_program):
    response = appoint(signed_in(superuser), [chen.user], other_program)

    assert response.status_code == HTTPStatus.FOUND
    assert list(User.objects.get(pk=chen.user.pk).directed_programs.all()) == [other_program]


def test_with_no_program_yet_there_is_nothing_to_appoint_to(signed_in, superuser):
    dana = make_user("chen@example.com", name="Dr Dana Chen")

    response = signed_in(superuser).post(
        reverse(CHANGELIST), {"action": "appoint_directors", "_selected_action": [dana.pk]}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert "You direct no program yet" in messages_of(response)[0]
    assert not User.objects.get(pk=dana.pk).is_staff


def test_the_service_refuses_a_program_the_appointer_does_not_direct(director, chen, other_program):
    with pytest.raises(PermissionDenied):
        user_appoint_director(user=chen.user, program=other_program, by=director)

    assert not other_program.directors.filter(pk=chen.user.pk).exists()
    assert not User.objects.get(pk=chen.user.pk).is_staff


# --- removing the role ------------------------------------------------------------


def test_removing_takes_them_off_your_programs_only(
    signed_in, superuser, director, levin, program, other_program
):
    for place in (program, other_program):
        user_appoint_director(user=levin.user, program=place, by=superuser)

    response = signed_in(director).post(
        reverse(CHANGELIST), {"action": "remove_directors", "_selected_action": [levin.user.pk]}
    )

    assert response.status_code == HTTPStatus.FOUND
    ari = User.objects.get(pk=levin.user.pk)
    assert list(ari.directed_programs.all()) == [other_program]
    assert ari.is_director  # still directs Bay Area
    assert LogEntry.objects.get(object_id=str(ari.pk)).change_message == (
        "No longer a program director of Stanford Anesthesiology."
    )


def test_removing_their_last_program_ends_the_director_role(signed_in, director, levin, program):
    user_appoint_director(user=levin.user, program=program, by=director)

    signed_in(director).post(
        reverse(CHANGELIST), {"action": "remove_directors", "_selected_action": [levin.user.pk]}
    )

    ari = User.objects.get(pk=levin.user.pk)
    assert not ari.is_staff
    assert not ari.is_director
    assert not ari.directed_programs.exists()
    assert LogEntry.objects.get(object_id=str(ari.pk)).change_message == (
        "No longer a program director of Stanford Anesthesiology. "
        "Directs no program any more: no longer staff."
    )


def test_a_superuser_removes_someone_from_every_program(
    signed_in, superuser, levin, program, other_program
):
    for place in (program, other_program):
        user_appoint_director(user=levin.user, program=place, by=superuser)

    signed_in(superuser).post(
        reverse(CHANGELIST), {"action": "remove_directors", "_selected_action": [levin.user.pk]}
    )

    ari = User.objects.get(pk=levin.user.pk)
    assert not ari.directed_programs.exists()
    assert not ari.is_director
