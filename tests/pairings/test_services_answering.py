"""Answering through the services: accept, decline and refer, ask for more,
expiry, and the history of a request."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.pairings.services import PairingError
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_user,
)
from tests.pairings.service_support import DREW_YOU, EXPLORE, Status, ask, recipients, refused

pytestmark = pytest.mark.django_db


# --- request_accept ----------------------------------------------------------------


def test_a_mentor_accepts_and_an_active_pairing_starts(
    pending, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        pairing = services.request_accept(request=pending, by=chen.user, reply="Gladly.")

    pending.refresh_from_db()
    assert pending.status == Status.ACCEPTED
    assert pending.reply == "Gladly."
    assert pending.closed_by == chen.user
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE
    assert (pairing.mentor, pairing.mentee, pairing.program) == (chen, sam, sam.program)
    assert pairing.origin == Pairing.Origin.REQUEST
    assert pairing.request == pending
    assert pairing.started_on == timezone.localdate()
    assert pairing.mentor_confirmed_at and pairing.mentee_confirmed_at
    assert pairing.needs_conflict_approval is False
    assert pairing.created_by == chen.user
    assert recipients(mailoutbox) == ["sam@example.com"]
    assert pending.history.latest().history_user == chen.user
    assert pairing.history.get().history_user == chen.user


@pytest.mark.parametrize(
    "role", ["ccc_member", "ccc_chair", "program_director", "associate_program_director"]
)
def test_accepting_as_a_mentor_who_evaluates_residents_waits_for_a_director(
    role, program, sam, director, other_director, django_capture_on_commit_callbacks, mailoutbox
):
    evaluator = make_mentor_profile(
        make_mentor("grey@example.com", name="Dr Ana Grey"), programs=[program], roles=[role]
    )
    request = ask(sam, evaluator)

    with django_capture_on_commit_callbacks(execute=True):
        pairing = services.request_accept(request=request, by=evaluator.user)

    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.PROPOSED
    assert pairing.needs_conflict_approval is True
    assert pairing.conflict_approved_at is None
    assert pairing.started_on is None
    assert pairing.mentor_confirmed_at and pairing.mentee_confirmed_at
    assert MentorshipRequest.objects.get(pk=request.pk).status == Status.ACCEPTED
    # The mentee hears the yes; this program's director, not the other one, is asked to approve.
    assert recipients(mailoutbox) == ["okafor@example.com", "sam@example.com"]


@pytest.mark.parametrize(
    "actor", ["mentee", "other mentor", "director", "other director", "anonymous"]
)
def test_only_the_mentor_asked_can_accept(
    actor, people, pending, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "not_mentor",
        lambda: services.request_accept(request=pending, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Only the mentor who was asked can answer."


@pytest.mark.parametrize("status", Pairing.OPEN_STATUSES)
def test_a_mentor_with_no_place_left_cannot_accept(
    status, program, pending, chen, django_capture_on_commit_callbacks, mailoutbox
):
    chen.capacity = 1
    chen.save()
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)
    make_pairing(chen, alex, status)

    refused(
        "no_open_places",
        lambda: services.request_accept(request=pending, by=chen.user),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert MentorshipRequest.objects.get(pk=pending.pk).status == Status.PENDING


def test_the_last_place_goes_to_the_first_request_accepted(program, sam, chen):
    chen.capacity = 1
    chen.save()
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)
    first, second = ask(sam, chen), ask(alex, chen)

    services.request_accept(request=first, by=chen.user)
    with pytest.raises(PairingError) as caught:
        services.request_accept(request=second, by=chen.user)

    assert caught.value.code == "no_open_places"
    assert Pairing.objects.get().mentee == sam
    assert MentorshipRequest.objects.get(pk=second.pk).status == Status.PENDING


def test_a_mentor_already_paired_by_a_director_is_told_so_when_accepting(
    pending, sam, chen, director, django_capture_on_commit_callbacks, mailoutbox
):
    services.pairing_propose(mentor=chen, mentee=sam, by=director)
    mailoutbox.clear()

    refused(
        "already_paired",
        lambda: services.request_accept(request=pending, by=chen.user),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- request_decline ----------------------------------------------------------------


def test_a_mentor_declines_kindly_and_the_mentee_is_told(
    pending, chen, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_decline(request=pending, by=chen.user, reply="My year is full; I'm sorry.")

    pending.refresh_from_db()
    assert pending.status == Status.DECLINED
    assert pending.reply == "My year is full; I'm sorry."
    assert pending.referred_to is None
    assert pending.closed_by == chen.user
    assert pending.closed_at is not None
    assert not Pairing.objects.exists()
    assert recipients(mailoutbox) == ["sam@example.com"]
    assert pending.history.latest().history_user == chen.user


def test_a_mentor_declines_and_suggests_a_colleague(
    pending, chen, levin, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_decline(
            request=pending,
            by=chen.user,
            referred_to=levin,
            referral_reason="Ari runs the pediatric research group.",
        )

    pending.refresh_from_db()
    assert pending.status == Status.DECLINED
    assert pending.referred_to == levin
    assert pending.referral_reason == "Ari runs the pediatric research group."
    assert recipients(mailoutbox) == ["sam@example.com"]


@pytest.mark.parametrize(
    "actor", ["mentee", "other mentor", "director", "other director", "anonymous"]
)
def test_only_the_mentor_asked_can_decline(
    actor, people, pending, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_mentor",
        lambda: services.request_decline(request=pending, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_mentor_cannot_refer_the_mentee_to_themselves(
    pending, chen, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "bad_referral",
        lambda: services.request_decline(request=pending, by=chen.user, referred_to=chen),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Suggest a colleague, not yourself."


def test_a_mentor_cannot_refer_the_mentee_to_the_mentee(
    program, chen, django_capture_on_commit_callbacks, mailoutbox
):
    both = make_user("kim@example.com", name="Dr Jo Kim", is_mentee=True, is_mentor=True)
    kim_as_mentee = make_mentee_profile(both, program=program, training_level="ca3")
    kim_as_mentor = make_mentor_profile(both, programs=[program], title="CA-3 resident")
    request = ask(kim_as_mentee, chen)

    refused(
        "bad_referral",
        lambda: services.request_decline(request=request, by=chen.user, referred_to=kim_as_mentor),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_mentor_cannot_refer_to_a_colleague_waiting_for_approval(
    program, pending, chen, django_capture_on_commit_callbacks, mailoutbox
):
    waiting = make_mentor_profile(
        make_mentor("new@example.com"), programs=[program], approved=False
    )

    error = refused(
        "bad_referral",
        lambda: services.request_decline(request=pending, by=chen.user, referred_to=waiting),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Suggest a mentor listed in the same program."


def test_a_mentor_cannot_refer_to_a_mentor_of_another_program(
    other_program, pending, chen, django_capture_on_commit_callbacks, mailoutbox
):
    elsewhere = make_mentor_profile(make_mentor("far@example.com"), programs=[other_program])

    refused(
        "bad_referral",
        lambda: services.request_decline(request=pending, by=chen.user, referred_to=elsewhere),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- request_ask_more and request_answer_question -------------------------------------


def test_a_mentor_asks_for_more_and_the_request_waits_for_the_mentee(
    pending, chen, django_capture_on_commit_callbacks, mailoutbox
):
    assert pending.awaiting_mentee is False

    with django_capture_on_commit_callbacks(execute=True):
        services.request_ask_more(
            request=pending, by=chen.user, question="What would you want from our first meeting?"
        )

    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    assert pending.question == "What would you want from our first meeting?"
    assert pending.question_asked_at is not None
    assert pending.awaiting_mentee is True
    assert pending.closed_at is None
    assert recipients(mailoutbox) == ["sam@example.com"]
    assert pending.history.latest().history_user == chen.user


def test_the_mentee_answers_and_the_mentor_can_decide_again(
    pending, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    services.request_ask_more(request=pending, by=chen.user, question="Which rotation are you on?")

    with django_capture_on_commit_callbacks(execute=True):
        services.request_answer_question(request=pending, by=sam.user, answer="Pediatrics, CA-1.")

    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    assert pending.question_answer == "Pediatrics, CA-1."
    assert pending.question_answered_at is not None
    assert pending.awaiting_mentee is False
    assert recipients(mailoutbox) == ["chen@example.com"]
    assert pending.history.latest().history_user == sam.user
    assert services.request_accept(request=pending, by=chen.user).status == Pairing.Status.ACTIVE


def test_a_second_question_waits_for_a_fresh_answer(pending, sam, chen):
    services.request_ask_more(request=pending, by=chen.user, question="Which rotation?")
    services.request_answer_question(request=pending, by=sam.user, answer="Pediatrics.")

    services.request_ask_more(request=pending, by=chen.user, question="And after that?")

    pending.refresh_from_db()
    assert pending.question == "And after that?"
    assert pending.question_answer == ""
    assert pending.question_answered_at is None
    assert pending.awaiting_mentee is True


@pytest.mark.parametrize(
    "actor", ["mentee", "other mentor", "director", "other director", "anonymous"]
)
def test_only_the_mentor_asked_can_ask_for_more(
    actor, people, pending, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_mentor",
        lambda: services.request_ask_more(request=pending, by=people[actor], question="Why?"),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_mentor_must_write_the_question(
    pending, chen, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "empty_question",
        lambda: services.request_ask_more(request=pending, by=chen.user, question="   \n"),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Write the question you'd like answered."


@pytest.mark.parametrize(
    "actor", ["mentor", "other mentor", "director", "other director", "anonymous"]
)
def test_only_the_mentee_can_answer_the_mentors_question(
    actor, people, pending, chen, django_capture_on_commit_callbacks, mailoutbox
):
    services.request_ask_more(request=pending, by=chen.user, question="Which rotation?")

    refused(
        "not_mentee",
        lambda: services.request_answer_question(request=pending, by=people[actor], answer="Me."),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_there_is_nothing_to_answer_before_the_mentor_asks(
    pending, sam, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "no_question",
        lambda: services.request_answer_question(request=pending, by=sam.user, answer="Hello."),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "There is no question waiting for your answer."


def test_a_question_is_answered_once(
    pending, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    services.request_ask_more(request=pending, by=chen.user, question="Which rotation?")
    services.request_answer_question(request=pending, by=sam.user, answer="Pediatrics.")

    refused(
        "no_question",
        lambda: services.request_answer_question(request=pending, by=sam.user, answer="ICU."),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_mentee_must_write_the_answer(
    pending, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    services.request_ask_more(request=pending, by=chen.user, question="Which rotation?")

    refused(
        "empty_answer",
        lambda: services.request_answer_question(request=pending, by=sam.user, answer=" "),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- request_expire and requests_expire_stale -------------------------------------------


def test_a_request_expires_and_the_mentee_is_pointed_back_to_the_directory(
    pending, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_expire(request=pending)

    pending.refresh_from_db()
    assert pending.status == Status.EXPIRED
    assert pending.closed_at is not None
    assert pending.closed_by is None
    assert recipients(mailoutbox) == ["sam@example.com"]
    assert pending.history.latest().history_user is None


def test_only_requests_older_than_their_programs_limit_expire(
    program, other_program, sam, chen, levin, django_capture_on_commit_callbacks, mailoutbox
):
    now = timezone.now()
    program.request_expiry_days = 21
    program.save()
    other_program.request_expiry_days = 60
    other_program.save()
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)
    far_mentee = make_mentee_profile(
        make_mentee("lee@example.com", name="Lee Moss"), program=other_program
    )
    far_mentor = make_mentor_profile(make_mentor("far@example.com"), programs=[other_program])
    stale = ask(sam, chen)
    fresh = ask(alex, chen)
    patient = ask(far_mentee, far_mentor)
    answered = ask(sam, levin)
    services.request_decline(request=answered, by=levin.user)
    MentorshipRequest.objects.filter(pk__in=[stale.pk, patient.pk, answered.pk]).update(
        created_at=now - timedelta(days=22)
    )
    MentorshipRequest.objects.filter(pk=fresh.pk).update(created_at=now - timedelta(days=20))

    with django_capture_on_commit_callbacks(execute=True):
        expired = services.requests_expire_stale(now=now)

    assert expired == 1
    statuses = dict(MentorshipRequest.objects.values_list("pk", "status"))
    assert statuses == {
        stale.pk: Status.EXPIRED,
        fresh.pk: Status.PENDING,
        patient.pk: Status.PENDING,
        answered.pk: Status.DECLINED,
    }
    assert recipients(mailoutbox) == ["sam@example.com"]


def test_expiring_stale_requests_twice_expires_nothing_more(sam, chen):
    request = ask(sam, chen)
    MentorshipRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )

    assert services.requests_expire_stale() == 1
    assert services.requests_expire_stale() == 0


# --- history ------------------------------------------------------------------------------


def test_the_history_of_a_request_records_who_made_each_change(pending, sam, chen):
    services.request_ask_more(request=pending, by=chen.user, question="Which rotation?")
    services.request_answer_question(request=pending, by=sam.user, answer="Pediatrics.")
    services.request_decline(request=pending, by=chen.user)

    rows = list(pending.history.order_by("history_date", "history_id"))

    assert [(row.history_type, row.status, row.history_user) for row in rows] == [
        ("+", Status.PENDING, sam.user),
        ("~", Status.PENDING, chen.user),
        ("~", Status.PENDING, sam.user),
        ("~", Status.DECLINED, chen.user),
    ]


def test_the_mentees_first_words_are_not_kept_in_the_request_history(pending):
    fields = {field.name for field in MentorshipRequest.history.model._meta.get_fields()}

    assert {"status", "closed_at", "closed_by", "history_user"} <= fields
    assert fields.isdisjoint({"drew_you", "explore", "help_now"})
    values = pending.history.values().get()
    assert DREW_YOU not in values.values()
    assert EXPLORE not in values.values()
