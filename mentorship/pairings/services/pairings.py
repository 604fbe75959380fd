"""A pairing's life: proposed by a director, confirmed by both, approved past a
conflict, paused, resumed, ended, reflected on, reassigned."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Program
from mentorship.site import absolute

from ..emails import queue_email
from ..models import Pairing
from .changes import (
    PairingError,
    is_director_of,
    lock_mentor_with_a_place,
    lock_pairing,
    save_changes,
)
from .conflicts import conflict_notices_settle_by_reassigning


def _activate_if_ready(pairing: Pairing, by: User) -> bool:
    """A proposed pairing starts once both said yes and any conflict is approved."""
    ready = (
        pairing.mentor_confirmed_at
        and pairing.mentee_confirmed_at
        and (not pairing.needs_conflict_approval or pairing.conflict_approved_at)
    )
    if not ready:
        return False
    # The place was counted when the pairing was proposed (proposed pairings hold one).
    pairing.status, pairing.started_on = Pairing.Status.ACTIVE, timezone.localdate()
    save_changes(pairing, by, ["status", "started_on"])
    queue_email(
        "pairing_active",
        to=[pairing.mentor.user, pairing.mentee.user],
        pairing=pairing,
        url=absolute(pairing.get_absolute_url()),
    )
    return True


@transaction.atomic
def pairing_propose(
    *, mentor: MentorProfile, mentee: MenteeProfile, by: User, program: Program | None = None
) -> Pairing:
    """A director pairs two people; both confirm on their dashboard."""
    program = program or mentee.program
    if not is_director_of(by, program):
        raise PairingError(
            "Only a director of this program can propose pairings.", code="not_director"
        )
    if mentor.user_id == mentee.user_id:
        raise PairingError("A person can't mentor themselves.", code="self")
    membership = mentor.memberships.filter(program=program).first()
    if mentee.program_id != program.pk or membership is None:
        raise PairingError("Both people must belong to the program.", code="not_in_program")
    if not membership.is_approved:
        raise PairingError(
            f"Approve this mentor in {program} first; then they can be paired.",
            code="not_approved",
        )
    if Pairing.objects.open().filter(mentor=mentor, mentee=mentee).exists():
        raise PairingError("These two are already paired.", code="already_paired")
    mentor = lock_mentor_with_a_place(mentor)
    pairing = Pairing(
        mentor=mentor,
        mentee=mentee,
        program=program,
        origin=Pairing.Origin.DIRECTOR,
        kind=Pairing.kind_for(mentor, program),
        created_by=by,
        needs_conflict_approval=bool(mentor.evaluative_roles_in(program)),
    )
    pairing._history_user = by
    pairing.save()
    queue_email(
        "pairing_proposed",
        to=[mentor.user, mentee.user],
        pairing=pairing,
        url=absolute(pairing.get_absolute_url()),
    )
    return pairing


@transaction.atomic
def pairing_from_round(
    *, mentor: MentorProfile, mentee: MenteeProfile, program: Program, by: User
) -> Pairing:
    """A published matching round pairs two people: both took part and chose, so the
    pairing starts at once and the first-meeting clock with it. The round tells
    each person their result itself; this sends nothing. Refuses, like every
    pairing, a mentor with no open place, a pair already paired, a mentee with a
    mentor, and a mentor who evaluates the program's residents."""
    if not is_director_of(by, program):
        raise PairingError(
            "Only a director of this program can publish a round.", code="not_director"
        )
    membership = mentor.memberships.filter(program=program).first()
    if mentee.program_id != program.pk or membership is None or not membership.is_approved:
        raise PairingError("Both people must belong to the program.", code="not_in_program")
    if mentor.user_id == mentee.user_id:
        raise PairingError("A person can't mentor themselves.", code="self")
    if mentor.evaluative_roles_in(program):
        raise PairingError(
            f"{mentor} evaluates residents of {program} now: pair them with a director's "
            "recorded approval instead.",
            code="conflict",
        )
    mentee = MenteeProfile.objects.select_for_update().get(pk=mentee.pk)
    if Pairing.objects.open().filter(mentee=mentee).exists():
        raise PairingError(f"{mentee} has a mentor already.", code="has_mentor")
    mentor = lock_mentor_with_a_place(mentor)
    pairing = Pairing(
        mentor=mentor,
        mentee=mentee,
        program=program,
        origin=Pairing.Origin.MATCHING,
        kind=Pairing.kind_for(mentor, program),
        created_by=by,
        status=Pairing.Status.ACTIVE,
        started_on=timezone.localdate(),
    )
    pairing.mentor_confirmed_at = pairing.mentee_confirmed_at = timezone.now()
    pairing._history_user = by
    pairing.save()
    return pairing


@transaction.atomic
def pairing_confirm(*, pairing: Pairing, by: User) -> Pairing:
    """One side says yes to a proposed pairing."""
    pairing = lock_pairing(pairing)
    side = pairing.side_of(by)
    if side is None:
        raise PairingError("Only the two people of the pairing can confirm it.", code="not_member")
    if pairing.status != Pairing.Status.PROPOSED:
        raise PairingError("This pairing is not waiting for confirmation.", code="not_proposed")
    field = f"{side}_confirmed_at"
    if getattr(pairing, field) is None:
        setattr(pairing, field, timezone.now())
        save_changes(pairing, by, [field])
    _activate_if_ready(pairing, by)
    return pairing


@transaction.atomic
def pairing_approve_conflict(*, pairing: Pairing, by: User, reason: str) -> Pairing:
    """A director approves a pairing with a mentor who evaluates residents."""
    pairing = lock_pairing(pairing)
    if not is_director_of(by, pairing.program):
        raise PairingError("Only a director of this program can approve it.", code="not_director")
    if pairing.status != Pairing.Status.PROPOSED or not pairing.needs_conflict_approval:
        raise PairingError("This pairing doesn't need an approval.", code="no_approval_needed")
    if pairing.conflict_approved_at:
        raise PairingError("This pairing is already approved.", code="already_approved")
    if not reason.strip():
        raise PairingError("Record why this pairing is fine.", code="reason_required")
    pairing.conflict_approved_at, pairing.conflict_approved_by = timezone.now(), by
    pairing.conflict_reason = reason
    save_changes(pairing, by, ["conflict_approved_at", "conflict_approved_by", "conflict_reason"])
    _activate_if_ready(pairing, by)
    return pairing


@transaction.atomic
def pairing_activate(*, pairing: Pairing, by: User) -> Pairing:
    """A director starts a proposed pairing without waiting for both confirmations."""
    pairing = lock_pairing(pairing)
    if not is_director_of(by, pairing.program):
        raise PairingError("Only a director of this program can do this.", code="not_director")
    if pairing.status != Pairing.Status.PROPOSED:
        raise PairingError("Only proposed pairings can be activated.", code="not_proposed")
    if pairing.needs_conflict_approval and not pairing.conflict_approved_at:
        raise PairingError(
            "This mentor evaluates residents: approve the pairing with a reason first.",
            code="approval_required",
        )
    now = timezone.now()
    pairing.mentor_confirmed_at = pairing.mentor_confirmed_at or now
    pairing.mentee_confirmed_at = pairing.mentee_confirmed_at or now
    save_changes(pairing, by, ["mentor_confirmed_at", "mentee_confirmed_at"])
    _activate_if_ready(pairing, by)
    return pairing


def _require_member_or_director(pairing: Pairing, by: User) -> str:
    side = pairing.side_of(by)
    if side is None and not is_director_of(by, pairing.program):
        raise PairingError("Only the two people of the pairing can do this.", code="not_member")
    return side or "director"


def _move(
    pairing: Pairing, by: User, *, source: str, target: str, refusal: str, code: str, event: str
) -> Pairing:
    """Move a pairing between two statuses, and tell whoever didn't make the move."""
    pairing = lock_pairing(pairing)
    side = _require_member_or_director(pairing, by)
    if pairing.status != source:
        raise PairingError(refusal, code=code)
    pairing.status = target
    save_changes(pairing, by, ["status"])
    _tell_others(event, pairing, side, by)
    return pairing


@transaction.atomic
def pairing_pause(*, pairing: Pairing, by: User) -> Pairing:
    return _move(
        pairing,
        by,
        source=Pairing.Status.ACTIVE,
        target=Pairing.Status.PAUSED,
        refusal="Only an active pairing can be paused.",
        code="not_active",
        event="pairing_paused",
    )


@transaction.atomic
def pairing_resume(*, pairing: Pairing, by: User) -> Pairing:
    return _move(
        pairing,
        by,
        source=Pairing.Status.PAUSED,
        target=Pairing.Status.ACTIVE,
        refusal="Only a paused pairing can be resumed.",
        code="not_paused",
        event="pairing_resumed",
    )


@transaction.atomic
def pairing_end(
    *,
    pairing: Pairing,
    by: User,
    reason: str = "",
    learned: str = "",
    carry_forward: str = "",
) -> Pairing:
    """Either side, or a director, ends a pairing; each side may leave a reflection."""
    pairing = lock_pairing(pairing)
    side = _require_member_or_director(pairing, by)
    if pairing.status == Pairing.Status.ENDED:
        raise PairingError("This pairing has already ended.", code="already_ended")
    pairing.status, pairing.ended_on, pairing.ended_by = (
        Pairing.Status.ENDED,
        timezone.localdate(),
        by,
    )
    pairing.end_reason = reason
    fields = ["status", "ended_on", "ended_by", "end_reason"]
    if side in ("mentor", "mentee"):
        setattr(pairing, f"{side}_learned", learned)
        setattr(pairing, f"{side}_carry_forward", carry_forward)
        fields += [f"{side}_learned", f"{side}_carry_forward"]
    save_changes(pairing, by, fields)
    _tell_others("pairing_ended", pairing, side, by)
    return pairing


@transaction.atomic
def pairing_reflect(*, pairing: Pairing, by: User, learned: str, carry_forward: str) -> Pairing:
    """The other side adds their closing reflection after the pairing ended."""
    pairing = lock_pairing(pairing)
    side = pairing.side_of(by)
    if side is None:
        raise PairingError(
            "Only the two people of the pairing can reflect on it.", code="not_member"
        )
    if pairing.status != Pairing.Status.ENDED:
        raise PairingError("Reflections come when a pairing ends.", code="not_ended")
    setattr(pairing, f"{side}_learned", learned)
    setattr(pairing, f"{side}_carry_forward", carry_forward)
    save_changes(pairing, by, [f"{side}_learned", f"{side}_carry_forward"])
    return pairing


@transaction.atomic
def pairing_reassign(
    *, pairing: Pairing, new_mentor: MentorProfile, by: User, reason: str = ""
) -> Pairing:
    """A director moves a mentee to another mentor: the old pairing ends, a new one
    is proposed for both people to confirm."""
    pairing = lock_pairing(pairing)
    if not is_director_of(by, pairing.program):
        raise PairingError("Only a director of this program can reassign.", code="not_director")
    if not pairing.is_open:
        raise PairingError("Only a current pairing can be reassigned.", code="not_open")
    if new_mentor.pk == pairing.mentor_id:
        raise PairingError("Choose a different mentor.", code="same_mentor")
    pairing_end(pairing=pairing, by=by, reason=reason or f"Reassigned to {new_mentor}.")
    conflict_notices_settle_by_reassigning(pairing=pairing, by=by, to=str(new_mentor))
    return pairing_propose(mentor=new_mentor, mentee=pairing.mentee, by=by, program=pairing.program)


def _tell_others(event: str, pairing: Pairing, side: str, by: User) -> None:
    queue_email(
        event,
        to=_others(pairing, side),
        pairing=pairing,
        by=by,
        url=absolute(pairing.get_absolute_url()),
    )


def _others(pairing: Pairing, side: str) -> list[User]:
    """Who hears about a change: the other side, or both when a director made it."""
    if side == "mentor":
        return [pairing.mentee.user]
    if side == "mentee":
        return [pairing.mentor.user]
    return [pairing.mentor.user, pairing.mentee.user]
