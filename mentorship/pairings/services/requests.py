"""A request's life: asked, withdrawn, answered with a yes, a no or a question,
expired. A yes makes the pairing."""

from datetime import timedelta
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.site import absolute

from ..asking import obstacle, with_asking_facts
from ..emails import queue_email
from ..models import MentorshipRequest, Pairing
from .changes import (
    PairingError,
    lock_mentor_with_a_place,
    lock_request,
    save_changes,
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


# What the request service says for each of asking.obstacle()'s codes.
CANNOT_ASK = {
    "not_listed": "This mentor isn't listed in your program.",
    "already_paired": "You are already paired with this mentor.",
    "already_pending": "You have already asked this mentor; your request is waiting for an answer.",
    "not_accepting": "This mentor isn't taking new mentees this season.",
    "no_open_places": "There are no open places with this mentor right now.",
    "too_many_pending": (
        "You have {pending} requests waiting for an answer, the most {program} allows "
        "at once. Withdraw one, or wait for an answer, before asking someone new."
    ),
    "near_peer_not_ahead": (
        "This mentor is a near-peer for residents earlier in training than they are, "
        "so you can't ask them. A mentor further along could help you more."
    ),
}


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
    # The mentor and this mentee's requests as they are now, not as the caller read them.
    mentor = (
        MentorProfile.objects.with_open_places().prefetch_related("memberships").get(pk=mentor.pk)
    )
    mentee = with_asking_facts(MenteeProfile.objects.select_related("program"), mentor).get(
        pk=mentee.pk
    )
    if code := obstacle(mentee, mentor):
        refusal = CANNOT_ASK[code].format(pending=mentee.pending_count, program=program)
        raise PairingError(refusal, code=code)
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
    request = lock_request(request)
    _require_mentee(request, by)
    _require_pending(request)
    request.status, request.closed_at, request.closed_by = (
        MentorshipRequest.Status.WITHDRAWN,
        timezone.now(),
        by,
    )
    save_changes(request, by, ["status", "closed_at", "closed_by"])
    queue_email("request_withdrawn", to=[request.mentor.user], request=request)
    return request


@transaction.atomic
def request_accept(*, request: MentorshipRequest, by: User, reply: str = "") -> Pairing:
    """The mentor says yes: a pairing starts, or waits for a director when the
    mentor also evaluates residents."""
    request = lock_request(request)
    _require_mentor(request, by)
    _require_pending(request)
    mentor = lock_mentor_with_a_place(request.mentor)
    if Pairing.objects.open().filter(mentor=mentor, mentee=request.mentee).exists():
        raise PairingError("You are already paired with this mentee.", code="already_paired")
    now = timezone.now()
    request.status, request.closed_at, request.closed_by = (
        MentorshipRequest.Status.ACCEPTED,
        now,
        by,
    )
    request.reply = reply
    save_changes(request, by, ["status", "closed_at", "closed_by", "reply"])
    needs_approval = bool(mentor.evaluative_roles_in(request.program))
    pairing = Pairing(
        mentor=mentor,
        mentee=request.mentee,
        program=request.program,
        origin=Pairing.Origin.REQUEST,
        kind=Pairing.kind_for(mentor, request.program),
        request=request,
        created_by=by,
        mentor_confirmed_at=now,
        mentee_confirmed_at=now,
        needs_conflict_approval=needs_approval,
    )
    if not needs_approval:
        pairing.status, pairing.started_on = Pairing.Status.ACTIVE, timezone.localdate()
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
    request = lock_request(request)
    _require_mentor(request, by)
    _require_pending(request)
    if referred_to is not None:
        if referred_to.pk == request.mentor_id or referred_to.user_id == request.mentee.user_id:
            raise PairingError("Suggest a colleague, not yourself.", code="bad_referral")
        if not referred_to.memberships.approved().filter(program=request.program_id).exists():
            raise PairingError("Suggest a mentor listed in the same program.", code="bad_referral")
    request.status, request.closed_at, request.closed_by = (
        MentorshipRequest.Status.DECLINED,
        timezone.now(),
        by,
    )
    request.reply, request.referred_to, request.referral_reason = (
        reply,
        referred_to,
        referral_reason,
    )
    save_changes(
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
    request = lock_request(request)
    _require_mentor(request, by)
    _require_pending(request)
    if not question.strip():
        raise PairingError("Write the question you'd like answered.", code="empty_question")
    request.question, request.question_asked_at = question, timezone.now()
    request.question_answer, request.question_answered_at = "", None
    save_changes(
        request, by, ["question", "question_asked_at", "question_answer", "question_answered_at"]
    )
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
    request = lock_request(request)
    _require_mentee(request, by)
    _require_pending(request)
    if not request.awaiting_mentee:
        raise PairingError("There is no question waiting for your answer.", code="no_question")
    if not answer.strip():
        raise PairingError("Write your answer before sending it.", code="empty_answer")
    request.question_answer, request.question_answered_at = answer, timezone.now()
    save_changes(request, by, ["question_answer", "question_answered_at"])
    queue_email(
        "request_question_answered",
        to=[request.mentor.user],
        request=request,
        url=absolute(request.get_absolute_url()),
    )
    return request


@transaction.atomic
def request_expire(*, request: MentorshipRequest) -> MentorshipRequest:
    request = lock_request(request)
    _require_pending(request)
    request.status, request.closed_at, request.closed_by = (
        MentorshipRequest.Status.EXPIRED,
        timezone.now(),
        None,
    )
    save_changes(request, None, ["status", "closed_at", "closed_by"])
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
