"""Asking through the services: request_create and request_withdraw; who may
do what, and what changes. Every refusal is a PairingError with a code, and
leaves the rows as they were."""

import pytest
from django.db import IntegrityError, transaction

from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest, Pairing
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_user,
)
from tests.pairings.service_support import (
    DREW_YOU,
    EXPLORE,
    HELP_NOW,
    Status,
    ask,
    recipients,
    refused,
)

pytestmark = pytest.mark.django_db


# --- request_create -------------------------------------------------------------


def test_a_mentee_asks_a_mentor_and_the_mentor_hears_about_it(
    sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(sam, chen, explore=EXPLORE, help_now=HELP_NOW)

    request.refresh_from_db()
    assert request.status == Status.PENDING
    assert (request.mentee, request.mentor, request.program) == (sam, chen, sam.program)
    assert (request.drew_you, request.explore, request.help_now) == (DREW_YOU, EXPLORE, HELP_NOW)
    assert request.closed_at is None
    assert recipients(mailoutbox) == ["chen@example.com"]
    assert request.history.get().history_user == sam.user


@pytest.mark.parametrize(
    "actor", ["mentor", "other mentor", "director", "other director", "anonymous"]
)
def test_only_the_mentee_can_ask_for_themselves(
    actor, people, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_mentee",
        lambda: services.request_create(
            mentee=sam, mentor=chen, by=people[actor], drew_you=DREW_YOU
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


def test_a_resident_who_also_mentors_cannot_ask_themselves(
    program, django_capture_on_commit_callbacks, mailoutbox
):
    both = make_user("kim@example.com", name="Dr Jo Kim", is_mentee=True, is_mentor=True)
    as_mentee = make_mentee_profile(both, program=program, training_level="ca3")
    as_mentor = make_mentor_profile(both, programs=[program], title="CA-3 resident")

    refused(
        "self", lambda: ask(as_mentee, as_mentor), django_capture_on_commit_callbacks, mailoutbox
    )


def test_a_mentor_waiting_for_approval_cannot_be_asked(
    program, sam, django_capture_on_commit_callbacks, mailoutbox
):
    waiting = make_mentor_profile(
        make_mentor("new@example.com"), programs=[program], approved=False
    )

    error = refused(
        "not_listed", lambda: ask(sam, waiting), django_capture_on_commit_callbacks, mailoutbox
    )
    assert error.message == "This mentor isn't listed in your program."


def test_a_mentor_of_another_program_cannot_be_asked(
    other_program, sam, django_capture_on_commit_callbacks, mailoutbox
):
    elsewhere = make_mentor_profile(make_mentor("far@example.com"), programs=[other_program])

    refused(
        "not_listed", lambda: ask(sam, elsewhere), django_capture_on_commit_callbacks, mailoutbox
    )


def test_a_mentor_taking_a_break_cannot_be_asked(
    sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    chen.accepting_new = False
    chen.save()

    error = refused(
        "not_accepting", lambda: ask(sam, chen), django_capture_on_commit_callbacks, mailoutbox
    )
    assert error.message == "This mentor isn't taking new mentees this season."


@pytest.mark.parametrize("status", Pairing.OPEN_STATUSES)
def test_a_mentor_whose_places_are_taken_cannot_be_asked(
    status, program, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    chen.capacity = 1
    chen.save()
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)
    make_pairing(chen, alex, status)

    error = refused(
        "no_open_places", lambda: ask(sam, chen), django_capture_on_commit_callbacks, mailoutbox
    )
    assert error.message == "There are no open places with this mentor right now."


def test_a_mentor_with_no_places_at_all_cannot_be_asked(
    sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    chen.capacity = 0
    chen.save()

    refused(
        "no_open_places", lambda: ask(sam, chen), django_capture_on_commit_callbacks, mailoutbox
    )


def test_an_ended_pairing_gives_its_place_back(program, sam, chen):
    chen.capacity = 1
    chen.save()
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)
    make_pairing(chen, alex, Pairing.Status.ENDED)

    assert ask(sam, chen).status == Status.PENDING


@pytest.mark.parametrize("status", Pairing.OPEN_STATUSES)
def test_a_mentee_already_paired_with_the_mentor_cannot_ask_again(
    status, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    make_pairing(chen, sam, status)

    error = refused(
        "already_paired", lambda: ask(sam, chen), django_capture_on_commit_callbacks, mailoutbox
    )
    assert error.message == "You are already paired with this mentor."


def test_a_mentee_whose_pairing_ended_can_ask_the_same_mentor_again(sam, chen):
    make_pairing(chen, sam, Pairing.Status.ENDED)

    assert ask(sam, chen).status == Status.PENDING


def test_a_mentee_cannot_ask_the_same_mentor_twice_while_waiting(
    pending, sam, chen, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "already_pending", lambda: ask(sam, chen), django_capture_on_commit_callbacks, mailoutbox
    )
    assert "your request is waiting for an answer" in error.message


@pytest.mark.parametrize(
    "close",
    [
        lambda r: services.request_withdraw(request=r, by=r.mentee.user),
        lambda r: services.request_decline(request=r, by=r.mentor.user),
        lambda r: services.request_expire(request=r),
    ],
    ids=["withdrawn", "declined", "expired"],
)
def test_a_mentee_can_ask_the_same_mentor_again_once_the_request_is_closed(
    close, pending, sam, chen
):
    close(pending)

    again = ask(sam, chen)

    assert again.pk != pending.pk
    assert MentorshipRequest.objects.pending().get() == again


def test_a_mentee_at_the_programs_pending_limit_cannot_ask_someone_new(
    program, sam, chen, levin, django_capture_on_commit_callbacks, mailoutbox
):
    program.max_pending_requests = 2
    program.save()
    ask(sam, chen)
    ask(sam, levin)
    third = make_mentor_profile(
        make_mentor("ito@example.com", name="Dr Ken Ito"), programs=[program]
    )

    error = refused(
        "too_many_pending", lambda: ask(sam, third), django_capture_on_commit_callbacks, mailoutbox
    )
    assert error.message.startswith(
        "You have 2 requests waiting for an answer, the most Stanford Anesthesiology allows"
    )


def test_withdrawing_a_request_makes_room_under_the_pending_limit(program, sam, chen, levin):
    program.max_pending_requests = 1
    program.save()
    first = ask(sam, chen)
    services.request_withdraw(request=first, by=sam.user)

    assert ask(sam, levin).status == Status.PENDING


def test_the_pending_limit_counts_only_this_mentees_requests(program, sam, chen, levin):
    program.max_pending_requests = 1
    program.save()
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)
    ask(alex, chen)

    assert ask(sam, levin).status == Status.PENDING


def test_two_pending_requests_for_the_same_pair_are_refused_by_the_database(pending, sam, chen):
    with pytest.raises(IntegrityError), transaction.atomic():
        MentorshipRequest.objects.create(
            mentee=sam, mentor=chen, program=sam.program, drew_you=DREW_YOU
        )

    assert MentorshipRequest.objects.count() == 1


def test_the_database_allows_a_new_pending_request_beside_closed_ones(sam, chen):
    for status in (Status.WITHDRAWN, Status.DECLINED, Status.EXPIRED, Status.ACCEPTED):
        MentorshipRequest.objects.create(
            mentee=sam, mentor=chen, program=sam.program, drew_you=DREW_YOU, status=status
        )
    with transaction.atomic():
        MentorshipRequest.objects.create(
            mentee=sam, mentor=chen, program=sam.program, drew_you=DREW_YOU
        )

    assert MentorshipRequest.objects.count() == 5


# --- request_withdraw -------------------------------------------------------------


def test_a_mentee_withdraws_their_request_and_the_mentor_is_told(
    pending, sam, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_withdraw(request=pending, by=sam.user)

    pending.refresh_from_db()
    assert pending.status == Status.WITHDRAWN
    assert pending.closed_by == sam.user
    assert pending.closed_at is not None
    assert recipients(mailoutbox) == ["chen@example.com"]
    assert pending.history.latest().history_user == sam.user


@pytest.mark.parametrize(
    "actor", ["mentor", "other mentor", "director", "other director", "anonymous"]
)
def test_only_the_mentee_can_withdraw_a_request(
    actor, people, pending, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "not_mentee",
        lambda: services.request_withdraw(request=pending, by=people[actor]),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Only the mentee who asked can do this."


@pytest.fixture(params=["withdrawn", "accepted", "declined", "expired"])
def closed(request, pending, sam, chen):
    """A request that is no longer waiting, closed each of the four ways."""
    close = {
        "withdrawn": lambda: services.request_withdraw(request=pending, by=sam.user),
        "accepted": lambda: services.request_accept(request=pending, by=chen.user),
        "declined": lambda: services.request_decline(request=pending, by=chen.user),
        "expired": lambda: services.request_expire(request=pending),
    }[request.param]
    close()
    pending.refresh_from_db()
    assert pending.status == request.param
    return pending


def test_a_closed_request_cannot_be_withdrawn(
    closed, sam, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "not_pending",
        lambda: services.request_withdraw(request=closed, by=sam.user),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message.startswith("This request is no longer waiting for an answer: it was ")


def test_a_closed_request_cannot_be_answered_by_the_mentor(
    closed, chen, django_capture_on_commit_callbacks, mailoutbox
):
    for call in (
        lambda: services.request_accept(request=closed, by=chen.user),
        lambda: services.request_decline(request=closed, by=chen.user),
        lambda: services.request_ask_more(request=closed, by=chen.user, question="Why me?"),
    ):
        refused("not_pending", call, django_capture_on_commit_callbacks, mailoutbox)


def test_a_closed_request_cannot_expire_or_take_an_answer(
    closed, sam, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "not_pending",
        lambda: services.request_expire(request=closed),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    refused(
        "not_pending",
        lambda: services.request_answer_question(request=closed, by=sam.user, answer="Sure."),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
