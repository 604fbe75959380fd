"""Two daily jobs at once (two workers, or cron and a worker) apply a rollover
once: the rollover's row is locked while it is applied."""

import threading

import pytest
from django.db import connection

from mentorship.pairings.models import Pairing
from mentorship.rollover import services
from mentorship.rollover.models import Rollover
from mentorship.years.models import Appointment, Level
from tests.factories import make_pairing
from tests.rollover.support import NEXT_YEAR, appoint, years


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: no race to lose"
)
@pytest.mark.django_db(transaction=True)
def test_two_racing_applies_apply_once(program, director, sam, ana, chen):
    this, following = years(program)
    appoint(sam.user, this, Level.CA3)
    appoint(ana.user, this, Level.CA1)
    make_pairing(chen, sam)
    rollover = Rollover.objects.create(
        program=program, to_year=following, state=Rollover.State.SCHEDULED, confirmed_by=director
    )
    start = threading.Barrier(2)
    results = []

    def apply():
        start.wait()
        try:
            results.append(services.rollover_apply(rollover=rollover, day=NEXT_YEAR))
        finally:
            connection.close()

    threads = [threading.Thread(target=apply) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(r.pairings_ended for r in results) == [0, 1]
    assert sorted(r.appointments for r in results) == [0, 1]
    assert Appointment.objects.filter(year=following).count() == 1
    assert Pairing.objects.get(mentee=sam).status == Pairing.Status.ENDED
