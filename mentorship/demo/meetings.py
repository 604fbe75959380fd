"""Demo meetings, notes and commitments, for `seed_demo`: a history of held meetings
every few weeks since each pairing started, a planned next one, private and shared
notes from both sides, and commitments open, done and overdue. All in bulk.

Composed by index, without chance: the same database gets the same history. Each
pairing gets its history once: a pairing that already has a meeting is left alone.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from mentorship.demo.story_meetings import (
    CORE_MEETINGS,
    MEETING_PLACES,
    MENTEE_COMMITMENTS,
    MENTOR_COMMITMENTS,
    NOTE_ANSWERS,
)
from mentorship.meetings.models import PROMPTS, Commitment, Meeting, Note, Side
from mentorship.pairings.models import Pairing

FORMATS = ["in_person", "video", "walk", "in_person", "phone", "video"]
TIMES = [time(7, 0), time(12, 15), time(17, 30), time(18, 0), time(16, 0)]
LENGTHS = [30, 45, 30, 60, 20, 30]


@dataclass
class History:
    """One pairing's meetings, with their notes and commitments, before saving."""

    row: dict
    meetings: list[Meeting] = field(default_factory=list)
    # (meeting index, Note) and (meeting index or None, Commitment): the meetings'
    # primary keys are known only once they are saved.
    notes: list[tuple[int, Note]] = field(default_factory=list)
    commitments: list[tuple[int, Commitment]] = field(default_factory=list)

    def user(self, side: str) -> int:
        return self.row[f"{side}__user_id"]


def _at(day: date, i: int) -> datetime:
    return datetime.combine(day, TIMES[i % len(TIMES)], tzinfo=timezone.get_current_timezone())


def seed_meetings(now) -> tuple[int, int, int]:
    """Meetings, notes and commitments for the demo people's started pairings that
    have no meeting yet. Returns how many meetings, notes and commitments were made."""
    today = timezone.localdate(now)
    rows = (
        Pairing.objects.exclude(status=Pairing.Status.PROPOSED)
        .exclude(started_on=None)
        .filter(mentee__user__email__endswith="@example.com")
        .exclude(Exists(Meeting.objects.filter(pairing=OuterRef("pk"))))
        .values(
            "pk",
            "status",
            "started_on",
            "ended_on",
            "mentor__user_id",
            "mentee__user_id",
            "mentor__user__email",
            "mentee__user__email",
            "program__meeting_target_days",
        )
        .order_by("pk")
    )
    histories = []
    for row in rows:
        story = CORE_MEETINGS.get((row["mentee__user__email"], row["mentor__user__email"]))
        histories.append(
            _core_history(row, story, today) if story else _generated_history(row, today)
        )

    meetings = [m for h in histories for m in h.meetings]
    Meeting.objects.bulk_create(meetings, batch_size=500)
    notes, commitments = [], []
    for history in histories:
        for index, note in history.notes:
            note.meeting_id = history.meetings[index].pk
            notes.append(note)
        for index, commitment in history.commitments:
            commitment.meeting_id = history.meetings[index].pk if index is not None else None
            commitments.append(commitment)
    Note.objects.bulk_create(notes, batch_size=1000)
    Commitment.objects.bulk_create(commitments, batch_size=1000)
    return len(meetings), len(notes), len(commitments)


def _meeting(history: History, starts_at, fmt: str, minutes: int, by: str, **fields) -> Meeting:
    meeting = Meeting(
        pairing_id=history.row["pk"],
        starts_at=starts_at,
        minutes=minutes,
        format=fmt,
        logged_by_id=history.user(by),
        created_at=min(starts_at + timedelta(hours=2), timezone.now()),
        **fields,
    )
    history.meetings.append(meeting)
    return meeting


def _note(history: History, index: int, side: str, prompt: str, answer: str, shared: bool):
    meeting = history.meetings[index]
    history.notes.append(
        (
            index,
            Note(
                author_id=history.user(side),
                prompt=prompt,
                answer=answer,
                visibility=Note.Visibility.SHARED if shared else Note.Visibility.PRIVATE,
                created_at=meeting.created_at,
            ),
        )
    )


def _commitment(history: History, index, owner: str, what: str, due_on, done_at):
    meeting = history.meetings[index] if index is not None else None
    history.commitments.append(
        (
            index,
            Commitment(
                pairing_id=history.row["pk"],
                owner=owner,
                what=what,
                due_on=due_on,
                done_at=done_at,
                created_by_id=meeting.logged_by_id if meeting else history.user(owner),
                created_at=meeting.created_at if meeting else timezone.now(),
            ),
        )
    )


def _core_history(row: dict, story: dict, today: date) -> History:
    """The core people's meetings, word for word from story_meetings.CORE_MEETINGS."""
    history = History(row)
    for n, (days, fmt, minutes) in enumerate(story["held"]):
        day = today - timedelta(days=days)
        _meeting(history, _at(day, n + 1), fmt, minutes, ("mentor", "mentee")[n % 2])
    for index, side, prompt, answer, shared in story["notes"]:
        _note(history, index, side, prompt, answer, shared)
    for index, owner, what, due_in, done in story["commitments"]:
        due_on = today + timedelta(days=due_in)
        done_at = _at(due_on - timedelta(days=2), index) if done else None
        _commitment(history, index, owner, what, due_on, done_at)
    return history


def _generated_history(row: dict, today: date) -> History:
    """Held meetings every two to five weeks since the start; one pairing in seven
    has gone quiet past its program's target. Active pairings that still meet have
    their next meeting planned."""
    history = History(row)
    i = row["pk"]
    step = 14 + (i * 5) % 22
    last = row["ended_on"] or today - timedelta(days=1)
    if row["status"] == Pairing.Status.PAUSED:
        last = today - timedelta(days=20 + i % 30)
    target = row["program__meeting_target_days"]
    quiet = (
        row["status"] == Pairing.Status.ACTIVE
        and i % 7 == 3
        and row["started_on"] < today - timedelta(days=target + 30)
    )
    day = row["started_on"] + timedelta(days=3 + i % 5)
    if quiet:
        # Quiet since a meeting or more: at least the first one was held (the
        # pairing started over target + 30 days ago, so it is quiet past its target).
        last = max(today - timedelta(days=target + 5 + (i * 3) % 40), day)
    days = []
    while day <= last:
        days.append(day)
        day += timedelta(days=step)

    for k, day in enumerate(days):
        fmt = FORMATS[(i + k) % len(FORMATS)]
        _meeting(history, _at(day, i + k), fmt, LENGTHS[(i * 2 + k) % len(LENGTHS)], "mentor")
        if (i + k) % 3 == 0:
            history.meetings[-1].logged_by_id = history.user("mentee")
        _notes_for(history, k, i)
        _commitment_for(history, k, i, days, step, today)

    if row["status"] == Pairing.Status.ACTIVE and not quiet:
        day = today + timedelta(days=2 + i % 18)
        fmt = FORMATS[(i + len(days)) % len(FORMATS)]
        places = MEETING_PLACES[fmt]
        _meeting(
            history,
            _at(day, i),
            fmt,
            LENGTHS[i % len(LENGTHS)],
            ("mentor", "mentee")[i % 2],
            status=Meeting.Status.PLANNED,
            place=places[i % len(places)],
        )
    return history


def _notes_for(history: History, k: int, i: int) -> None:
    """One to three answers from the mentor; most meetings, some from the mentee too.
    About one answer in three is shared."""
    for side, count in (
        (Side.MENTOR, 1 + (i + k) % 3),
        (Side.MENTEE, 0 if (i + k) % 4 == 0 else 1 + (i + 2 * k) % 3),
    ):
        for j, (prompt, _) in enumerate(PROMPTS[side][:count]):
            answers = NOTE_ANSWERS[prompt]
            answer = answers[(i * 3 + k * 5 + j) % len(answers)]
            _note(history, k, side, prompt, answer, shared=(i + k + j) % 3 == 0)


def _commitment_for(
    history: History, k: int, i: int, days: list[date], step: int, today: date
) -> None:
    """One commitment a meeting, due by the next one and kept by then; in one
    pairing in three, the one before last was forgotten (overdue). After the last
    meeting, still open, unless the pairing has ended."""
    owner = (Side.MENTOR, Side.MENTEE)[(i + k) % 2]
    phrases = MENTOR_COMMITMENTS if owner == Side.MENTOR else MENTEE_COMMITMENTS
    due_on = days[k] + timedelta(days=step)
    done_at = None
    forgotten = k == len(days) - 2 and i % 3 == 0
    if k + 1 < len(days) and not forgotten:
        done_at = _at(days[k + 1], i) - timedelta(hours=1)
    elif history.row["status"] == Pairing.Status.ENDED:
        done_at = _at(min(due_on, history.row["ended_on"]), i)
    _commitment(history, k, owner, phrases[(i + k * 7) % len(phrases)], due_on, done_at)
