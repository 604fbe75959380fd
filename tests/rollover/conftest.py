import pytest
from django.utils import timezone

from tests.factories import add_totp
from tests.rollover.support import IN_MAY


@pytest.fixture
def today(monkeypatch):
    """Set the day the app believes it is: `today(date(2027, 5, 3))`."""
    real = timezone.localdate

    def set_day(day):
        monkeypatch.setattr(
            timezone,
            "localdate",
            lambda value=None, tz=None: day if value is None else real(value, tz),
        )
        return day

    return set_day


@pytest.fixture
def in_may(today):
    """The wizard for 2027–28 is open."""
    return today(IN_MAY)


@pytest.fixture
def desk(client, director):
    """The program's director, signed in with two-step verification on."""
    add_totp(director)
    client.force_login(director)
    return client
