"""The check-in calendar (time passed in, never slept for) and what an answer sets going."""

from datetime import date, timedelta

import pytest

from mentorship.checkins.models import Answer, Checkin, Fit, FollowUp, Kind
from mentorship.checkins.services import (
    CheckinError,
    checkin_answer,
    checkins_send_due,
    pulse_day,
    questions_for,
    survey_period,
)
from mentorship.meetings.models import Meeting
from mentorship.pairings.models import Pairing
from mentorship.support.models import SupportMessage, SupportSetup
from tests.factories import (
    make_appointment,
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)

from .factories import question
from .people import pair

pytestmark = pytest.mark.django_db

START = date(2026, 7, 6)  # a Monday, in July: nothing program-wide is due for months


def day(n: int) -> date:
    return START + timedelta(days=n)


def run(n: int, mailoutbox=None, capture=None):
    if capture is None:
        return checkins_send_due(day(n))
    with capture(execute=True):
        return checkins_send_due(day(n))


@pytest.fixture
def program():
    return make_program()


@pytest.fixture
def pairing(program):
    """A pairing since START whose fit check-ins are answered, so that only its
    pulses come (the tests of the fit make their own)."""
    pairing = pair(program, 1, started_on=START)
    fit_done(pairing)
    return pairing


def fit_done(pairing):
    for side in ("mentee", "mentor"):
        Checkin.objects.create(
            program=pairing.program, person=getattr(pairing, side).user, pairing=pairing,
            side=side, kind=Kind.FIT, period="fit", opened_on=day(21), closes_on=day(35),
            status=Checkin.Status.ANSWERED,
        )  # fmt: skip


def pulses(pairing):
    return list(
        Checkin.objects.filter(pairing=pairing, kind=Kind.PULSE)
        .order_by("opened_on")
        .values_list("period", "opened_on")
    )


def test_pulse_days():
    assert [pulse_day(START, day(n)) for n in (0, 29, 30, 43, 44, 89, 90, 103, 104, 180, 270)] == [
        None, None, 30, 30, None, None, 90, 90, None, 180, 270
    ]  # fmt: skip


def test_a_pulse_is_sent_once_per_period_on_day_30_and_90_then_every_90(pairing):
    for n in range(0, 366):
        run(n)
    assert pulses(pairing) == [
        ("pulse-30", day(30)),
        ("pulse-90", day(90)),
        ("pulse-180", day(180)),
        ("pulse-270", day(270)),
        ("pulse-360", day(360)),
    ]
    # Run again on the same days: nothing new.
    for n in (30, 90, 91, 180):
        assert run(n).by_kind.get(Kind.PULSE, 0) == 0
    assert len(pulses(pairing)) == 5


def test_a_missed_day_still_sends_the_pulse_while_it_would_be_open(pairing):
    """The job didn't run on day 30: day 35 still asks; a run after day 43 doesn't."""
    run(35)
    assert pulses(pairing) == [("pulse-30", day(35))]
    other = pair(pairing.program, 2, started_on=START)
    run(44)
    assert pulses(other) == []


def test_reminders_on_day_3_and_7_then_closed_on_day_14(
    pairing, mailoutbox, django_capture_on_commit_callbacks
):
    cap = django_capture_on_commit_callbacks
    run(30, capture=cap)
    checkin = Checkin.objects.get(kind=Kind.PULSE)
    assert [m.to for m in mailoutbox] == [[pairing.mentee.user.email]]
    assert f"/checkins/{checkin.pk}/" in mailoutbox[0].body
    mailoutbox.clear()
    sent = {}
    for n in range(31, 50):
        result = run(n, capture=cap)
        sent[n - 30] = (result.reminded, result.closed)
    reminders = [d for d, (reminded, _) in sent.items() if reminded]
    closes = [d for d, (_, closed) in sent.items() if closed]
    assert reminders == [3, 7] and closes == [14]
    assert len(mailoutbox) == 2 and all(m.to == [pairing.mentee.user.email] for m in mailoutbox)
    checkin.refresh_from_db()
    assert checkin.status == Checkin.Status.CLOSED and checkin.reminders_sent == 2
    assert checkin.closes_on == day(44)


def test_a_late_run_sends_one_reminder_not_two(
    pairing, mailoutbox, django_capture_on_commit_callbacks
):
    run(30)
    with django_capture_on_commit_callbacks(execute=True):
        assert run(38).reminded == 1
        assert run(39).reminded == 0


def test_an_answered_checkin_is_not_reminded(pairing):
    run(30)
    checkin = Checkin.objects.get(kind=Kind.PULSE)
    checkin_answer(
        checkin=checkin,
        by=pairing.mentee.user,
        answers={question("pulse", "useful").pk: (4, ""), question("pulse", "met").pk: (1, "")},
        today=day(31),
    )
    assert run(33).reminded == 0 and run(44).closed == 0


def test_fit_after_the_first_meeting_for_both_sides(program):
    pairing = pair(program, 1, started_on=START)
    run(4)
    assert not Checkin.objects.filter(kind=Kind.FIT).exists()
    Meeting.objects.create(
        pairing=pairing, starts_at=f"{day(5)}T09:00:00Z", status=Meeting.Status.HELD
    )
    run(5)
    asked = set(Checkin.objects.filter(kind=Kind.FIT).values_list("person", "side"))
    assert asked == {(pairing.mentee.user_id, "mentee"), (pairing.mentor.user_id, "mentor")}
    run(21)
    assert Checkin.objects.filter(kind=Kind.FIT).count() == 2


def test_fit_on_day_21_without_a_meeting_and_never_for_an_old_pairing(program):
    pairing = pair(program, 1, started_on=START)
    old = pair(program, 2, started_on=START - timedelta(days=400))
    run(20)
    assert not Checkin.objects.filter(kind=Kind.FIT).exists()
    run(21)
    assert Checkin.objects.filter(kind=Kind.FIT, pairing=pairing).count() == 2
    assert not Checkin.objects.filter(kind=Kind.FIT, pairing=old).exists()


def test_paused_and_ended_pairings_get_no_pulse(program, pairing):
    Pairing.objects.filter(pk=pairing.pk).update(status=Pairing.Status.PAUSED)
    run(30)
    assert pulses(pairing) == []


def test_mid_year_in_early_december_and_end_of_year_in_may_once_for_everyone(program, pairing):
    lone = make_mentee_profile(
        make_mentee("lone@example.com"), program=program, training_level="intern"
    )
    waiting = make_mentor_profile(
        make_mentor("new@example.com"), programs=[program], approved=False
    )
    assert survey_period(program, Kind.MIDYEAR, date(2026, 11, 30)) is None
    assert survey_period(program, Kind.MIDYEAR, date(2026, 12, 1)) == "midyear-2026"
    assert survey_period(program, Kind.MIDYEAR, date(2026, 12, 15)) is None
    assert survey_period(program, Kind.END_OF_YEAR, date(2027, 5, 3)) == "end_of_year-2026"
    assert survey_period(program, Kind.END_OF_YEAR, date(2027, 1, 3)) is None
    checkins_send_due(date(2026, 12, 1))
    checkins_send_due(date(2026, 12, 2))
    midyear = Checkin.objects.filter(kind=Kind.MIDYEAR)
    assert set(midyear.values_list("person", "side", "level")) == {
        (pairing.mentee.user_id, "mentee", "ca1"),
        (lone.user_id, "mentee", "intern"),
        (pairing.mentor.user_id, "mentor", "faculty"),
    }
    assert waiting.user_id not in midyear.values_list("person", flat=True)
    # Nothing in the ACGME survey's months, January to April.
    for month in (1, 2, 3, 4):
        checkins_send_due(date(2027, month, 2))
    assert not Checkin.objects.filter(kind=Kind.END_OF_YEAR).exists()
    checkins_send_due(date(2027, 5, 1))
    checkins_send_due(date(2027, 5, 7))
    assert Checkin.objects.filter(kind=Kind.END_OF_YEAR, period="end_of_year-2026").count() == 3


def test_the_level_is_the_appointment_of_the_year_when_asked(program, pairing):
    make_appointment(pairing.mentee.user, program=program, level="ca2", day=day(30))
    run(30)
    assert Checkin.objects.get(kind=Kind.PULSE).level == "ca2"
    assert Checkin.objects.get(kind=Kind.PULSE).mentor_kind == Pairing.Kind.FACULTY


def test_closing_reflection_for_the_side_that_has_not_written_one(program, pairing):
    Pairing.objects.filter(pk=pairing.pk).update(
        status=Pairing.Status.ENDED, ended_on=day(100), mentee_learned="To ask sooner."
    )
    run(100)
    closing = Checkin.objects.get(kind=Kind.CLOSING)
    assert closing.person == pairing.mentor.user and closing.side == "mentor"
    checkin_answer(
        checkin=closing,
        by=pairing.mentor.user,
        answers={
            question("closing", "learned").pk: (None, "How much a steady hand helps."),
            question("closing", "carry").pk: (None, "Weekly walks."),
            question("closing", "useful").pk: (5, ""),
        },
        today=day(100),
    )
    pairing.refresh_from_db()
    assert pairing.mentor_learned == "How much a steady hand helps."
    assert pairing.mentor_carry_forward == "Weekly walks."
    run(101)
    assert Checkin.objects.filter(kind=Kind.CLOSING).count() == 1


def answer_pulse(pairing, n, useful, **more):
    checkins_send_due(day(n))
    checkin = Checkin.objects.get(pairing=pairing, kind=Kind.PULSE, opened_on=day(n))
    answers = {question("pulse", "useful").pk: (useful, ""), question("pulse", "met").pk: (1, "")}
    answers.update({question("pulse", k).pk: v for k, v in more.items()})
    return checkin_answer(checkin=checkin, by=pairing.mentee.user, answers=answers, today=day(n))


def test_a_low_pulse_puts_a_check_in_task_on_the_list_without_the_answer(pairing):
    answer_pulse(pairing, 30, 2)
    task = FollowUp.objects.get()
    assert task.reason == FollowUp.Reason.LOW_PULSE and task.pairing == pairing
    assert "2" not in task.detail  # the rating is for totals only


def test_two_drops_in_a_row_put_a_task_on_the_list(pairing):
    answer_pulse(pairing, 30, 5)
    answer_pulse(pairing, 90, 4)
    assert not FollowUp.objects.exists()
    answer_pulse(pairing, 180, 3)
    task = FollowUp.objects.get()
    assert task.reason == FollowUp.Reason.DROPS
    assert not any(str(n) in task.detail for n in (3, 4, 5))


def test_not_a_good_fit_asks_the_director_quietly(
    program, mailoutbox, django_capture_on_commit_callbacks
):
    pairing = pair(program, 1, started_on=START)
    director = make_director()
    program.directors.add(director)
    run(21)
    fit = Checkin.objects.get(kind=Kind.FIT, side="mentee")
    with django_capture_on_commit_callbacks(execute=True):
        result = checkin_answer(
            checkin=fit,
            by=pairing.mentee.user,
            answers={question("fit", "fit").pk: (Fit.NOT, "")},
            today=day(21),
        )
    assert result.new_mentor_asked
    task = FollowUp.objects.get()
    assert task.reason == FollowUp.Reason.NOT_A_FIT
    assert [m.to for m in mailoutbox] == [[director.email]]
    assert pairing.mentor.user.email not in {a for m in mailoutbox for a in m.to}


def test_asking_for_outside_support_tells_the_wellness_contact_only(program, pairing):
    contact = make_mentor("wellness@example.com", name="Dr Wren Well")
    SupportSetup.objects.create(program=program, contact=contact)
    result = answer_pulse(pairing, 30, 4, outside=(1, ""))
    assert result.wellness_told
    message = SupportMessage.objects.get()
    assert message.recipient == contact and message.sender == pairing.mentee.user
    assert not FollowUp.objects.exists()


def test_asking_for_outside_support_without_a_contact_says_so(pairing):
    result = answer_pulse(pairing, 30, 4, outside=(1, ""))
    assert result.wellness_missing and not SupportMessage.objects.exists()


def test_only_the_person_asked_answers_once_while_open(program, pairing):
    run(30)
    checkin = Checkin.objects.get(kind=Kind.PULSE)
    useful = {question("pulse", "useful").pk: (4, ""), question("pulse", "met").pk: (1, "")}
    with pytest.raises(CheckinError) as refused:
        checkin_answer(checkin=checkin, by=pairing.mentor.user, answers=useful, today=day(31))
    assert refused.value.code == "not_yours"
    with pytest.raises(CheckinError) as refused:
        checkin_answer(checkin=checkin, by=pairing.mentee.user, answers={}, today=day(31))
    assert refused.value.code == "required" and not Answer.objects.exists()
    checkin_answer(checkin=checkin, by=pairing.mentee.user, answers=useful, today=day(31))
    with pytest.raises(CheckinError) as refused:
        checkin_answer(checkin=checkin, by=pairing.mentee.user, answers=useful, today=day(31))
    assert refused.value.code == "answered" and Answer.objects.count() == 2
    run(50)
    later = pair(program, 3, started_on=day(50) - timedelta(days=30))
    run(50)
    closed = Checkin.objects.get(pairing=later, kind=Kind.PULSE)
    Checkin.objects.filter(pk=closed.pk).update(status=Checkin.Status.CLOSED)
    with pytest.raises(CheckinError) as refused:
        checkin_answer(checkin=closed, by=later.mentee.user, answers=useful, today=day(31))
    assert refused.value.code == "closed"
    # Day 14 closes it, even before the daily job has come by.
    late = pair(program, 4, started_on=day(60) - timedelta(days=30))
    run(60)
    open_still = Checkin.objects.get(pairing=late, kind=Kind.PULSE)
    with pytest.raises(CheckinError) as refused:
        checkin_answer(checkin=open_still, by=late.mentee.user, answers=useful, today=day(74))
    assert refused.value.code == "closed"


def test_programs_add_their_own_questions_after_the_built_in_ones(program, pairing):
    from mentorship.checkins.models import Question

    own = Question.objects.create(
        program=program, kind=Kind.PULSE, key="sleep", text="I'm sleeping enough.",
        format="scale", audience="total", asks="mentee", order=1,
    )  # fmt: skip
    Question.objects.create(
        program=make_program("Elsewhere"), kind=Kind.PULSE, key="x", text="Not ours.",
        format="scale", audience="total",
    )  # fmt: skip
    run(30)
    keys = [q.key for q in questions_for(Checkin.objects.get(kind=Kind.PULSE))]
    assert keys == ["useful", "met", "help", "outside", "sleep"]
    assert own.pk in {q.pk for q in questions_for(Checkin.objects.get(kind=Kind.PULSE))}


def test_send_checkins_command(pairing, capsys):
    from django.core.management import call_command

    call_command("send_checkins", "--day", str(day(30)))
    assert "Opened 1 check-in (1 pulse), reminded 0, closed 0." in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="isn't a day"):
        call_command("send_checkins", "--day", "tomorrow")


def test_no_closing_reflection_before_the_pairing_ends(program, pairing):
    """A day replayed before the end (as the demo does) asks nothing yet."""
    Pairing.objects.filter(pk=pairing.pk).update(status=Pairing.Status.ENDED, ended_on=day(100))
    run(95)
    assert not Checkin.objects.filter(kind=Kind.CLOSING).exists()
    run(100)
    run(200)
    assert Checkin.objects.filter(kind=Kind.CLOSING).count() == 2


def test_the_surveys_follow_a_program_whose_year_starts_in_january():
    from mentorship.programs.models import Program

    program = make_program("Calendar Year Program")
    Program.objects.filter(pk=program.pk).update(year_starts_month=1, year_starts_day=1)
    program.refresh_from_db()
    assert survey_period(program, Kind.MIDYEAR, date(2027, 6, 3)) == "midyear-2027"
    assert survey_period(program, Kind.END_OF_YEAR, date(2027, 11, 3)) == "end_of_year-2027"
    assert survey_period(program, Kind.MIDYEAR, date(2027, 12, 3)) is None


def test_a_pairing_whose_start_moves_is_not_asked_a_period_twice(pairing):
    run(90)
    assert ("pulse-90", day(90)) in pulses(pairing)
    Pairing.objects.filter(pk=pairing.pk).update(started_on=day(100))
    run(190)  # day 90 of the moved start: pulse-90 again, which it had
    assert [p for p, _ in pulses(pairing)].count("pulse-90") == 1


def test_support_outside_the_pairing_never_goes_to_ones_own_mentor(program, pairing):
    SupportSetup.objects.create(program=program, contact=pairing.mentor.user)
    result = answer_pulse(pairing, 30, 4, outside=(1, ""))
    assert result.wellness_is_mentor and not result.wellness_told
    assert not SupportMessage.objects.exists()
