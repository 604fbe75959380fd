"""Every change of a request or a pairing, one function each.

Each checks the transition and who may make it, locks what it must, records who
and when, and queues its e-mail for after the commit. An illegal transition
raises PairingError with a message fit to show the person who tried.
"""

from datetime import timedelta
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Program
from mentorship.refusal import Refusal
from mentorship.site import absolute

from .emails import queue_email
from .models import MentorshipRequest, Pairing

Status = MentorshipRequest.Status
PStatus = Pairing.Status


# Codes that mean "not yours to do": pages show them as a message, not at a field.
WRONG_SIDE = {"not_mentee", "not_mentor", "not_member"}


class PairingError(Refusal):
    """A change to a request or a pairing that can't be made."""


def is_director_of(user: User, program: Program) -> bool:
    return user.is_authenticated and (
        user.is_superuser or program.directors.filter(pk=user.pk).exists()
    )


def _save(instance, by: User | None, fields: list[str]) -> None:
    instance._history_user = by
    instance.save(update_fields=fields)


def _lock_request(request: MentorshipRequest) -> MentorshipRequest:
    return (
        MentorshipRequest.objects.select_for_update(of=("self",))
        .select_related("mentee__user", "mentor__user", "program")
        .get(pk=request.pk)
    )


def _lock_pairing(pairing: Pairing) -> Pairing:
    return (
        Pairing.objects.select_for_update(of=("self",))
        .select_related("mentee__user", "mentor__user", "program")
        .get(pk=pairing.pk)
    )


def _require_pending(request: MentorshipRequest) -> None:
    if not request.is_pending:
        raise PairingError(
            f"This request is no longer waiting for an answer: it was {request.get_status_display().lower()}.",
            code="not_pending",
        )


def _require_mentor(request: MentorshipRequest, by: User) -> None:
    if request.mentor.user_id != by.pk:
        raise PairingError("Only the mentor who was asked can answer.", code="not_mentor")


def _require_mentee(request: MentorshipRequest, by: User) -> None:
    if request.mentee.user_id != by.pk:
        raise PairingError("Only the mentee who asked can do this.", code="not_mentee")


def _lock_mentor_with_a_place(mentor: MentorProfile) -> MentorProfile:
    """Lock the mentor's row, then count: two racing yeses can't both take the last place."""
    mentor = MentorProfile.objects.select_for_update().get(pk=mentor.pk)
    if Pairing.objects.open().filter(mentor=mentor).count() >= mentor.capacity:
        raise PairingError(
            "There are no open places with this mentor right now.", code="no_open_places"
        )
    return mentor


# --- requests ---------------------------------------------------------------


@transaction.atomic
def request_create(
    *,
    mentee: MenteeProfile,
    mentor: MentorProfile,
    by: User,
    drew_you: str,
    explore: str = "",
    help_now: str = "",
    form_token: UUID | None = None,
) -> MentorshipRequest:
    """A mentee asks a mentor of their program. A second submit of the same form
    (`form_token`, see mentorship/once.py) answers with the request it made."""
    if mentee.user_id != by.pk:
        raise PairingError("You can only ask for yourself.", code="not_mentee")
    if mentor.user_id == mentee.user_id:
        raise PairingError("You can't ask yourself to be your mentor.", code="self")
    # Serialise this mentee's asking, so the pending limit holds under double clicks.
    mentee = (
        MenteeProfile.objects.select_for_update(of=("self",))
        .select_related("program")
        .get(pk=mentee.pk)
    )
    program = mentee.program
    if form_token and (made := MentorshipRequest.objects.filter(form_token=form_token).first()):
        if made.mentee_id == mentee.pk:
            return made
        form_token = None  # someone else's token: not this form's
    mentor = MentorProfile.objects.get(pk=mentor.pk)  # as it is now, not as the caller read it
    if not mentor.memberships.approved().filter(program=program).exists():
        raise PairingError("This mentor isn't listed in your program.", code="not_listed")
    if not mentor.accepting_new:
        raise PairingError(
            "This mentor isn't taking new mentees this season.", code="not_accepting"
        )
    if Pairing.objects.open().filter(mentor=mentor, mentee=mentee).exists():
        raise PairingError("You are already paired with this mentor.", code="already_paired")
    if MentorshipRequest.objects.pending().filter(mentor=mentor, mentee=mentee).exists():
        raise PairingError(
            "You have already asked this mentor; your request is waiting for an answer.",
            code="already_pending",
        )
    pending = MentorshipRequest.objects.pending().filter(mentee=mentee).count()
    if pending >= program.max_pending_requests:
        raise PairingError(
            f"You have {pending} requests waiting for an answer, the most {program} allows "
            "at once. Withdraw one, or wait for an answer, before asking someone new.",
            code="too_many_pending",
        )
    if Pairing.objects.open().filter(mentor=mentor).count() >= mentor.capacity:
        raise PairingError(
            "There are no open places with this mentor right now.", code="no_open_places"
        )
    request = MentorshipRequest(
        mentee=mentee,
        mentor=mentor,
        program=program,
        drew_you=drew_you,
        explore=explore,
        help_now=help_now,
        form_token=form_token,
    )
    request._history_user = by
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as error:  # a racing twin of this request got there first
        raise PairingError(
            "You have already asked this mentor; your request is waiting for an answer.",
            code="already_pending",
        ) from error
    queue_email(
        "request_new",
        to=[mentor.user],
        request=request,
        url=absolute(request.get_absolute_url()),
    )
    return request


@transaction.atomic
def request_withdraw(*, request: MentorshipRequest, by: User) -> MentorshipRequest:
    request = _lock_request(request)
    _require_mentee(request, by)
    _require_pending(request)
    request.status, request.closed_at, request.closed_by = Status.WITHDRAWN, timezone.now(), by
    _save(request, by, ["status", "closed_at", "closed_by"])
    queue_email("request_withdrawn", to=[request.mentor.user], request=request)
    return request


@transaction.atomic
def request_accept(*, request: MentorshipRequest, by: User, reply: str = "") -> Pairing:
    """The mentor says yes: a pairing starts, or waits for a director when the
    mentor also evaluates residents."""
    request = _lock_request(request)
    _require_mentor(request, by)
    _require_pending(request)
    mentor = _lock_mentor_with_a_place(request.mentor)
    if Pairing.objects.open().filter(mentor=mentor, mentee=request.mentee).exists():
        raise PairingError("You are already paired with this mentee.", code="already_paired")
    now = timezone.now()
    request.status, request.closed_at, request.closed_by = Status.ACCEPTED, now, by
    request.reply = reply
    _save(request, by, ["status", "closed_at", "closed_by", "reply"])
    needs_approval = bool(mentor.evaluative_roles)
    pairing = Pairing(
        mentor=mentor,
        mentee=request.mentee,
        program=request.program,
        origin=Pairing.Origin.REQUEST,
        request=request,
        created_by=by,
        mentor_confirmed_at=now,
        mentee_confirmed_at=now,
        needs_conflict_approval=needs_approval,
    )
    if not needs_approval:
        pairing.status, pairing.started_on = PStatus.ACTIVE, timezone.localdate()
    pairing._history_user = by
    pairing.save()
    url = absolute(pairing.get_absolute_url())
    queue_email(
        "request_accepted", to=[request.mentee.user], request=request, pairing=pairing, url=url
    )
    if needs_approval:
        queue_email(
            "pairing_needs_approval",
            to=list(request.program.directors.all()),
            pairing=pairing,
            url=absolute(f"/admin/pairings/pairing/{pairing.pk}/change/"),
        )
    return pairing


@transaction.atomic
def request_decline(
    *,
    request: MentorshipRequest,
    by: User,
    reply: str = "",
    referred_to: MentorProfile | None = None,
    referral_reason: str = "",
) -> MentorshipRequest:
    """The mentor says no, kindly, and may suggest a colleague of the same program."""
    request = _lock_request(request)
    _require_mentor(request, by)
    _require_pending(request)
    if referred_to is not None:
        if referred_to.pk == request.mentor_id or referred_to.user_id == request.mentee.user_id:
            raise PairingError("Suggest a colleague, not yourself.", code="bad_referral")
        if not referred_to.memberships.approved().filter(program=request.program_id).exists():
            raise PairingError("Suggest a mentor listed in the same program.", code="bad_referral")
    request.status, request.closed_at, request.closed_by = Status.DECLINED, timezone.now(), by
    request.reply, request.referred_to, request.referral_reason = (
        reply,
        referred_to,
        referral_reason,
    )
    _save(
        request, by, ["status", "closed_at", "closed_by", "reply", "referred_to", "referral_reason"]
    )
    queue_email(
        "request_declined",
        to=[request.mentee.user],
        request=request,
        url=absolute(request.get_absolute_url()),
    )
    return request


@transaction.atomic
def request_ask_more(*, request: MentorshipRequest, by: User, question: str) -> MentorshipRequest:
    """The mentor asks a question before deciding; the request stays pending."""
    request = _lock_request(request)
    _require_mentor(request, by)
    _require_pending(request)
    if not question.strip():
        raise PairingError("Write the question you'd like answered.", code="empty_question")
    request.question, request.question_asked_at = question, timezone.now()
    request.question_answer, request.question_answered_at = "", None
    _save(request, by, ["question", "question_asked_at", "question_answer", "question_answered_at"])
    queue_email(
        "request_question",
        to=[request.mentee.user],
        request=request,
        url=absolute(request.get_absolute_url()),
    )
    return request


@transaction.atomic
def request_answer_question(
    *, request: MentorshipRequest, by: User, answer: str
) -> MentorshipRequest:
    request = _lock_request(request)
    _require_mentee(request, by)
    _require_pending(request)
    if not request.awaiting_mentee:
        raise PairingError("There is no question waiting for your answer.", code="no_question")
    if not answer.strip():
        raise PairingError("Write your answer before sending it.", code="empty_answer")
    request.question_answer, request.question_answered_at = answer, timezone.now()
    _save(request, by, ["question_answer", "question_answered_at"])
    queue_email(
        "request_question_answered",
        to=[request.mentor.user],
        request=request,
        url=absolute(request.get_absolute_url()),
    )
    return request


@transaction.atomic
def request_expire(*, request: MentorshipRequest) -> MentorshipRequest:
    request = _lock_request(request)
    _require_pending(request)
    request.status, request.closed_at, request.closed_by = Status.EXPIRED, timezone.now(), None
    _save(request, None, ["status", "closed_at", "closed_by"])
    queue_email(
        "request_expired", to=[request.mentee.user], request=request, url=absolute("/mentors/")
    )
    return request


def requests_expire_stale(*, now=None) -> int:
    """Expire pending requests older than their program's limit; returns how many."""
    now = now or timezone.now()
    expired = 0
    stale = MentorshipRequest.objects.pending().select_related("program")
    for request in stale.iterator():
        if request.created_at <= now - timedelta(days=request.program.request_expiry_days):
            try:
                request_expire(request=request)
                expired += 1
            except PairingError:  # answered in the meantime
                continue
    return expired


# --- pairings ---------------------------------------------------------------


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
    pairing.status, pairing.started_on = PStatus.ACTIVE, timezone.localdate()
    _save(pairing, by, ["status", "started_on"])
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
    mentor = _lock_mentor_with_a_place(mentor)
    pairing = Pairing(
        mentor=mentor,
        mentee=mentee,
        program=program,
        origin=Pairing.Origin.DIRECTOR,
        created_by=by,
        needs_conflict_approval=bool(mentor.evaluative_roles),
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
def pairing_confirm(*, pairing: Pairing, by: User) -> Pairing:
    """One side says yes to a proposed pairing."""
    pairing = _lock_pairing(pairing)
    side = pairing.side_of(by)
    if side is None:
        raise PairingError("Only the two people of the pairing can confirm it.", code="not_member")
    if pairing.status != PStatus.PROPOSED:
        raise PairingError("This pairing is not waiting for confirmation.", code="not_proposed")
    field = f"{side}_confirmed_at"
    if getattr(pairing, field) is None:
        setattr(pairing, field, timezone.now())
        _save(pairing, by, [field])
    _activate_if_ready(pairing, by)
    return pairing


@transaction.atomic
def pairing_approve_conflict(*, pairing: Pairing, by: User, reason: str) -> Pairing:
    """A director approves a pairing with a mentor who evaluates residents."""
    pairing = _lock_pairing(pairing)
    if not is_director_of(by, pairing.program):
        raise PairingError("Only a director of this program can approve it.", code="not_director")
    if pairing.status != PStatus.PROPOSED or not pairing.needs_conflict_approval:
        raise PairingError("This pairing doesn't need an approval.", code="no_approval_needed")
    if pairing.conflict_approved_at:
        raise PairingError("This pairing is already approved.", code="already_approved")
    if not reason.strip():
        raise PairingError("Record why this pairing is fine.", code="reason_required")
    pairing.conflict_approved_at, pairing.conflict_approved_by = timezone.now(), by
    pairing.conflict_reason = reason
    _save(pairing, by, ["conflict_approved_at", "conflict_approved_by", "conflict_reason"])
    _activate_if_ready(pairing, by)
    return pairing


@transaction.atomic
def pairing_activate(*, pairing: Pairing, by: User) -> Pairing:
    """A director starts a proposed pairing without waiting for both confirmations."""
    pairing = _lock_pairing(pairing)
    if not is_director_of(by, pairing.program):
        raise PairingError("Only a director of this program can do this.", code="not_director")
    if pairing.status != PStatus.PROPOSED:
        raise PairingError("Only proposed pairings can be activated.", code="not_proposed")
    if pairing.needs_conflict_approval and not pairing.conflict_approved_at:
        raise PairingError(
            "This mentor evaluates residents: approve the pairing with a reason first.",
            code="approval_required",
        )
    now = timezone.now()
    pairing.mentor_confirmed_at = pairing.mentor_confirmed_at or now
    pairing.mentee_confirmed_at = pairing.mentee_confirmed_at or now
    _save(pairing, by, ["mentor_confirmed_at", "mentee_confirmed_at"])
    _activate_if_ready(pairing, by)
    return pairing


def _require_member_or_director(pairing: Pairing, by: User) -> str:
    side = pairing.side_of(by)
    if side is None and not is_director_of(by, pairing.program):
        raise PairingError("Only the two people of the pairing can do this.", code="not_member")
    return side or "director"


def _step(
    pairing: Pairing, by: User, *, source: str, target: str, refusal: str, code: str, event: str
) -> Pairing:
    """Move a pairing between two statuses, and tell whoever didn't make the move."""
    pairing = _lock_pairing(pairing)
    side = _require_member_or_director(pairing, by)
    if pairing.status != source:
        raise PairingError(refusal, code=code)
    pairing.status = target
    _save(pairing, by, ["status"])
    _tell_others(event, pairing, side, by)
    return pairing


@transaction.atomic
def pairing_pause(*, pairing: Pairing, by: User) -> Pairing:
    return _step(
        pairing,
        by,
        source=PStatus.ACTIVE,
        target=PStatus.PAUSED,
        refusal="Only an active pairing can be paused.",
        code="not_active",
        event="pairing_paused",
    )


@transaction.atomic
def pairing_resume(*, pairing: Pairing, by: User) -> Pairing:
    return _step(
        pairing,
        by,
        source=PStatus.PAUSED,
        target=PStatus.ACTIVE,
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
    pairing = _lock_pairing(pairing)
    side = _require_member_or_director(pairing, by)
    if pairing.status == PStatus.ENDED:
        raise PairingError("This pairing has already ended.", code="already_ended")
    pairing.status, pairing.ended_on, pairing.ended_by = PStatus.ENDED, timezone.localdate(), by
    pairing.end_reason = reason
    fields = ["status", "ended_on", "ended_by", "end_reason"]
    if side in ("mentor", "mentee"):
        setattr(pairing, f"{side}_learned", learned)
        setattr(pairing, f"{side}_carry_forward", carry_forward)
        fields += [f"{side}_learned", f"{side}_carry_forward"]
    _save(pairing, by, fields)
    _tell_others("pairing_ended", pairing, side, by)
    return pairing


@transaction.atomic
def pairing_reflect(*, pairing: Pairing, by: User, learned: str, carry_forward: str) -> Pairing:
    """The other side adds their closing reflection after the pairing ended."""
    pairing = _lock_pairing(pairing)
    side = pairing.side_of(by)
    if side is None:
        raise PairingError(
            "Only the two people of the pairing can reflect on it.", code="not_member"
        )
    if pairing.status != PStatus.ENDED:
        raise PairingError("Reflections come when a pairing ends.", code="not_ended")
    setattr(pairing, f"{side}_learned", learned)
    setattr(pairing, f"{side}_carry_forward", carry_forward)
    _save(pairing, by, [f"{side}_learned", f"{side}_carry_forward"])
    return pairing


@transaction.atomic
def pairing_reassign(
    *, pairing: Pairing, new_mentor: MentorProfile, by: User, reason: str = ""
) -> Pairing:
    """A director moves a mentee to another mentor: the old pairing ends, a new one
    is proposed for both people to confirm."""
    pairing = _lock_pairing(pairing)
    if not is_director_of(by, pairing.program):
        raise PairingError("Only a director of this program can reassign.", code="not_director")
    if not pairing.is_open:
        raise PairingError("Only a current pairing can be reassigned.", code="not_open")
    if new_mentor.pk == pairing.mentor_id:
        raise PairingError("Choose a different mentor.", code="same_mentor")
    pairing_end(pairing=pairing, by=by, reason=reason or f"Reassigned to {new_mentor}.")
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
