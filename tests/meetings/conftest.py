"""What the meeting tests share beside the suite's cast (tests/cast.py): Chen mentors Sam
and Levin mentors Noor, both since 5 January 2026, in the program Maya Okafor directs."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import make_pairing

STARTED = date(2026, 1, 5)
# A role as a parametrized test names it, where the attribute is named otherwise.
ROLES = {"their pairing": "others"}


class Cast(SimpleNamespace):
    """The people and the two pairings, as attributes (`cast.other_mentor`) or by the role a
    parametrized test names (`cast["other mentor"]`)."""

    def __getitem__(self, role: str):
        return getattr(self, ROLES.get(role, role.replace(" ", "_")))


@pytest.fixture
def cast(program, director, superuser, chen, levin, sam, noor):
    return Cast(
        pairing=make_pairing(chen, sam, started_on=STARTED),
        others=make_pairing(levin, noor, started_on=STARTED),
        mentor=chen.user,
        mentee=sam.user,
        other_mentor=levin.user,
        other_mentee=noor.user,
        director=director,
        superuser=superuser,
        anonymous=AnonymousUser(),
    )
