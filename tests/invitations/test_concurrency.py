"""Two confirmations of the same upload at once (two tabs, two directors) make
one account and one invitation per person: the address is unique in the
database, and the second is refused with a sentence, not a server error."""

import threading
from datetime import date

import pytest
from django.db import connection

from accounts.models import User
from mentorship.invitations.models import Invitation
from mentorship.invitations.services import InvitationRefusal, invitation_create


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: no race to lose"
)
@pytest.mark.django_db(transaction=True)
def test_two_racing_invitations_of_one_person_make_one(program, director):
    start = threading.Barrier(2)
    made, refused = [], []

    def invite():
        start.wait()
        try:
            made.append(
                invitation_create(
                    program=program,
                    email="priya@example.com",
                    name="Priya Nair",
                    level="intern",
                    starts_on=date(2027, 7, 1),
                    by=director,
                )
            )
        except InvitationRefusal as refusal:
            refused.append(refusal.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=invite) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert (len(made), refused) == (1, ["exists"])
    assert User.objects.filter(email__iexact="priya@example.com").count() == 1
    assert Invitation.objects.count() == 1
