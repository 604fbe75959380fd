"""Two runs of the day's check-ins at once (a cron job and a worker, say) send each
check-in once: the program's row is locked while its check-ins are opened, and a
unique constraint holds one per person and period."""

import threading
from datetime import date, timedelta

import pytest
from django.db import connection

from mentorship.checkins.models import Checkin, Kind
from mentorship.checkins.services import checkins_send_due
from tests.factories import make_program

from .people import pair


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: no race to lose"
)
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_checkin_once():
    program = make_program()
    start = date(2026, 7, 6)
    for n in range(6):
        pair(program, n, started_on=start)
    day = start + timedelta(days=30)
    barrier = threading.Barrier(2)
    opened, failed = [], []

    def run():
        barrier.wait()
        try:
            opened.append(checkins_send_due(day).opened)
        except Exception as error:  # noqa: BLE001 - the test reports any failure
            failed.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == []
    # Six pulses and twelve fit check-ins (day 30: past day 21), once each.
    assert sorted(opened) == [0, 18]
    assert Checkin.objects.filter(kind=Kind.PULSE).count() == 6
    assert Checkin.objects.filter(kind=Kind.FIT).count() == 12
