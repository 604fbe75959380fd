"""The demo's check-ins: the calendar replayed from the start of the academic
year to today, as the daily job would have sent it. Most people answer
within three days and about one in eight never does (so the totals by level
show once a month's check-ins have closed; by mentor type the groups are too
small, and the page says so), ratings
mostly warm, and one low pulse: Sam's, of his quiet pairing with Dana, which puts
a "check in" task on the director's list. What opened in the last few days is
still filling up.

A second run replays the days since the last check-in opened: each period is
sent once, so it adds only what came due since, and answers what it adds.
"""

import hashlib
from datetime import datetime, timedelta

from mentorship.checkins.models import PROGRAM_KINDS, Checkin, Fit, Format, Kind
from mentorship.checkins.services import (
    checkin_answer,
    checkins_open_due,
    checkins_send_due,
    due_days,
    questions_for,
)
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear

LOW = ("mentee@example.com", "mentor@example.com")  # Sam, of his pairing with Dana
WORDS = {
    "help": [
        "A standing time each month, so we stop rescheduling.",
        "Meeting over coffee rather than between cases.",
        "An introduction to someone in research.",
    ],
    "fit_why": [
        "She asks the questions I wouldn't have thought to ask myself.",
        "We're still finding a rhythm around my call schedule.",
        "Talking through my first nights on call.",
    ],
    "better": [
        "More chances to meet other mentors, not only my own.",
        "A reminder before the month's meeting, so it doesn't slip.",
    ],
    "keep": ["Keep the Match Day: it made asking easy."],
}


def _share(*parts) -> int:
    """A number from 0 to 99 fixed by `parts`: the same person answers, or not, on
    every run of the demo."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:2], "big") % 100


def seed_checkins(residency: Program, now: datetime) -> tuple[int, int]:
    """Replay the calendar of the residency's year to today, on the days something
    falls due. Returns how many check-ins it opened and how many of those were
    answered."""
    today = now.date()
    year = AcademicYear.objects.filter(program=residency, starts_on__lte=today).order_by(
        "-starts_on"
    )
    first = year.values_list("starts_on", flat=True).first() or today - timedelta(days=150)
    # A second run picks up where the first stopped: the days before were replayed.
    if last := Checkin.objects.order_by("-opened_on").values_list("opened_on", flat=True).first():
        first = max(first, last)
    opened = answered = 0
    for day in due_days(residency.pk, first, today):
        for checkin in checkins_open_due(residency.pk, day):
            opened += 1
            answered += _answer(checkin, today)
    # Today's round as the daily job runs it: what reached day 14 closes (the
    # unanswered), reminders go out (kept in memory, as all the demo's e-mail).
    checkins_send_due(today)
    return opened, answered


def _answer(checkin: Checkin, today) -> int:
    """Answer `checkin` the way its person would, on a day of its first week, or
    leave it unanswered; 1 when answered."""
    share = _share(checkin.person.email, checkin.period)
    low = (
        checkin.kind == Kind.PULSE
        and checkin.pairing
        and (checkin.pairing.mentee.user.email, checkin.pairing.mentor.user.email) == LOW
    )
    # Most answer within three days; about one in eight never does, and theirs have
    # closed by now (a month's answers add up once none of it is open).
    after = 1 + share % 3
    # A survey of the whole program, sent to everyone on one day, is still filling
    # up in its first fortnight.
    never = share >= 88 and (
        checkin.kind in PROGRAM_KINDS or checkin.opened_on + timedelta(days=14) <= today
    )
    if not low and (never or checkin.opened_on + timedelta(days=after) > today):
        return 0
    answers = {}
    for question in questions_for(checkin):
        answers[question.pk] = _value(question, share, low)
    checkin_answer(checkin=checkin, by=checkin.person, answers=answers, today=checkin.opened_on)
    at = datetime.combine(
        min(checkin.opened_on + timedelta(days=after), today), datetime.min.time()
    ).replace(hour=19, tzinfo=checkin.created_at.tzinfo)
    Checkin.objects.filter(pk=checkin.pk).update(answered_at=at)
    return 1


def _value(question, share: int, low: bool) -> tuple:
    """(number, text) for one question."""
    if question.format == Format.SCALE:
        return (2 if low else (5, 4, 4, 5, 3)[share % 5], "")
    if question.format == Format.FIT:
        return (Fit.DECIDING if share % 9 == 0 else Fit.GOOD, "")
    if question.format == Format.YES_NO:
        if question.audience == "wellness":
            return (0, "")
        return (0 if low or share % 7 == 0 else 1, "")
    words = WORDS.get(question.key, [])
    if words and share % 3 == 0:
        return (None, words[share % len(words)])
    return (None, "")
