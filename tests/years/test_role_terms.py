"""Role terms: in force from their first day through their last, and the conflict
rule, the mentors' yearly word and the directors' admin that read them."""

from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from mentorship.mentors.models import EvaluationPledge
from mentorship.pairings import services
from mentorship.pairings.models import Pairing
from mentorship.years.models import AcademicYear
from mentorship.years.terms import RoleTerm
from tests.factories import (
    make_director,
    make_mentee,
    make_request,
    make_role_term,
)

pytestmark = pytest.mark.django_db

FIRST, LAST = date(2026, 7, 1), date(2026, 12, 31)


def in_force_on(day):
    return list(RoleTerm.objects.in_force(day))


def test_a_term_is_in_force_from_its_first_day_through_its_last(chen, program):
    term = make_role_term(chen.user, program, "ccc_member", starts_on=FIRST, ends_on=LAST)

    assert in_force_on(FIRST - timedelta(days=1)) == []
    assert in_force_on(FIRST) == [term]
    assert in_force_on(LAST) == [term]
    assert in_force_on(LAST + timedelta(days=1)) == []


def test_an_open_term_stays_in_force(chen, program):
    term = make_role_term(chen.user, program, "ccc_member", starts_on=FIRST)

    assert in_force_on(date(2040, 1, 1)) == [term]


def test_only_pd_apd_and_the_ccc_are_evaluative(chen, program):
    for role in RoleTerm.Role.values:
        make_role_term(chen.user, program, role)

    assert set(RoleTerm.objects.evaluative().values_list("role", flat=True)) == {
        "program_director",
        "associate_program_director",
        "ccc_member",
        "ccc_chair",
    }


def test_a_term_cannot_end_before_it_starts(chen, program):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_role_term(chen.user, program, "ccc_member", starts_on=LAST, ends_on=FIRST)
    make_role_term(chen.user, program, "ccc_member", starts_on=FIRST, ends_on=FIRST)  # one day


@pytest.mark.parametrize(
    ("starts", "ends", "conflict"),
    [
        (0, None, True),  # the day the term starts
        (-30, 0, True),  # its last day
        (-30, -1, False),  # the day after it ends
        (1, None, False),  # the day before it starts
    ],
)
def test_the_conflict_rule_at_the_edges_of_a_term(
    chen, sam, program, director, starts, ends, conflict
):
    today = timezone.localdate()
    make_role_term(
        chen.user,
        program,
        "ccc_member",
        starts_on=today + timedelta(days=starts),
        ends_on=None if ends is None else today + timedelta(days=ends),
    )

    pairing = services.request_accept(request=make_request(chen, sam), by=chen.user)

    assert pairing.needs_conflict_approval is conflict
    assert pairing.status == (Pairing.Status.PROPOSED if conflict else Pairing.Status.ACTIVE)


def test_a_role_in_another_program_is_no_conflict(chen, sam, program, other_program, director):
    make_role_term(chen.user, other_program, "program_director")

    pairing = services.request_accept(request=make_request(chen, sam), by=chen.user)

    assert pairing.needs_conflict_approval is False
    assert chen.evaluative_roles == ["Residency program director"]
    assert chen.evaluative_roles_in(program) == []


def test_a_chief_resident_or_wellness_lead_is_no_conflict(chen, sam, program, director):
    make_role_term(chen.user, program, "chief_resident")
    make_role_term(chen.user, program, "wellness_lead")

    pairing = services.request_accept(request=make_request(chen, sam), by=chen.user)

    assert pairing.needs_conflict_approval is False


# --- the mentor's yearly word ----------------------------------------------------------

PLEDGE = reverse("mentors:pledge")
DOES_NOT_EVALUATE = "This mentor does not evaluate you."


def test_a_mentor_gives_their_word_for_this_year_once(client, chen, program):
    client.force_login(chen.user)

    response = client.post(PLEDGE, follow=True)
    client.post(PLEDGE)

    year = AcademicYear.objects.for_day(program)
    assert list(EvaluationPledge.objects.values_list("mentor", "year")) == [(chen.pk, year.pk)]
    assert response.redirect_chain == [(chen.get_absolute_url(), HTTPStatus.FOUND)]
    assert "We&#x27;ll ask again next academic year." in response.content.decode()
    assert "I confirm it for this academic year" not in response.content.decode()


def test_the_owner_is_asked_for_their_word_until_they_give_it(client, chen):
    client.force_login(chen.user)

    assert (
        "I confirm it for this academic year"
        in client.get(chen.get_absolute_url()).content.decode()
    )


def test_the_word_is_asked_again_the_next_academic_year(chen, program):
    last_year = AcademicYear.objects.for_day(program, date(2025, 9, 1))
    EvaluationPledge.objects.create(mentor=chen, year=last_year)

    assert not chen.has_pledged_in(program)
    assert chen.has_pledged_in(program, date(2025, 9, 1))


def test_pledging_takes_a_post(client, chen):
    client.force_login(chen.user)

    assert client.get(PLEDGE).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_anonymous_people_are_sent_to_log_in(client):
    response = client.post(PLEDGE)

    assert response.status_code == HTTPStatus.FOUND
    assert EvaluationPledge.objects.count() == 0


def test_someone_without_a_mentor_profile_is_sent_to_write_one(client, sam):
    client.force_login(sam.user)

    response = client.post(PLEDGE)

    assert response.status_code == HTTPStatus.FOUND
    assert EvaluationPledge.objects.count() == 0


def test_a_mentee_reads_that_a_mentor_who_gave_their_word_does_not_evaluate_them(
    client, chen, levin, sam, program
):
    services_pledge(chen)
    client.force_login(sam.user)

    assert DOES_NOT_EVALUATE in client.get(chen.get_absolute_url()).content.decode()
    assert DOES_NOT_EVALUATE not in client.get(levin.get_absolute_url()).content.decode()


def test_a_mentor_on_the_ccc_never_reads_as_not_evaluating(client, grey, sam):
    services_pledge(grey)
    client.force_login(sam.user)

    text = client.get(grey.get_absolute_url()).content.decode()

    assert DOES_NOT_EVALUATE not in text
    assert "a Clinical Competency Committee member" in text


def test_a_term_in_another_program_leaves_the_word_standing(
    client, chen, sam, other_program, program
):
    make_role_term(chen.user, other_program, "ccc_member")
    services_pledge(chen)
    client.force_login(sam.user)

    assert DOES_NOT_EVALUATE in client.get(chen.get_absolute_url()).content.decode()


def test_a_director_or_the_mentor_is_not_told_they_are_not_evaluated(client, chen, director):
    services_pledge(chen)
    for who in (director, chen.user):
        client.force_login(who)
        assert DOES_NOT_EVALUATE not in client.get(chen.get_absolute_url()).content.decode()


def services_pledge(mentor):
    from mentorship.mentors.services import mentor_pledge

    return mentor_pledge(profile=mentor, by=mentor.user)


# --- the directors' admin --------------------------------------------------------------

CHANGELIST = reverse("admin:years_roleterm_changelist")
# The session, the user, MFA and permissions, the program filter, the count and the page.
ROLE_TERM_CHANGELIST_QUERIES = 9


def test_a_director_sees_the_terms_of_their_programs_only(client, chen, program, other_program):
    mine = make_role_term(chen.user, program, "ccc_member")
    theirs = make_role_term(chen.user, other_program, "ccc_member")
    director = make_director("okafor@example.com")
    program.directors.add(director)
    client.force_login(director)

    response = client.get(CHANGELIST)

    assert list(response.context["cl"].result_list) == [mine]
    change = reverse("admin:years_roleterm_change", args=[theirs.pk])
    assert client.get(change).status_code in (HTTPStatus.FOUND, HTTPStatus.NOT_FOUND)
    assert client.get(reverse("admin:years_roleterm_change", args=[mine.pk])).status_code == 200


def test_a_director_adds_a_term_and_one_ending_before_it_starts_comes_back_with_a_sentence(
    client, chen, program
):
    director = make_director("okafor@example.com")
    program.directors.add(director)
    client.force_login(director)
    data = {
        "user": chen.user.pk,
        "program": program.pk,
        "role": "ccc_member",
        "starts_on": "2026-07-01",
        "ends_on": "2026-06-30",
        "note": "Elected by the faculty",
    }

    response = client.post(reverse("admin:years_roleterm_add"), data)

    assert response.status_code == HTTPStatus.OK
    assert "The last day can&#x27;t come before the first." in response.content.decode()
    assert "Elected by the faculty" in response.content.decode()
    data["ends_on"] = ""
    assert client.post(reverse("admin:years_roleterm_add"), data).status_code == HTTPStatus.FOUND
    assert RoleTerm.objects.get().ends_on is None


def test_the_term_changelist_costs_the_same_for_5_and_100_terms(
    client, program, django_assert_max_num_queries
):
    director = make_director("okafor@example.com")
    program.directors.add(director)
    client.force_login(director)
    client.get(CHANGELIST)

    def add(start, stop):
        RoleTerm.objects.bulk_create(
            RoleTerm(
                user=make_mentee(f"person{i}@example.com", name=f"Person {i}"),
                program=program,
                role=RoleTerm.Role.values[i % 7],
                starts_on=FIRST,
            )
            for i in range(start, stop)
        )

    add(0, 5)
    with django_assert_max_num_queries(ROLE_TERM_CHANGELIST_QUERIES) as few:
        client.get(CHANGELIST)
    add(5, 100)
    with django_assert_max_num_queries(ROLE_TERM_CHANGELIST_QUERIES) as many:
        response = client.get(CHANGELIST + "?when=now")
    assert len(many) == len(few)
    assert response.context["cl"].result_count == 100


def test_anyone_can_hold_a_term(sam):
    term = make_role_term(sam.user, sam.program, "chief_resident")

    assert str(term).endswith("Chief resident in Stanford Anesthesiology")
