"""What the directory's test modules share beside the suite's cast (tests/cast.py)."""

import pytest

from tests.factories import make_mentee, make_mentee_profile


@pytest.fixture
def mentee(program):
    """A resident of the cast's program, as a user: the directory's usual visitor."""
    return make_mentee_profile(make_mentee("sam@example.com"), program=program).user
