"""Sending check-ins on the residency calendar, reminding, closing, and answering.

checkins_send_due(today) is the day's whole round, from the daily task or the
`send_checkins` command, with the day passed in (never slept for): it closes
what reached day 14, reminds on days 3 and 7, then opens what is due today. Each
period is asked once: a unique constraint holds a check-in per person and period,
and a program's sending runs under a lock on its row, so two runs at once send
each check-in once.

The calendar:
- pairing fit, both sides: after the first held meeting, or day 21 without one
  (a pairing more than FIT_LATEST_DAY days old is not asked any more);
- pulse, the mentee: day 30 and 90 of a pairing, then every 90 days;
- mid-year, everyone in the program: the first run in early December (1 to 14);
- end of year, everyone: the first run in early May, after the ACGME survey's
  January-to-April window;
- closing reflection, each side that hasn't written one: when the pairing ends.
"""

import contextlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Exists, Min, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.emails import queue_email
from mentorship.meetings.models import Meeting
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership
from mentorship.pairings.models import Pairing
from mentorship.pairings.services import PairingError, pairing_reflect
from mentorship.programs.models import Program
from mentorship.refusal import Refusal
from mentorship.site import absolute
from mentorship.support.models import SupportSetup
from mentorship.support.services import support_message_send
from mentorship.years.models import Appointment, Level

from .models import (
    MAX_QUESTIONS,
    OPEN_DAYS,
    REMIND_ON_DAYS,
    Answer,
    Audience,
    Checkin,
    Fit,
    FollowUp,
    Format,
    Kind,
    Question,
)

FIT_AFTER_DAYS = 21
FIT_LATEST_DAY = 60
PULSE_FIRST = 30
PULSE_EVERY = 90
LOW_PULSE = 2
# Months after the year's first month that each survey opens: December and May
# for a year from July.
PROGRAM_SURVEYS = {Kind.MIDYEAR: 5, Kind.END_OF_YEAR: 10}
SURVEY_OPEN_DAYS = 14  # from the 1st: a run on the 1st to the 14th opens it


class CheckinError(Refusal):
    pass


@dataclass
class Sent:
    opened: int = 0
    reminded: int = 0
    closed: int = 0
    by_kind: dict = field(default_factory=dict)


def pulse_day(started_on: date, today: date) -> int | None:
    """The pulse period (day 30, 90, 180, ...) due on `today`: the latest one reached,
    while its check-in would still be open. None before day 30."""
    age = (today - started_on).days
    if age < PULSE_FIRST:
        return None
    day = PULSE_FIRST if age < PULSE_EVERY else age // PULSE_EVERY * PULSE_EVERY
    return day if age - day < OPEN_DAYS else None


def survey_period(program: Program, kind: str, today: date) -> str | None:
    """The survey of `kind` the program's year holds from its first to its 14th day
    in the month it falls in, named by the year's first: for a year from 1 July,
    "midyear-2026" on 1 to 14 December 2026 and "end_of_year-2026" on 1 to 14 May
    2027 (after the ACGME survey's January to April). Else None."""
    if today.day > SURVEY_OPEN_DAYS:
        return None
    start = program.year_start_on_or_before(today)
    months_in = (today.year - start.year) * 12 + today.month - start.month
    if months_in != PROGRAM_SURVEYS[kind]:
        return None
    return f"{kind}-{start.year}"


def questions_for(checkin: Checkin) -> list[Question]:
    """The questions this check-in asks this person: the built-in ones, then the
    program's own, those asked of their side, at most MAX_QUESTIONS."""
    questions = Question.objects.for_program(checkin.program_id, checkin.kind)
    return [q for q in questions if q.asked_of(checkin.side)][:MAX_QUESTIONS]


def checkins_send_due(today: date | None = None) -> Sent:
    """Close, remind and open the check-ins of `today` (the site's today)."""
    today = today or timezone.localdate()
    sent = Sent()
    sent.closed = _close(today)
    sent.reminded = _remind(today)
    for program_id in Program.objects.values_list("pk", flat=True):
        made = checkins_open_due(program_id, today)
        for checkin in made:
            sent.by_kind[checkin.kind] = sent.by_kind.get(checkin.kind, 0) + 1
        sent.opened += len(made)
    return sent


def checkins_open_due(program_id: int, today: date) -> list[Checkin]:
    """Open one program's check-ins due `today`, under a lock on its row (a second
    run at the same time waits, then finds them made). Returns those it opened."""
    with transaction.atomic():
        program = Program.objects.select_for_update().get(pk=program_id)
        return _open(program, today)


def due_days(program_id: int, since: date, until: date) -> list[date]:
    """The days from `since` to `until` on which something of the program's calendar
    falls (a pairing's day 21, 30 or every 90th, its first meeting, its end, the
    program's surveys): the only days a replay of the calendar needs to open."""
    days = set()
    pairings = Pairing.objects.filter(program_id=program_id, started_on__isnull=False)
    for started_on, ended_on in pairings.values_list("started_on", "ended_on"):
        days.add(started_on + timedelta(days=FIT_AFTER_DAYS))
        days.add(started_on + timedelta(days=PULSE_FIRST))
        age = PULSE_EVERY
        while started_on + timedelta(days=age) <= until:
            days.add(started_on + timedelta(days=age))
            age += PULSE_EVERY
        if ended_on:
            days.add(ended_on)
    firsts = (
        Meeting.objects.filter(pairing__program_id=program_id, status=Meeting.Status.HELD)
        .values("pairing_id")
        .annotate(first=Min("starts_at"))
        .values_list("first", flat=True)
    )
    days |= {timezone.localdate(first) for first in firsts}
    program = Program.objects.get(pk=program_id)
    for year in range(since.year - 1, until.year + 1):
        for months in PROGRAM_SURVEYS.values():
            month = program.year_starts_month - 1 + months
            days.add(date(year + month // 12, month % 12 + 1, 1))
    return sorted(d for d in days if since <= d <= until)


def _close(today: date) -> int:
    return (
        Checkin.objects.open()
        .filter(closes_on__lte=today)
        .update(status=Checkin.Status.CLOSED, closed_at=timezone.now())
    )


def _remind(today: date) -> int:
    """Day 3 and day 7, once each; a run that missed day 3 and comes on day 8 sends
    one reminder, not two."""
    reminded = 0
    for number, day in enumerate(REMIND_ON_DAYS, start=1):
        due = Checkin.objects.open().filter(
            reminders_sent__lt=number, opened_on__lte=today - timedelta(days=day)
        )
        if number < len(REMIND_ON_DAYS):
            later = REMIND_ON_DAYS[number]
            due = due.filter(opened_on__gt=today - timedelta(days=later))
        with transaction.atomic():
            rows = list(
                due.select_for_update(of=("self",), skip_locked=True).select_related(
                    "person", "program", "pairing__mentor__user", "pairing__mentee__user"
                )
            )
            Checkin.objects.filter(pk__in=[c.pk for c in rows]).update(reminders_sent=number)
            for checkin in rows:
                _email(checkin, "checkins/email/reminder")
        reminded += len(rows)
    return reminded


def _email(checkin: Checkin, template: str) -> None:
    queue_email(
        template,
        to=[checkin.person],
        checkin=checkin,
        url=absolute(reverse("checkins:answer", args=[checkin.pk])),
    )


def _open(program: Program, today: date) -> list[Checkin]:
    wanted: list[Checkin] = []
    pairings = Pairing.objects.filter(program=program)
    running = pairings.filter(status=Pairing.Status.ACTIVE, started_on__isnull=False)
    held = Meeting.objects.filter(
        pairing=OuterRef("pk"), status=Meeting.Status.HELD, starts_at__date__lte=today
    )
    # Every period each pairing's people were asked, however long ago: a pairing
    # whose start was moved would otherwise be asked a period it had, and the
    # unique constraint would stop the day's run for every program after it.
    existing = set(
        Checkin.objects.filter(program=program, pairing__isnull=False).values_list(
            "pairing_id", "person_id", "period"
        )
    )
    people = list(
        running.filter(started_on__gte=today - timedelta(days=FIT_LATEST_DAY))
        .filter(Q(started_on__lte=today - timedelta(days=FIT_AFTER_DAYS)) | Q(Exists(held)))
        .select_related("mentor__user", "mentee__user")
    )
    for pairing in people:
        for side in ("mentee", "mentor"):
            wanted.append(_new(program, today, Kind.FIT, "fit", side=side, pairing=pairing))
    for pairing in running.filter(
        started_on__lte=today - timedelta(days=PULSE_FIRST)
    ).select_related("mentee"):
        day = pulse_day(pairing.started_on, today)
        if day is not None:
            wanted.append(_new(program, today, Kind.PULSE, f"pulse-{day}", "mentee", pairing))
    ended = pairings.filter(
        status=Pairing.Status.ENDED,
        ended_on__gt=today - timedelta(days=OPEN_DAYS),
        ended_on__lte=today,
    ).select_related("mentor__user", "mentee__user")
    for pairing in ended:
        for side in ("mentee", "mentor"):
            if not (
                getattr(pairing, f"{side}_learned") or getattr(pairing, f"{side}_carry_forward")
            ):
                wanted.append(_new(program, today, Kind.CLOSING, "closing", side, pairing))
    wanted = [c for c in wanted if (c.pairing_id, c.person_id, c.period) not in existing]
    for kind in PROGRAM_SURVEYS:
        if period := survey_period(program, kind, today):
            wanted += _survey(program, today, kind, period)
    _levels(program, today, wanted)
    # PostgreSQL and SQLite (3.35 and later) give bulk_create the new ids back.
    Checkin.objects.bulk_create(wanted)
    for checkin in wanted:
        _email(checkin, "checkins/email/opened")
    return wanted


def _new(program, today, kind, period, side, pairing=None, person=None) -> Checkin:
    if pairing is not None:
        person = getattr(pairing, side).user
    checkin = Checkin(
        program=program,
        person_id=person.pk if hasattr(person, "pk") else person,
        pairing=pairing,
        side=side,
        kind=kind,
        period=period,
        mentor_kind=pairing.kind if pairing else "",
        opened_on=today,
        closes_on=Checkin.closing_day(today),
    )
    checkin.fallback_level = (
        getattr(pairing.mentee, "training_level", "") if pairing and side == "mentee" else ""
    )
    return checkin


def _survey(program: Program, today: date, kind: str, period: str) -> list[Checkin]:
    """Everyone in the program not yet asked this period: its mentees, then its
    approved mentors (a person who is both is asked once, as a mentee)."""
    asked = set(
        Checkin.objects.filter(program=program, period=period).values_list("person_id", flat=True)
    )
    mentees = dict(
        MenteeProfile.objects.filter(program=program, user__is_active=True).values_list(
            "user_id", "training_level"
        )
    )
    mentors = Membership.objects.approved().filter(program=program, mentor__user__is_active=True)
    made = []
    for user_id, level in mentees.items():
        if user_id not in asked:
            checkin = _new(program, today, kind, period, "mentee", person=user_id)
            checkin.fallback_level = level
            made.append(checkin)
    for user_id in mentors.values_list("mentor__user_id", flat=True).distinct():
        if user_id not in asked and user_id not in mentees:
            made.append(_new(program, today, kind, period, "mentor", person=user_id))
    return made


def _levels(program: Program, today: date, checkins: list[Checkin]) -> None:
    """Each person's level today from their appointment of the year, else the level
    on their mentee profile, else faculty for a faculty mentor."""
    levels = dict(
        Appointment.objects.current(today)
        .filter(year__program=program, user_id__in={c.person_id for c in checkins})
        .values_list("user_id", "level")
    )
    for checkin in checkins:
        checkin.level = levels.get(checkin.person_id) or checkin.fallback_level
        if not checkin.level and checkin.side == "mentor" and checkin.mentor_kind != "near_peer":
            checkin.level = Level.FACULTY


# Answering -------------------------------------------------------------------


@dataclass
class Answered:
    checkin: Checkin
    wellness_told: bool = False
    wellness_missing: bool = False
    wellness_is_mentor: bool = False
    new_mentor_asked: bool = False


@transaction.atomic
def checkin_answer(
    *, checkin: Checkin, by: User, answers: dict[int, tuple], today: date | None = None
) -> Answered:
    """`by` answers their check-in on `today` (the site's today): `answers` maps
    question ids to (number, text). Raises CheckinError when it isn't theirs to
    answer, or no longer open."""
    today = today or timezone.localdate()
    checkin = (
        Checkin.objects.select_for_update(of=("self",))
        .select_related("program", "pairing__mentor__user", "pairing__mentee__user")
        .get(pk=checkin.pk)
    )
    if checkin.person_id != by.pk:
        raise CheckinError("Only the person asked can answer this check-in.", "not_yours")
    if checkin.status == Checkin.Status.ANSWERED:
        raise CheckinError("You've already answered this check-in. Thank you.", "answered")
    # Closed on day 14, whether or not the daily job has come by yet today.
    if checkin.status == Checkin.Status.CLOSED or checkin.closes_on <= today:
        raise CheckinError(
            f"This check-in closed on {checkin.closes_on:%-d %B}; the next one will come "
            "in its time.",
            "closed",
        )
    questions = questions_for(checkin)
    rows = []
    for question in questions:
        number, text = answers.get(question.pk, (None, ""))
        if number is None and not (text or "").strip():
            if question.required:
                raise CheckinError(f"Please answer “{question.text}”", "required")
            continue
        rows.append(
            Answer(
                checkin=checkin,
                question=question,
                number=number,
                text=(text or "").strip(),
                audience=question.audience,
            )
        )
    Answer.objects.bulk_create(rows)
    checkin.status, checkin.answered_at = Checkin.Status.ANSWERED, timezone.now()
    checkin.save(update_fields=["status", "answered_at"])
    result = Answered(checkin=checkin)
    by_key = {a.question.key: a for a in rows if a.question.program_id is None}
    _after(checkin, by, rows, by_key, result)
    return result


def _after(checkin: Checkin, by: User, rows: list[Answer], by_key: dict, result: Answered):
    """What an answer sets going: a request for a new mentor, a task for the director,
    a word to the wellness contact, the closing reflection on the pairing."""
    fit = by_key.get("fit")
    if checkin.kind == Kind.FIT and fit and fit.number == Fit.NOT:
        mentee = checkin.side == "mentee"
        _follow_up(
            checkin,
            FollowUp.Reason.NOT_A_FIT if mentee else FollowUp.Reason.MENTOR_NOT_A_FIT,
            f"{by.get_full_name() or by.email} answered “not a good fit” in the pairing-fit "
            + ("check-in and would like help finding a new mentor." if mentee else "check-in."),
        )
        result.new_mentor_asked = mentee
    useful = by_key.get("useful")
    if checkin.kind == Kind.PULSE and useful and useful.number is not None:
        _pulse_follow_up(checkin, useful)
    for answer in rows:
        if (
            answer.audience == Audience.WELLNESS
            and answer.question.format == Format.YES_NO
            and answer.number == 1
        ):
            # "Outside my pairing": never to the person's own mentor, should the
            # program have named their mentor its wellness contact.
            contact = SupportSetup.objects.filter(program=checkin.program).values_list(
                "contact_id", flat=True
            )
            if checkin.pairing and checkin.pairing.mentor.user_id in contact:
                result.wellness_is_mentor = True
                continue
            try:
                support_message_send(
                    program=checkin.program,
                    by=by,
                    body="I asked, in a check-in, for support from someone outside my "
                    "pairing. Could we find a time to talk?",
                )
                result.wellness_told = True
            except Refusal:
                result.wellness_missing = True
    if checkin.kind == Kind.CLOSING and checkin.pairing:
        learned, carry = by_key.get("learned"), by_key.get("carry")
        if learned or carry:
            with contextlib.suppress(PairingError):
                pairing_reflect(
                    pairing=checkin.pairing,
                    by=by,
                    learned=learned.text if learned else "",
                    carry_forward=carry.text if carry else "",
                )


def _pulse_follow_up(checkin: Checkin, useful: Answer) -> None:
    """A pulse of LOW_PULSE or less, or the second drop in a row, puts a "check in"
    task on the director's list. Its words quote the number only when the question
    lets the director read it by name."""
    by_name = useful.audience == Audience.DIRECTOR
    if useful.number <= LOW_PULSE:
        detail = (
            f"Rated this mentorship {useful.number} of 5 in a pulse check-in."
            if by_name
            else "A recent pulse check-in suggests this pairing could use a word from you."
        )
        _follow_up(checkin, FollowUp.Reason.LOW_PULSE, detail)
        return
    earlier = list(
        Answer.objects.filter(
            question=useful.question,
            checkin__pairing=checkin.pairing,
            checkin__person=checkin.person,
            checkin__answered_at__isnull=False,
            number__isnull=False,
        )
        .exclude(checkin=checkin)
        .order_by("-checkin__answered_at")
        .values_list("number", flat=True)[:2]
    )
    if len(earlier) == 2 and earlier[1] > earlier[0] > useful.number:
        detail = (
            f"Pulse ratings have dropped twice in a row: {earlier[1]}, {earlier[0]}, "
            f"then {useful.number} of 5."
            if by_name
            else "The last pulse check-ins have dropped twice in a row."
        )
        _follow_up(checkin, FollowUp.Reason.DROPS, detail)


def _follow_up(checkin: Checkin, reason: str, detail: str) -> FollowUp:
    follow_up = FollowUp.objects.create(
        program=checkin.program,
        pairing=checkin.pairing,
        checkin=checkin,
        reason=reason,
        detail=detail,
    )
    directors = list(checkin.program.directors.filter(is_active=True))
    if directors and reason in (FollowUp.Reason.NOT_A_FIT, FollowUp.Reason.MENTOR_NOT_A_FIT):
        queue_email(
            "checkins/email/follow_up",
            to=directors,
            follow_up=follow_up,
            url=absolute(reverse("checkins:follow_ups")),
        )
    return follow_up


@transaction.atomic
def follow_up_done(*, follow_up: FollowUp, by: User, note: str = "") -> FollowUp:
    """A director marks a task done, with a word on what they did."""
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if not Program.objects.directed_by(by).filter(pk=follow_up.program_id).exists():
        raise CheckinError("Only the program's directors can do this.", "not_director")
    if follow_up.done_at is None:
        follow_up.done_at, follow_up.done_by, follow_up.done_note = timezone.now(), by, note[:300]
        follow_up.save(update_fields=["done_at", "done_by", "done_note"])
    return follow_up


# A director's reminder -----------------------------------------------------


def remindable(checkin: Checkin, today: date) -> bool:
    """Whether a director's reminder may go to this check-in today: still open, not
    reminded by hand today already, and not on the day it opened or a day the
    automatic reminder goes (REMIND_ON_DAYS), so nobody hears twice in a day."""
    return (
        checkin.status == Checkin.Status.OPEN
        and checkin.last_reminded_on != today
        and (today - checkin.opened_on).days not in (0, *REMIND_ON_DAYS)
    )


@transaction.atomic
def checkins_remind(*, checkins, by: User, today: date | None = None) -> int:
    """A director reminds those of `checkins` (a queryset) who haven't answered yet:
    the reminder e-mail again, at most once a day each. Returns how many were sent."""
    today = today or timezone.localdate()
    rows = list(
        checkins.open()
        .select_for_update(of=("self",))
        .select_related("person", "program", "pairing__mentor__user", "pairing__mentee__user")
    )
    programs = {c.program_id for c in rows}
    if Program.objects.directed_by(by).filter(pk__in=programs).count() != len(programs):
        raise CheckinError("Only the program's directors can do this.", "not_director")
    due = [c for c in rows if remindable(c, today)]
    Checkin.objects.filter(pk__in=[c.pk for c in due]).update(last_reminded_on=today)
    for checkin in due:
        _email(checkin, "checkins/email/reminder")
    return len(due)
