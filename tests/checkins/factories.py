"""Check-ins straight into the database: every value a test relies on is passed in
or named here. The built-in questions come from migration checkins/0002."""

from datetime import timedelta

from django.utils import timezone

from mentorship.checkins.models import OPEN_DAYS, Answer, Checkin, FollowUp, Question


def question(kind: str, key: str) -> Question:
    """A built-in question, by its check-in and key."""
    return Question.objects.get(program__isnull=True, kind=kind, key=key)


def make_question(program, *, kind: str = "pulse", key: str = "own", **fields) -> Question:
    fields.setdefault("text", "I know who to ask when a case goes badly.")
    fields.setdefault("format", "scale")
    fields.setdefault("audience", "total")
    return Question.objects.create(program=program, kind=kind, key=key, **fields)


def make_checkin(
    person,
    *,
    program,
    kind: str = "pulse",
    period: str | None = None,
    pairing=None,
    side: str = "mentee",
    status: str = Checkin.Status.OPEN,
    days_ago: int = 1,
    level: str = "ca1",
    **fields,
) -> Checkin:
    """`person` (a user) asked `kind` in `program`, opened `days_ago` days ago and
    closing OPEN_DAYS after; "pulse-90" unless told."""
    opened_on = timezone.localdate() - timedelta(days=days_ago)
    if status == Checkin.Status.ANSWERED:
        fields.setdefault("answered_at", timezone.now())
    if status == Checkin.Status.CLOSED:
        fields.setdefault("closed_at", timezone.now())
    return Checkin.objects.create(
        program=program,
        person=person,
        pairing=pairing,
        side=side,
        kind=kind,
        period=period or f"{kind}-90",
        level=level,
        mentor_kind=pairing.kind if pairing else "",
        opened_on=opened_on,
        closes_on=opened_on + timedelta(days=OPEN_DAYS),
        status=status,
        **fields,
    )


def make_answer(checkin: Checkin, key: str, *, number=None, text: str = "") -> Answer:
    """An answer to the built-in question `key` of the check-in's kind, with the
    audience it promised."""
    asked = question(checkin.kind, key)
    return Answer.objects.create(
        checkin=checkin, question=asked, number=number, text=text, audience=asked.audience
    )


def answered(checkin: Checkin, **answers) -> Checkin:
    """Mark `checkin` answered with {key: number or text} for built-in questions."""
    for key, value in answers.items():
        if isinstance(value, str):
            make_answer(checkin, key, text=value)
        else:
            make_answer(checkin, key, number=value)
    checkin.status, checkin.answered_at = Checkin.Status.ANSWERED, timezone.now()
    checkin.save(update_fields=["status", "answered_at"])
    return checkin


def make_follow_up(pairing, *, checkin=None, reason=FollowUp.Reason.LOW_PULSE, **fields):
    fields.setdefault(
        "detail", "A recent pulse check-in suggests this pairing could use a word from you."
    )
    return FollowUp.objects.create(
        program=pairing.program, pairing=pairing, checkin=checkin, reason=reason, **fields
    )


def ensure_built_in() -> None:
    """The built-in questions again, as migration checkins/0002 writes them: a
    browser test's database is emptied between tests, data migrations and all."""
    from mentorship.checkins.questions import ensure_built_in as write

    write(Question)
