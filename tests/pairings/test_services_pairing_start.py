"""How pairings start: pairing_propose, pairing_confirm, pairing_approve_conflict
and pairing_activate; who may do each, and what changes."""

import pytest
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import Pairing
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_user,
)
from tests.pairings.service_support import fresh, recipients, refused

pytestmark = pytest.mark.django_db


# --- pairing_propose ------------------------------------------------------------------


def test_a_director_proposes_a_pairing_and_both_people_are_asked_to_confirm(
    sam, chen, director, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        pairing = services.pairing_propose(mentor=chen, mentee=sam, by=director)

    pairing = fresh(pairing)
    assert pairing.status == Pairing.Status.PROPOSED
    assert (pairing.mentor, pairing.mentee, pairing.program) == (chen, sam, sam.program)
    assert pairing.origin == Pairing.Origin.DIRECTOR
    assert pairing.created_by == director
    assert pairing.mentor_confirmed_at is None
    assert pairing.mentee_confirmed_at is None
    assert pairing.started_on is None
    assert pairing.needs_conflict_approval is False
    assert recipients(mailoutbox) == ["chen@example.com", "sam@example.com"]
    assert pairing.history.get().history_user == director


def test_a_superuser_may_propose_a_pairing(sam, chen, superuser):
    pairing = services.pairing_propose(mentor=chen, mentee=sam, by=superuser)

    assert fresh(pairing).status == Pairing.Status.PROPOSED


def test_a_pairing_with_a_mentor_who_evaluates_residents_needs_a_directors_approval(
    sam, grey, director
):
    pairing = services.pairing_propose(mentor=grey, mentee=sam, by=director)

    assert fresh(pairing).needs_conflict_approval is True


@pytest.mark.parametrize(
    "actor", ["mentee", "mentor", "other mentor", "other director", "anonymous"]
)
def test_only_a_director_of_the_program_can_propose_a_pairing(
    actor, people, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "not_director",
        lambda: services.pairing_propose(mentor=chen, mentee=sam, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Only a director of this program can propose pairings."


def test_a_director_cannot_propose_for_their_program_a_mentee_of_another(
    other_program, sam, chen, other_director, django_capture_on_commit_callbacks, mailoutbox
):
    chen.programs.add(other_program)

    refused(
        "not_in_program",
        lambda: services.pairing_propose(
            mentor=chen, mentee=sam, by=other_director, program=other_program
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_director_cannot_propose_a_mentor_outside_the_program(
    other_program, sam, director, django_capture_on_commit_callbacks, mailoutbox
):
    elsewhere = make_mentor_profile(make_mentor("far@example.com"), programs=[other_program])

    error = refused(
        "not_in_program",
        lambda: services.pairing_propose(mentor=elsewhere, mentee=sam, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Both people must belong to the program."


def test_a_director_cannot_pair_someone_with_themselves(
    program, director, django_capture_on_commit_callbacks, mailoutbox
):
    both = make_user("kim@example.com", name="Dr Jo Kim", is_mentee=True, is_mentor=True)
    as_mentee = make_mentee_profile(both, program=program, training_level="ca3")
    as_mentor = make_mentor_profile(both, programs=[program], title="CA-3 resident")

    refused(
        "self",
        lambda: services.pairing_propose(mentor=as_mentor, mentee=as_mentee, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


@pytest.mark.parametrize("status", Pairing.OPEN_STATUSES)
def test_a_director_cannot_pair_two_people_twice(
    status, sam, chen, director, django_capture_on_commit_callbacks, mailoutbox
):
    make_pairing(chen, sam, status)

    refused(
        "already_paired",
        lambda: services.pairing_propose(mentor=chen, mentee=sam, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_director_can_pair_two_people_again_after_their_pairing_ended(ended, sam, chen, director):
    again = services.pairing_propose(mentor=chen, mentee=sam, by=director)

    assert Pairing.objects.open().get() == again


def test_a_director_cannot_propose_beyond_the_mentors_capacity(
    program, sam, chen, director, django_capture_on_commit_callbacks, mailoutbox
):
    chen.capacity = 1
    chen.save()
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)
    make_pairing(chen, alex, Pairing.Status.PROPOSED)

    refused(
        "no_open_places",
        lambda: services.pairing_propose(mentor=chen, mentee=sam, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- pairing_confirm --------------------------------------------------------------------


def test_a_proposed_pairing_starts_once_both_people_confirm(
    proposed, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_confirm(pairing=proposed, by=chen.user)

    halfway = fresh(proposed)
    assert halfway.status == Pairing.Status.PROPOSED
    assert halfway.mentor_confirmed_at is not None
    assert halfway.mentee_confirmed_at is None
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_confirm(pairing=proposed, by=sam.user)

    started = fresh(proposed)
    assert started.status == Pairing.Status.ACTIVE
    assert started.started_on == timezone.localdate()
    assert started.mentee_confirmed_at is not None
    assert recipients(mailoutbox) == ["chen@example.com", "sam@example.com"]
    assert started.history.latest().history_user == sam.user


def test_confirming_twice_keeps_the_first_yes(proposed, chen):
    services.pairing_confirm(pairing=proposed, by=chen.user)
    first = fresh(proposed).mentor_confirmed_at

    services.pairing_confirm(pairing=proposed, by=chen.user)

    assert fresh(proposed).mentor_confirmed_at == first
    assert fresh(proposed).status == Pairing.Status.PROPOSED


def test_both_yeses_are_not_enough_when_the_mentor_evaluates_residents(
    sam, grey, director, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = services.pairing_propose(mentor=grey, mentee=sam, by=director)

    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_confirm(pairing=pairing, by=grey.user)
        services.pairing_confirm(pairing=pairing, by=sam.user)

    waiting = fresh(pairing)
    assert waiting.status == Pairing.Status.PROPOSED
    assert waiting.mentor_confirmed_at and waiting.mentee_confirmed_at
    assert waiting.started_on is None
    assert mailoutbox == []


@pytest.mark.parametrize("actor", ["other mentor", "director", "other director", "anonymous"])
def test_only_the_two_people_can_confirm_a_pairing(
    actor, people, proposed, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "not_member",
        lambda: services.pairing_confirm(pairing=proposed, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Only the two people of the pairing can confirm it."


@pytest.mark.parametrize("state", ["active", "paused", "ended"])
@pytest.mark.parametrize("actor", ["mentee", "mentor"])
def test_only_a_proposed_pairing_can_be_confirmed(
    state, actor, request, people, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = request.getfixturevalue(state)

    refused(
        "not_proposed",
        lambda: services.pairing_confirm(pairing=pairing, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- pairing_approve_conflict --------------------------------------------------------------


@pytest.fixture
def confirmed_with_grey(sam, grey, director):
    """Both said yes; the director's approval is all that is missing."""
    pairing = services.pairing_propose(mentor=grey, mentee=sam, by=director)
    services.pairing_confirm(pairing=pairing, by=grey.user)
    services.pairing_confirm(pairing=pairing, by=sam.user)
    return fresh(pairing)


def test_a_directors_approval_with_a_reason_starts_the_pairing(
    confirmed_with_grey, director, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_approve_conflict(
            pairing=confirmed_with_grey,
            by=director,
            reason="Dr Grey will step out of Sam's CCC reviews.",
        )

    pairing = fresh(confirmed_with_grey)
    assert pairing.status == Pairing.Status.ACTIVE
    assert pairing.started_on == timezone.localdate()
    assert pairing.conflict_approved_by == director
    assert pairing.conflict_approved_at is not None
    assert pairing.conflict_reason == "Dr Grey will step out of Sam's CCC reviews."
    assert recipients(mailoutbox) == ["grey@example.com", "sam@example.com"]
    assert pairing.history.latest().history_user == director


def test_an_approval_before_both_yeses_waits_for_them(sam, grey, director):
    pairing = services.pairing_propose(mentor=grey, mentee=sam, by=director)

    services.pairing_approve_conflict(pairing=pairing, by=director, reason="Separate reviews.")
    assert fresh(pairing).status == Pairing.Status.PROPOSED
    services.pairing_confirm(pairing=pairing, by=grey.user)
    assert fresh(pairing).status == Pairing.Status.PROPOSED
    services.pairing_confirm(pairing=pairing, by=sam.user)

    assert fresh(pairing).status == Pairing.Status.ACTIVE


def test_an_approval_needs_a_reason(
    confirmed_with_grey, director, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "reason_required",
        lambda: services.pairing_approve_conflict(
            pairing=confirmed_with_grey, by=director, reason="  "
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Record why this pairing is fine."


@pytest.mark.parametrize("actor", ["mentee", "other mentor", "other director", "anonymous"])
def test_only_a_director_of_the_program_can_approve(
    actor, people, confirmed_with_grey, grey, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_director",
        lambda: services.pairing_approve_conflict(
            pairing=confirmed_with_grey, by=people[actor], reason="Fine by me."
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_the_evaluating_mentor_cannot_approve_their_own_pairing(
    confirmed_with_grey, grey, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_director",
        lambda: services.pairing_approve_conflict(
            pairing=confirmed_with_grey, by=grey.user, reason="I'll be fair."
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_pairing_without_a_conflict_needs_no_approval(
    proposed, director, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "no_approval_needed",
        lambda: services.pairing_approve_conflict(pairing=proposed, by=director, reason="Fine."),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_an_approval_is_given_once(
    sam, grey, director, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = services.pairing_propose(mentor=grey, mentee=sam, by=director)
    services.pairing_approve_conflict(pairing=pairing, by=director, reason="Separate reviews.")

    refused(
        "already_approved",
        lambda: services.pairing_approve_conflict(pairing=pairing, by=director, reason="Again."),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_an_active_pairing_needs_no_approval(
    confirmed_with_grey, director, django_capture_on_commit_callbacks, mailoutbox
):
    services.pairing_approve_conflict(pairing=confirmed_with_grey, by=director, reason="Fine.")

    refused(
        "no_approval_needed",
        lambda: services.pairing_approve_conflict(
            pairing=confirmed_with_grey, by=director, reason="Fine."
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- pairing_activate ------------------------------------------------------------------------


def test_a_director_starts_a_proposed_pairing_without_waiting_for_both_yeses(
    proposed, director, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_activate(pairing=proposed, by=director)

    pairing = fresh(proposed)
    assert pairing.status == Pairing.Status.ACTIVE
    assert pairing.started_on == timezone.localdate()
    assert pairing.mentor_confirmed_at and pairing.mentee_confirmed_at
    assert recipients(mailoutbox) == ["chen@example.com", "sam@example.com"]
    assert pairing.history.latest().history_user == director


def test_activating_keeps_a_yes_already_given(proposed, chen, director):
    services.pairing_confirm(pairing=proposed, by=chen.user)
    said_yes_at = fresh(proposed).mentor_confirmed_at

    services.pairing_activate(pairing=proposed, by=director)

    assert fresh(proposed).mentor_confirmed_at == said_yes_at


@pytest.mark.parametrize(
    "actor", ["mentee", "mentor", "other mentor", "other director", "anonymous"]
)
def test_only_a_director_of_the_program_can_start_a_pairing(
    actor, people, proposed, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_director",
        lambda: services.pairing_activate(pairing=proposed, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_director_must_approve_before_starting_a_pairing_with_an_evaluator(
    sam, grey, director, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = services.pairing_propose(mentor=grey, mentee=sam, by=director)

    error = refused(
        "approval_required",
        lambda: services.pairing_activate(pairing=pairing, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert "approve the pairing with a reason first" in error.message

    services.pairing_approve_conflict(pairing=pairing, by=director, reason="Separate reviews.")
    services.pairing_activate(pairing=pairing, by=director)
    assert fresh(pairing).status == Pairing.Status.ACTIVE


@pytest.mark.parametrize("state", ["active", "paused", "ended"])
def test_only_a_proposed_pairing_can_be_started(
    state, request, director, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = request.getfixturevalue(state)

    refused(
        "not_proposed",
        lambda: services.pairing_activate(pairing=pairing, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
