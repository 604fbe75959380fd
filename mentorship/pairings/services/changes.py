"""What every change of a request or a pairing shares: the refusal it raises,
the row locks it takes, and how it saves who made it."""

from accounts.models import User
from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Program
from mentorship.refusal import Refusal

from ..models import MentorshipRequest, Pairing

# Codes that mean "not yours to do": pages show them as a message, not at a field.
WRONG_SIDE = {"not_mentee", "not_mentor", "not_member"}


class PairingError(Refusal):
    """A change to a request or a pairing that can't be made."""


def is_director_of(user: User, program: Program) -> bool:
    return user.is_authenticated and (
        user.is_superuser or program.directors.filter(pk=user.pk).exists()
    )


def save_changes(instance, by: User | None, fields: list[str]) -> None:
    instance._history_user = by
    instance.save(update_fields=fields)


def lock_request(request: MentorshipRequest) -> MentorshipRequest:
    return (
        MentorshipRequest.objects.select_for_update(of=("self",))
        .select_related("mentee__user", "mentor__user", "program")
        .get(pk=request.pk)
    )


def lock_pairing(pairing: Pairing) -> Pairing:
    return (
        Pairing.objects.select_for_update(of=("self",))
        .select_related("mentee__user", "mentor__user", "program")
        .get(pk=pairing.pk)
    )


def lock_mentor_with_a_place(mentor: MentorProfile) -> MentorProfile:
    """Lock the mentor's row, then count: two racing yeses can't both take the last place."""
    mentor = MentorProfile.objects.select_for_update().get(pk=mentor.pk)
    if Pairing.objects.open().filter(mentor=mentor).count() >= mentor.capacity:
        raise PairingError(
            "There are no open places with this mentor right now.", code="no_open_places"
        )
    return mentor
