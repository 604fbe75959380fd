"""What the directory's test modules share beside the suite's cast (tests/cast.py)."""

import pytest


@pytest.fixture
def mentee(sam):
    """Sam of the cast, as a user: the directory's usual visitor."""
    return sam.user
