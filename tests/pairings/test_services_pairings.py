"""Pairings through their service functions: proposing, confirming, approving,
pausing, ending, reflecting and reassigning; who may do each, and what changes.

Every refusal is a PairingError with a code, and leaves the rows as they were.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.pairings.services import PairingError
from tests.factories import (
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
    make_user,
)

pytestmark = pytest.mark.django_db

PStatus = Pairing.Status

LEARNED = "That a ten-minute call after a hard case is enough."
CARRY = "Ask early, and say thank you twice."


# --- the cast -----------------------------------------------------------------


@pytest.fixture
def program():
    return make_program("Stanford Anesthesiology")


@pytest.fixture
def other_program():
    return make_program("Bay Area Society")


@pytest.fixture
def director(program):
    user = make_director("okafor@example.com", name="Dr Maya Okafor", with_mfa=False)
    program.directors.add(user)
    return user


@pytest.fixture
def other_director(other_program):
    user = make_director("reyes@example.com", name="Dr Lena Reyes", with_mfa=False)
    other_program.directors.add(user)
    return user


@pytest.fixture
def superuser():
    return make_user("root@example.com", name="Site Admin", is_superuser=True, is_staff=True)


@pytest.fixture
def sam(program):
    return make_mentee_profile(
        make_mentee("sam@example.com", name="Sam Whitfield"), program=program
    )


@pytest.fixture
def chen(program):
    return make_mentor_profile(
        make_mentor("chen@example.com", name="Dr Dana Chen"), programs=[program], capacity=2
    )


@pytest.fixture
def levin(program):
    return make_mentor_profile(
        make_mentor("levin@example.com", name="Dr Ari Levin"), programs=[program], capacity=2
    )


@pytest.fixture
def grey(program):
    """A mentor who sits on the Clinical Competency Committee: she evaluates residents."""
    return make_mentor_profile(
        make_mentor("grey@example.com", name="Dr Ana Grey"), programs=[program], is_ccc_member=True
    )


@pytest.fixture
def people(sam, chen, levin, director, other_director):
    """Everyone who might try a change, by name."""
    return {
        "mentee": sam.user,
        "mentor": chen.user,
        "other mentor": levin.user,
        "director": director,
        "other director": other_director,
        "anonymous": AnonymousUser(),
    }


def make_pairing(mentor, mentee, status=PStatus.ACTIVE, **fields):
    """A pairing in a given state, straight into the database."""
    return Pairing.objects.create(
        mentor=mentor,
        mentee=mentee,
        program=mentee.program,
        status=status,
        started_on=None if status == PStatus.PROPOSED else timezone.localdate(),
        **fields,
    )


@pytest.fixture
def proposed(sam, chen, director):
    return services.pairing_propose(mentor=chen, mentee=sam, by=director)


@pytest.fixture
def active(sam, chen):
    return make_pairing(chen, sam, PStatus.ACTIVE)


@pytest.fixture
def paused(sam, chen):
    return make_pairing(chen, sam, PStatus.PAUSED)


@pytest.fixture
def ended(sam, chen):
    return make_pairing(chen, sam, PStatus.ENDED, ended_on=timezone.localdate())


def snapshot():
    """Every request and pairing row, and every history row: what a refusal must not touch."""
    return (
        list(MentorshipRequest.objects.order_by("pk").values()),
        list(Pairing.objects.order_by("pk").values()),
        MentorshipRequest.history.count(),
        Pairing.history.count(),
    )


def refused(code, call, capture, mailoutbox):
    """Run a change that must be refused: the code is right, nothing moved, nobody is mailed."""
    before = snapshot()
    with capture(execute=True), pytest.raises(PairingError) as caught:
        call()
    assert caught.value.code == code
    assert caught.value.message == str(caught.value)
    assert snapshot() == before
    assert mailoutbox == []
    return caught.value


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def fresh(pairing):
    return Pairing.objects.get(pk=pairing.pk)


# --- pairing_propose ------------------------------------------------------------------


def test_a_director_proposes_a_pairing_and_both_people_are_asked_to_confirm(
    sam, chen, director, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        pairing = services.pairing_propose(mentor=chen, mentee=sam, by=director)

    pairing = fresh(pairing)
    assert pairing.status == PStatus.PROPOSED
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

    assert fresh(pairing).status == PStatus.PROPOSED


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
    make_pairing(chen, alex, PStatus.PROPOSED)

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
    assert halfway.status == PStatus.PROPOSED
    assert halfway.mentor_confirmed_at is not None
    assert halfway.mentee_confirmed_at is None
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_confirm(pairing=proposed, by=sam.user)

    started = fresh(proposed)
    assert started.status == PStatus.ACTIVE
    assert started.started_on == timezone.localdate()
    assert started.mentee_confirmed_at is not None
    assert recipients(mailoutbox) == ["chen@example.com", "sam@example.com"]
    assert started.history.latest().history_user == sam.user


def test_confirming_twice_keeps_the_first_yes(proposed, chen):
    services.pairing_confirm(pairing=proposed, by=chen.user)
    first = fresh(proposed).mentor_confirmed_at

    services.pairing_confirm(pairing=proposed, by=chen.user)

    assert fresh(proposed).mentor_confirmed_at == first
    assert fresh(proposed).status == PStatus.PROPOSED


def test_both_yeses_are_not_enough_when_the_mentor_evaluates_residents(
    sam, grey, director, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = services.pairing_propose(mentor=grey, mentee=sam, by=director)

    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_confirm(pairing=pairing, by=grey.user)
        services.pairing_confirm(pairing=pairing, by=sam.user)

    waiting = fresh(pairing)
    assert waiting.status == PStatus.PROPOSED
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
    assert pairing.status == PStatus.ACTIVE
    assert pairing.started_on == timezone.localdate()
    assert pairing.conflict_approved_by == director
    assert pairing.conflict_approved_at is not None
    assert pairing.conflict_reason == "Dr Grey will step out of Sam's CCC reviews."
    assert recipients(mailoutbox) == ["grey@example.com", "sam@example.com"]
    assert pairing.history.latest().history_user == director


def test_an_approval_before_both_yeses_waits_for_them(sam, grey, director):
    pairing = services.pairing_propose(mentor=grey, mentee=sam, by=director)

    services.pairing_approve_conflict(pairing=pairing, by=director, reason="Separate reviews.")
    assert fresh(pairing).status == PStatus.PROPOSED
    services.pairing_confirm(pairing=pairing, by=grey.user)
    assert fresh(pairing).status == PStatus.PROPOSED
    services.pairing_confirm(pairing=pairing, by=sam.user)

    assert fresh(pairing).status == PStatus.ACTIVE


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
    assert pairing.status == PStatus.ACTIVE
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
    assert fresh(pairing).status == PStatus.ACTIVE


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


# --- pairing_pause and pairing_resume ------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "told"),
    [
        ("mentor", ["sam@example.com"]),
        ("mentee", ["chen@example.com"]),
        ("director", ["chen@example.com", "sam@example.com"]),
    ],
)
def test_a_pairing_is_paused_and_resumed_and_the_others_are_told(
    actor, told, people, active, django_capture_on_commit_callbacks, mailoutbox
):
    by = people[actor]

    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_pause(pairing=active, by=by)

    assert fresh(active).status == PStatus.PAUSED
    assert fresh(active).history.latest().history_user == by
    assert recipients(mailoutbox) == told
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_resume(pairing=active, by=by)

    assert fresh(active).status == PStatus.ACTIVE
    assert fresh(active).started_on == timezone.localdate()
    assert recipients(mailoutbox) == told


@pytest.mark.parametrize("actor", ["other mentor", "other director", "anonymous"])
def test_only_the_pair_or_their_director_can_pause(
    actor, people, active, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "not_member",
        lambda: services.pairing_pause(pairing=active, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Only the two people of the pairing can do this."


@pytest.mark.parametrize("actor", ["other mentor", "other director", "anonymous"])
def test_only_the_pair_or_their_director_can_resume(
    actor, people, paused, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_member",
        lambda: services.pairing_resume(pairing=paused, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


@pytest.mark.parametrize("state", ["proposed", "paused", "ended"])
def test_only_an_active_pairing_can_be_paused(
    state, request, chen, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = request.getfixturevalue(state)

    refused(
        "not_active",
        lambda: services.pairing_pause(pairing=pairing, by=chen.user),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


@pytest.mark.parametrize("state", ["proposed", "active", "ended"])
def test_only_a_paused_pairing_can_be_resumed(
    state, request, chen, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = request.getfixturevalue(state)

    refused(
        "not_paused",
        lambda: services.pairing_resume(pairing=pairing, by=chen.user),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- pairing_end and pairing_reflect ------------------------------------------------------


@pytest.mark.parametrize(("ender", "other"), [("mentee", "mentor"), ("mentor", "mentee")])
def test_the_side_that_ends_a_pairing_leaves_only_its_own_reflection(
    ender, other, people, active, director, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_end(
            pairing=active,
            by=people[ender],
            reason="Sam matched into a fellowship across the country.",
            learned=LEARNED,
            carry_forward=CARRY,
        )

    pairing = fresh(active)
    assert pairing.status == PStatus.ENDED
    assert pairing.ended_on == timezone.localdate()
    assert pairing.ended_by == people[ender]
    assert pairing.end_reason == "Sam matched into a fellowship across the country."
    assert getattr(pairing, f"{ender}_learned") == LEARNED
    assert getattr(pairing, f"{ender}_carry_forward") == CARRY
    assert getattr(pairing, f"{other}_learned") == ""
    assert getattr(pairing, f"{other}_carry_forward") == ""
    assert recipients(mailoutbox) == [people[other].email]
    assert pairing.history.latest().history_user == people[ender]


def test_a_director_ends_a_pairing_without_writing_anyones_reflection(
    active, director, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_end(
            pairing=active, by=director, reason="Program year over.", learned=LEARNED
        )

    pairing = fresh(active)
    assert pairing.status == PStatus.ENDED
    assert pairing.ended_by == director
    assert pairing.mentor_learned == pairing.mentee_learned == ""
    assert recipients(mailoutbox) == ["chen@example.com", "sam@example.com"]


@pytest.mark.parametrize("state", ["proposed", "paused"])
def test_a_proposed_or_paused_pairing_can_be_ended(state, request, sam):
    pairing = request.getfixturevalue(state)

    services.pairing_end(pairing=pairing, by=sam.user)

    assert fresh(pairing).status == PStatus.ENDED
    assert not Pairing.objects.open().exists()


def test_an_ended_pairing_frees_the_mentors_place(program, active, chen, director):
    chen.capacity = 1
    chen.save()
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)

    services.pairing_end(pairing=active, by=chen.user)

    assert services.pairing_propose(mentor=chen, mentee=alex, by=director).mentee == alex


@pytest.mark.parametrize("actor", ["other mentor", "other director", "anonymous"])
def test_only_the_pair_or_their_director_can_end_a_pairing(
    actor, people, active, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_member",
        lambda: services.pairing_end(pairing=active, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_pairing_ends_once(ended, sam, django_capture_on_commit_callbacks, mailoutbox):
    error = refused(
        "already_ended",
        lambda: services.pairing_end(pairing=ended, by=sam.user, learned=LEARNED),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "This pairing has already ended."


def test_the_other_side_adds_their_reflection_after_the_end(active, sam, chen):
    services.pairing_end(pairing=active, by=sam.user, learned=LEARNED, carry_forward=CARRY)

    services.pairing_reflect(
        pairing=active,
        by=chen.user,
        learned="Sam taught me to slow down.",
        carry_forward="Keep the Friday walks.",
    )

    pairing = fresh(active)
    assert (pairing.mentee_learned, pairing.mentee_carry_forward) == (LEARNED, CARRY)
    assert pairing.mentor_learned == "Sam taught me to slow down."
    assert pairing.mentor_carry_forward == "Keep the Friday walks."
    assert pairing.history.latest().history_user == chen.user


@pytest.mark.parametrize("actor", ["other mentor", "director", "other director", "anonymous"])
def test_only_the_two_people_can_reflect(
    actor, people, ended, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "not_member",
        lambda: services.pairing_reflect(
            pairing=ended, by=people[actor], learned=LEARNED, carry_forward=CARRY
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Only the two people of the pairing can reflect on it."


@pytest.mark.parametrize("state", ["proposed", "active", "paused"])
def test_reflections_wait_for_the_end(
    state, request, sam, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = request.getfixturevalue(state)

    refused(
        "not_ended",
        lambda: services.pairing_reflect(
            pairing=pairing, by=sam.user, learned=LEARNED, carry_forward=CARRY
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- pairing_reassign ----------------------------------------------------------------------


def test_a_director_reassigns_a_mentee_to_another_mentor(
    active, sam, chen, levin, director, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        new = services.pairing_reassign(
            pairing=active, new_mentor=levin, by=director, reason="Closer to Sam's research."
        )

    old = fresh(active)
    assert old.status == PStatus.ENDED
    assert old.ended_by == director
    assert old.end_reason == "Closer to Sam's research."
    new = fresh(new)
    assert new.status == PStatus.PROPOSED
    assert (new.mentor, new.mentee) == (levin, sam)
    assert new.origin == Pairing.Origin.DIRECTOR
    assert new.created_by == director
    # The old pair hears it ended; the new pair is asked to confirm.
    assert recipients(mailoutbox) == [
        "chen@example.com",
        "levin@example.com",
        "sam@example.com",
        "sam@example.com",
    ]


def test_a_reassignment_without_a_reason_says_where_the_mentee_went(active, levin, director):
    services.pairing_reassign(pairing=active, new_mentor=levin, by=director)

    assert fresh(active).end_reason == "Reassigned to Dr Ari Levin."


@pytest.mark.parametrize(
    "actor", ["mentee", "mentor", "other mentor", "other director", "anonymous"]
)
def test_only_a_director_of_the_program_can_reassign(
    actor, people, active, levin, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_director",
        lambda: services.pairing_reassign(pairing=active, new_mentor=levin, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_an_ended_pairing_cannot_be_reassigned(
    ended, levin, director, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_open",
        lambda: services.pairing_reassign(pairing=ended, new_mentor=levin, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_reassignment_needs_a_different_mentor(
    active, chen, director, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "same_mentor",
        lambda: services.pairing_reassign(pairing=active, new_mentor=chen, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_refused_reassignment_leaves_the_old_pairing_running(
    other_program, active, director, django_capture_on_commit_callbacks, mailoutbox
):
    elsewhere = make_mentor_profile(make_mentor("far@example.com"), programs=[other_program])

    refused(
        "not_in_program",
        lambda: services.pairing_reassign(pairing=active, new_mentor=elsewhere, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert fresh(active).status == PStatus.ACTIVE


def test_a_reassignment_to_a_full_mentor_leaves_the_old_pairing_running(
    program, active, levin, director, django_capture_on_commit_callbacks, mailoutbox
):
    levin.capacity = 0
    levin.save()

    refused(
        "no_open_places",
        lambda: services.pairing_reassign(pairing=active, new_mentor=levin, by=director),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- history and the database's own rules -------------------------------------------------


def test_the_history_of_a_pairing_records_who_made_each_change(proposed, sam, chen, director):
    services.pairing_confirm(pairing=proposed, by=chen.user)
    services.pairing_confirm(pairing=proposed, by=sam.user)
    services.pairing_pause(pairing=proposed, by=sam.user)
    services.pairing_resume(pairing=proposed, by=chen.user)
    services.pairing_end(pairing=proposed, by=chen.user)

    rows = proposed.history.order_by("history_date", "history_id")

    assert [(row.status, row.history_user) for row in rows] == [
        (PStatus.PROPOSED, director),
        (PStatus.PROPOSED, chen.user),
        (PStatus.PROPOSED, sam.user),  # the mentee's yes ...
        (PStatus.ACTIVE, sam.user),  # ... starts it
        (PStatus.PAUSED, sam.user),
        (PStatus.ACTIVE, chen.user),
        (PStatus.ENDED, chen.user),
    ]


def test_closing_reflections_are_not_kept_in_the_pairing_history(active, sam):
    services.pairing_end(pairing=active, by=sam.user, learned=LEARNED, carry_forward=CARRY)

    fields = {field.name for field in Pairing.history.model._meta.get_fields()}
    assert {"status", "end_reason", "ended_by", "history_user"} <= fields
    assert fields.isdisjoint(
        {"mentor_learned", "mentor_carry_forward", "mentee_learned", "mentee_carry_forward"}
    )
    for row in active.history.values():
        assert LEARNED not in row.values()
        assert CARRY not in row.values()


@pytest.mark.parametrize("first", Pairing.OPEN_STATUSES)
@pytest.mark.parametrize("second", Pairing.OPEN_STATUSES)
def test_the_database_refuses_two_open_pairings_of_the_same_pair(first, second, sam, chen):
    make_pairing(chen, sam, first)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_pairing(chen, sam, second)

    assert Pairing.objects.count() == 1


def test_the_database_allows_a_new_pairing_beside_an_ended_one(ended, sam, chen):
    with transaction.atomic():
        make_pairing(chen, sam, PStatus.ACTIVE)

    assert sorted(Pairing.objects.values_list("status", flat=True)) == ["active", "ended"]


def test_the_database_refuses_an_active_pairing_without_a_start_date(sam, chen):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pairing.objects.create(mentor=chen, mentee=sam, program=sam.program, status=PStatus.ACTIVE)

    assert not Pairing.objects.exists()
