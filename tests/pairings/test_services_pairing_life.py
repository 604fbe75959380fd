"""A pairing's life after it starts: pause, resume, end, reflect, reassign,
the history and the database's own rules."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import Pairing
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
)
from tests.pairings.service_support import CARRY, LEARNED, fresh, recipients, refused

pytestmark = pytest.mark.django_db


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

    assert fresh(active).status == Pairing.Status.PAUSED
    assert fresh(active).history.latest().history_user == by
    assert recipients(mailoutbox) == told
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_resume(pairing=active, by=by)

    assert fresh(active).status == Pairing.Status.ACTIVE
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
    assert pairing.status == Pairing.Status.ENDED
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
    assert pairing.status == Pairing.Status.ENDED
    assert pairing.ended_by == director
    assert pairing.mentor_learned == pairing.mentee_learned == ""
    assert recipients(mailoutbox) == ["chen@example.com", "sam@example.com"]


@pytest.mark.parametrize("state", ["proposed", "paused"])
def test_a_proposed_or_paused_pairing_can_be_ended(state, request, sam):
    pairing = request.getfixturevalue(state)

    services.pairing_end(pairing=pairing, by=sam.user)

    assert fresh(pairing).status == Pairing.Status.ENDED
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
    assert old.status == Pairing.Status.ENDED
    assert old.ended_by == director
    assert old.end_reason == "Closer to Sam's research."
    new = fresh(new)
    assert new.status == Pairing.Status.PROPOSED
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
    assert fresh(active).status == Pairing.Status.ACTIVE


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
        (Pairing.Status.PROPOSED, director),
        (Pairing.Status.PROPOSED, chen.user),
        (Pairing.Status.PROPOSED, sam.user),  # the mentee's yes ...
        (Pairing.Status.ACTIVE, sam.user),  # ... starts it
        (Pairing.Status.PAUSED, sam.user),
        (Pairing.Status.ACTIVE, chen.user),
        (Pairing.Status.ENDED, chen.user),
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
        make_pairing(chen, sam, Pairing.Status.ACTIVE)

    assert sorted(Pairing.objects.values_list("status", flat=True)) == ["active", "ended"]


def test_the_database_refuses_an_active_pairing_without_a_start_date(sam, chen):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pairing.objects.create(
            mentor=chen, mentee=sam, program=sam.program, status=Pairing.Status.ACTIVE
        )

    assert not Pairing.objects.exists()
