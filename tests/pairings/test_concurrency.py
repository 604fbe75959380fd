"""Two clicks at the same moment: the row locks keep the invariants.

Each race starts its threads together on a barrier; each thread has its own
database connection, so the transactions really overlap on PostgreSQL.
"""

import threading

import pytest
from django.db import connection

from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.pairings.services import PairingError
from tests.factories import (
    make_mentor,
    make_mentor_profile,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers; the race needs PostgreSQL's row locks",
    ),
]

DREW_YOU = "Your talk on pediatric airways at grand rounds."


def race(*calls):
    """Run the calls in threads that start together; return each one's result or error."""
    barrier = threading.Barrier(len(calls), timeout=10)
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # the test inspects what each thread got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck on a lock"
    return results


def errors(results):
    return [result for result in results if isinstance(result, Exception)]


def test_two_yeses_at_once_cannot_both_take_a_mentors_last_place(sam, alex, chen, mailoutbox):
    chen.capacity = 1
    chen.save(update_fields=["capacity"])
    first = services.request_create(mentee=sam, mentor=chen, by=sam.user, drew_you=DREW_YOU)
    second = services.request_create(mentee=alex, mentor=chen, by=alex.user, drew_you=DREW_YOU)
    mailoutbox.clear()

    results = race(
        lambda: services.request_accept(request=first, by=chen.user),
        lambda: services.request_accept(request=second, by=chen.user),
    )

    [error] = errors(results)
    assert isinstance(error, PairingError), repr(error)
    assert error.code == "no_open_places"
    pairing = Pairing.objects.get()
    assert pairing.status == Pairing.Status.ACTIVE
    assert Pairing.objects.open().filter(mentor=chen).count() == 1
    statuses = sorted(MentorshipRequest.objects.values_list("status", flat=True))
    assert statuses == ["accepted", "pending"]
    assert MentorshipRequest.objects.get(status="accepted").mentee == pairing.mentee
    # Only the mentee who got the place hears a yes.
    assert [message.to for message in mailoutbox] == [[pairing.mentee.user.email]]


def test_a_double_click_on_ask_sends_one_request(sam, chen, mailoutbox):
    results = race(
        lambda: services.request_create(mentee=sam, mentor=chen, by=sam.user, drew_you=DREW_YOU),
        lambda: services.request_create(mentee=sam, mentor=chen, by=sam.user, drew_you=DREW_YOU),
    )

    [error] = errors(results)
    assert isinstance(error, PairingError), repr(error)
    assert error.code == "already_pending"
    assert MentorshipRequest.objects.filter(mentee=sam, mentor=chen).count() == 1
    assert MentorshipRequest.objects.pending().count() == 1
    assert [message.to for message in mailoutbox] == [["chen@example.com"]]


def test_two_asks_at_once_cannot_pass_the_pending_limit(program, sam, chen, levin):
    program.max_pending_requests = 2
    program.save()
    ito = make_mentor_profile(make_mentor("ito@example.com", name="Dr Ken Ito"), programs=[program])
    services.request_create(mentee=sam, mentor=ito, by=sam.user, drew_you=DREW_YOU)

    results = race(
        lambda: services.request_create(mentee=sam, mentor=chen, by=sam.user, drew_you=DREW_YOU),
        lambda: services.request_create(mentee=sam, mentor=levin, by=sam.user, drew_you=DREW_YOU),
    )

    [error] = errors(results)
    assert isinstance(error, PairingError), repr(error)
    assert error.code == "too_many_pending"
    assert MentorshipRequest.objects.pending().filter(mentee=sam).count() == 2
