import pytest

from tests.factories import add_totp


@pytest.fixture
def desk(director):
    """The program's director, with the two-step verification the admin asks for."""
    add_totp(director)
    return director
