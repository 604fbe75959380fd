"""Every write about meetings, notes and commitments, one function each.

Only the two people of a pairing log, plan and note its meetings. A change that
can't be made raises Refusal, with a message fit to show.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.models import User
from mentorship.pairings.models import Pairing
from mentorship.refusal import Refusal
from mentorship.site import absolute

from .emails import queue_email
from .models import PROMPTS, Commitment, Meeting, Note, Nudge, Side

# A session may be logged a little ahead of the clock (time zones, a slow phone).
LOG_SLACK = timedelta(hours=12)


@dataclass(frozen=True)
class NoteInput:
    prompt: str
    answer: str
    shared: bool = False


@dataclass(frozen=True)
class CommitmentInput:
    owner: str  # Side.MENTOR or Side.MENTEE
    what: str
    due_on: date | None = None


def _side(pairing: Pairing, by: User) -> str:
    side = pairing.side_of(by) if by.is_authenticated else None
    if side is None:
        raise Refusal("Only the two people of the pairing can do this.", code="not_member")
    return side


def _require_running(pairing: Pairing) -> None:
    if not pairing.is_running:
        raise Refusal("Meetings are logged for active or paused pairings only.", code="not_running")


def _save_notes(meeting: Meeting, by: User, side: str, notes: Iterable[NoteInput]) -> list[Note]:
    allowed = {key for key, _ in PROMPTS[side]}
    saved = []
    for note in notes:
        if note.prompt not in allowed:
            raise Refusal("That question isn't one of yours.", code="bad_prompt")
        if not note.answer.strip():
            continue
        saved.append(
            Note.objects.update_or_create(
                meeting=meeting,
                author=by,
                prompt=note.prompt,
                defaults={
                    "answer": note.answer,
                    "visibility": Note.Visibility.SHARED
                    if note.shared
                    else Note.Visibility.PRIVATE,
                },
            )[0]
        )
    return saved


def _add_commitments(
    pairing: Pairing, meeting: Meeting | None, by: User, commitments: Iterable[CommitmentInput]
) -> list[Commitment]:
    added = []
    for item in commitments:
        if item.owner not in Side.values:
            raise Refusal("Say who will do it: the mentor or the mentee.", code="bad_owner")
        if not item.what.strip():
            continue
        added.append(
            Commitment.objects.create(
                pairing=pairing,
                meeting=meeting,
                owner=item.owner,
                what=item.what.strip(),
                due_on=item.due_on,
                created_by=by,
            )
        )
    return added


def _made_by(form_token: UUID | None, pairing: Pairing) -> Meeting | None:
    """The meeting of this pairing an earlier submit of the same form made. The
    pairing's row is locked, so a racing twin waits here for the first to finish."""
    if not form_token:
        return None
    return Meeting.objects.filter(form_token=form_token, pairing=pairing).first()


def _unused(form_token: UUID | None) -> UUID | None:
    """The token, unless another pairing's meeting holds it (a crafted form)."""
    if form_token and Meeting.objects.filter(form_token=form_token).exists():
        return None
    return form_token


def _own_open_commitments(pairing: Pairing, commitments: Iterable[Commitment]) -> list[Commitment]:
    chosen = list(commitments)
    for commitment in chosen:
        if commitment.pairing_id != pairing.pk:
            raise Refusal("That commitment belongs to another pairing.", code="not_member")
    return [c for c in chosen if not c.is_done]


@transaction.atomic
def meeting_log(
    *,
    pairing: Pairing,
    by: User,
    starts_at: datetime,
    minutes: int,
    format: str,
    notes: Iterable[NoteInput] = (),
    commitments: Iterable[CommitmentInput] = (),
    done: Iterable[Commitment] = (),
    carried: dict[Commitment, date] | None = None,
    planned: Meeting | None = None,
    now: datetime | None = None,
    form_token: UUID | None = None,
) -> Meeting:
    """Log a session that happened: when, how long, how; the author's notes; new
    commitments; and what became of the ones still open from last time. A second
    submit of the same form (`form_token`) answers with the meeting it logged."""
    now = now or timezone.now()
    pairing = (
        Pairing.objects.select_for_update(of=("self",))
        .select_related("mentor__user", "mentee__user")
        .get(pk=pairing.pk)
    )
    side = _side(pairing, by)
    if made := _made_by(form_token, pairing):
        return made
    _require_running(pairing)
    if starts_at > now + LOG_SLACK:
        raise Refusal(
            "A session you log has already happened; plan the next one instead.",
            code="in_the_future",
        )
    if planned is not None:
        meeting = Meeting.objects.select_for_update().get(pk=planned.pk)
        if meeting.pairing_id != pairing.pk or meeting.status != Meeting.Status.PLANNED:
            raise Refusal("That isn't a planned meeting of this pairing.", code="not_planned")
        meeting.starts_at, meeting.minutes, meeting.format = starts_at, minutes, format
        meeting.status, meeting.logged_by = Meeting.Status.HELD, by
        meeting.form_token = _unused(form_token)
        meeting.full_clean(exclude=["pairing", "logged_by"])
        meeting.save()
    else:
        meeting = Meeting(
            pairing=pairing,
            starts_at=starts_at,
            minutes=minutes,
            format=format,
            status=Meeting.Status.HELD,
            logged_by=by,
            form_token=_unused(form_token),
        )
        meeting.full_clean(exclude=["pairing", "logged_by"])
        meeting.save()
    _save_notes(meeting, by, side, notes)
    _add_commitments(pairing, meeting, by, commitments)
    for commitment in _own_open_commitments(pairing, done):
        commitment.done_at = now
        commitment.save(update_fields=["done_at"])
    for commitment, due_on in (carried or {}).items():
        for open_one in _own_open_commitments(pairing, [commitment]):
            open_one.due_on = due_on
            open_one.save(update_fields=["due_on"])
    return meeting


@transaction.atomic
def meeting_plan(
    *,
    pairing: Pairing,
    by: User,
    starts_at: datetime,
    minutes: int,
    format: str,
    place: str = "",
    now: datetime | None = None,
    form_token: UUID | None = None,
) -> Meeting:
    """Plan the next meeting; both people get an e-mail with a calendar file. A second
    submit of the same form (`form_token`) answers with the meeting it planned."""
    now = now or timezone.now()
    pairing = (
        Pairing.objects.select_for_update(of=("self",))
        .select_related("mentor__user", "mentee__user")
        .get(pk=pairing.pk)
    )
    _side(pairing, by)
    if made := _made_by(form_token, pairing):
        return made
    if pairing.status != Pairing.Status.ACTIVE:
        raise Refusal("Meetings are planned for active pairings.", code="not_active")
    if starts_at <= now:
        raise Refusal("Choose a time that hasn't passed yet.", code="in_the_past")
    meeting = Meeting(
        pairing=pairing,
        starts_at=starts_at,
        minutes=minutes,
        format=format,
        place=place,
        status=Meeting.Status.PLANNED,
        logged_by=by,
        form_token=_unused(form_token),
    )
    meeting.full_clean(exclude=["pairing", "logged_by"])
    meeting.save()
    queue_email(
        "meeting_planned",
        to=[pairing.mentor.user, pairing.mentee.user],
        calendar=meeting,
        meeting=meeting,
        pairing=pairing,
        by=by,
        url=absolute(pairing.get_absolute_url()),
    )
    return meeting


@transaction.atomic
def note_update(*, note: Note, by: User, answer: str, shared: bool) -> Note:
    """The author edits their answer, or changes who can read it."""
    note = Note.objects.select_for_update().get(pk=note.pk)
    if note.author_id != by.pk:
        raise Refusal("Only the person who wrote a note can change it.", code="not_author")
    if not answer.strip():
        raise Refusal("Write something, or leave the note as it was.", code="empty_note")
    note.answer = answer
    note.visibility = Note.Visibility.SHARED if shared else Note.Visibility.PRIVATE
    note.save(update_fields=["answer", "visibility", "updated_at"])
    return note


@transaction.atomic
def commitment_add(
    *, pairing: Pairing, by: User, item: CommitmentInput, meeting: Meeting | None = None
) -> Commitment:
    pairing = Pairing.objects.select_for_update(of=("self",)).get(pk=pairing.pk)  # as it is now
    _side(pairing, by)
    _require_running(pairing)
    added = _add_commitments(pairing, meeting, by, [item])
    if not added:
        raise Refusal("Say what will be done.", code="empty_commitment")
    return added[0]


@transaction.atomic
def commitment_complete(*, commitment: Commitment, by: User, now=None) -> Commitment:
    commitment = (
        Commitment.objects.select_for_update().select_related("pairing").get(pk=commitment.pk)
    )
    _side(commitment.pairing, by)
    if commitment.is_done:
        raise Refusal("That one is already done.", code="already_done")
    commitment.done_at = now or timezone.now()
    commitment.save(update_fields=["done_at"])
    return commitment


@transaction.atomic
def commitment_carry(*, commitment: Commitment, by: User, due_on: date) -> Commitment:
    """Carry an open commitment forward to a new date."""
    commitment = (
        Commitment.objects.select_for_update().select_related("pairing").get(pk=commitment.pk)
    )
    _side(commitment.pairing, by)
    if commitment.is_done:
        raise Refusal("That one is already done.", code="already_done")
    commitment.due_on = due_on
    commitment.save(update_fields=["due_on"])
    return commitment


# --- the daily jobs -----------------------------------------------------------


def meetings_send_reminders(*, now: datetime | None = None) -> int:
    """E-mail both people the day before a planned meeting, once per meeting."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    due = (
        Meeting.objects.planned()
        # A pairing that was paused or ended since has no meeting to be reminded of.
        .filter(
            starts_at__date=tomorrow,
            reminder_sent_at__isnull=True,
            pairing__status=Pairing.Status.ACTIVE,
        )
        .select_related("pairing__mentor__user", "pairing__mentee__user")
    )
    sent = 0
    for meeting in due:
        with transaction.atomic():
            # Claim it first: a second run, or a second worker, finds nothing to do.
            claimed = Meeting.objects.filter(pk=meeting.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if not claimed:
                continue
            pairing = meeting.pairing
            queue_email(
                "meeting_reminder",
                to=[pairing.mentor.user, pairing.mentee.user],
                calendar=meeting,
                meeting=meeting,
                pairing=pairing,
                url=absolute(pairing.get_absolute_url()),
            )
            sent += 1
    return sent


def pairings_quiet(*, today: date | None = None):
    """Active pairings quiet longer than their program's target on `today`
    (Pairing.days_quiet), with their meeting figures and program read."""
    today = today or timezone.localdate()
    pairings = (
        Pairing.objects.filter(status=Pairing.Status.ACTIVE)
        .with_meeting_figures()
        .select_related("program", "mentor__user", "mentee__user")
    )
    for pairing in pairings:
        if pairing.days_quiet(today):
            yield pairing


def _nudge(pairing: Pairing, *, now: datetime, days_quiet: int) -> None:
    """The gentle e-mail to both people of `pairing`, and its Nudge row."""
    Nudge.objects.create(pairing=pairing, sent_at=now, days_quiet=days_quiet)
    for person, other in (
        (pairing.mentor.user, pairing.mentee.user),
        (pairing.mentee.user, pairing.mentor.user),
    ):
        queue_email(
            "pairing_quiet",
            to=[person],
            pairing=pairing,
            other=other,
            days=days_quiet,
            url=absolute(pairing.get_absolute_url()),
        )


def pairings_nudge_quiet(*, now: datetime | None = None) -> int:
    """One gentle nudge to both people of each quiet pairing, at most once per
    target period of its program."""
    now = now or timezone.now()
    sent = 0
    today = timezone.localdate(now)
    for pairing in pairings_quiet(today=today):
        days_quiet = pairing.days_quiet(today)
        period = timedelta(days=pairing.program.meeting_target_days)
        with transaction.atomic():
            # Lock the pairing so two runs at once can't both nudge it.
            list(Pairing.objects.select_for_update().filter(pk=pairing.pk).values_list("pk"))
            if Nudge.objects.filter(pairing=pairing, sent_at__gt=now - period).exists():
                continue
            _nudge(pairing, now=now, days_quiet=days_quiet)
            sent += 1
    return sent


def pairings_nudge_chosen(*, pairing_ids, by: User, now: datetime | None = None) -> int:
    """A director's nudge (the health dashboard's list): the same gentle e-mail to
    both people of each active pairing among `pairing_ids` in the programs `by`
    directs. Others' ids, and pairings not active, are passed over; so is a pairing
    nudged in the last day (a second press of the button). Returns how many were."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    recent = Nudge.objects.filter(pairing=OuterRef("pk"), sent_at__gt=now - timedelta(days=1))
    chosen = (
        Pairing.objects.directed_by(by)
        .filter(pk__in=pairing_ids, status=Pairing.Status.ACTIVE)
        .exclude(Exists(recent))
        .with_meeting_figures()
        .select_related("program", "mentor__user", "mentee__user")
    )
    sent = 0
    with transaction.atomic():
        for pairing in chosen:
            _nudge(pairing, now=now, days_quiet=pairing.days_since_met(today) or 0)
            sent += 1
    return sent
