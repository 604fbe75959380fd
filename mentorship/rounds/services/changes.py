"""What every change of a round shares: its refusal, its lock, the director check."""

from accounts.models import User
from mentorship.refusal import Refusal

from ..models import Round


class RoundError(Refusal):
    """A change to a matching round that can't be made."""


def is_director_of(user: User, round: Round) -> bool:
    return user.is_authenticated and (
        user.is_superuser or round.program.directors.filter(pk=user.pk).exists()
    )


def require_director(user: User, round: Round) -> None:
    if not is_director_of(user, round):
        raise RoundError("Only a director of this program can do this.", code="not_director")


def lock_round(round: Round) -> Round:
    """The round's row, locked: two directors' clicks on one round run one after the other."""
    return (
        Round.objects.select_for_update(of=("self",))
        .select_related("program", "year")
        .get(pk=round.pk)
    )


def require_state(round: Round, *states: str, message: str) -> None:
    if round.state not in states:
        raise RoundError(message, code="wrong_state")
