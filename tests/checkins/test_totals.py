"""Totals of check-in answers: shown only when no one's answer can be singled out."""

from datetime import date
from itertools import product

import pytest

from mentorship.checkins import totals
from mentorship.checkins.models import Checkin, Kind
from mentorship.checkins.totals import Cut, passes
from mentorship.pairings.models import Pairing

from .people import answer, ask, pair

pytestmark = pytest.mark.django_db

YEAR = (date(2026, 7, 1), date(2027, 6, 30))
FACULTY, NEAR_PEER = Pairing.Kind.FACULTY, Pairing.Kind.NEAR_PEER


def cut(program, **filters):
    return Cut((program.pk,), *YEAR, **filters)


def pulses(
    program, answered: int, asked: int, *, start=0, level="ca1", kind=FACULTY, month=8, closed=True
):
    """`asked` mentees asked the pulse in `month`, the first `answered` of them answering
    4, 4, 5, 3, ... (so the total is known)."""
    ratings = [4, 4, 5, 3, 2, 5, 4, 1, 3, 4, 5, 2]
    for i in range(asked):
        checkin = ask(
            pair(program, start + i, level=level, kind=kind),
            opened_on=date(2026 + (month < 7), month, 1 + i % 20),
        )
        if i < answered:
            answer(checkin, "useful", ratings[i % len(ratings)])
        elif closed:
            # Past day 14: no one of the month can still answer, so it may add up.
            Checkin.objects.filter(pk=checkin.pk).update(status=Checkin.Status.CLOSED)


@pytest.fixture
def program():
    from tests.factories import make_program

    return make_program()


def test_three_answers_show_nothing(program):
    pulses(program, 3, 3)
    total = totals.pulse(cut(program))
    assert not total.shown and total.mean is None and total.counts == {}
    assert (total.asked, total.answered) == (3, 3)
    assert total.why == "Only 3 people have answered so far: a total shows from 4."


def test_four_answers_from_five_asked_show_totals(program):
    pulses(program, 4, 5)
    total = totals.pulse(cut(program))
    assert total.shown and total.why == ""
    assert (total.asked, total.answered, total.percent) == (5, 4, 80)
    assert total.counts == {3: 1, 4: 2, 5: 1} and total.mean == 4.0


def test_four_answers_from_ten_asked_show_nothing(program):
    pulses(program, 4, 10)
    total = totals.pulse(cut(program))
    assert not total.shown and total.mean is None
    assert "4 of the 10 people asked answered (40 %)" in total.why and "70 %" in total.why


def test_other_programs_and_years_are_not_counted(program):
    from tests.factories import make_program

    other = make_program("Another Program")
    pulses(program, 4, 4)
    pulses(other, 4, 4, start=100)
    pulses(program, 4, 4, start=200, month=6)  # June 2027: this year
    assert totals.pulse(cut(program)).answered == 8
    last_year = Cut((program.pk,), date(2025, 7, 1), date(2026, 6, 30))
    assert totals.pulse(last_year).asked == 0
    assert totals.pulse(last_year).why == "No one was asked this in these months."


def test_a_filter_that_would_take_part_of_a_small_group_shows_nothing(program):
    """Five CA-1s and two CA-2s: the program's total shows, but the CA-1s' alone would
    give the two CA-2s' away by subtraction, so it shows nothing, and says why."""
    pulses(program, 5, 5, level="ca1")
    pulses(program, 2, 2, level="ca2", start=10)
    assert totals.pulse(cut(program)).shown
    ca1 = totals.pulse(cut(program, level="ca1"))
    assert ca1.answered == 5 and not ca1.shown and ca1.why == totals.WHOLE_ONLY


def test_totals_of_every_question_of_a_kind(program):
    pulses(program, 4, 4)
    by_key = {t.key: t for t in totals.totals(cut(program), Kind.PULSE)}
    # Answers in words have no total, nor those meant for the wellness contact only.
    assert set(by_key) == {"useful", "met"}
    assert by_key["useful"].shown and by_key["met"].answered == 0


def test_response_counts_every_checkin_asked(program):
    pulses(program, 3, 5)
    assert totals.response(cut(program)) == (5, 3)
    assert totals.response(cut(program, level="ca2")) == (0, 0)


@pytest.mark.parametrize(
    "groups",
    [
        # (level, mentor type, asked, answered) per group of residents
        [("ca1", FACULTY, 4, 4), ("ca1", NEAR_PEER, 4, 4), ("ca2", FACULTY, 5, 4)],
        [("ca1", FACULTY, 4, 4), ("ca1", NEAR_PEER, 1, 1), ("ca2", FACULTY, 5, 4)],
        [("ca1", FACULTY, 6, 5), ("ca2", NEAR_PEER, 3, 3), ("ca3", FACULTY, 2, 1)],
        [("ca1", FACULTY, 4, 4), ("ca2", FACULTY, 4, 4), ("ca3", NEAR_PEER, 4, 3)],
    ],
    ids=["every-group-large", "one-alone", "mixed", "one-slow-group"],
)
def test_no_filters_single_anyone_out(program, groups):
    """Every combination of year, level, mentor type and month a director can choose:
    whatever totals show, the people they add up can't be split into a group smaller
    than four. (People no shown total tells apart form one group; a director can
    learn a group's total at most, by adding and subtracting what shows.)"""
    start = 0
    for n, (level, kind, asked, answered) in enumerate(groups):
        # Two months, so the series by month is a filter too.
        pulses(program, answered, asked, start=start, level=level, kind=kind, month=8 + n % 2)
        start += asked
    from mentorship.checkins.models import Answer

    answers = list(
        Answer.objects.values_list(
            "pk", "checkin__level", "checkin__mentor_kind", "checkin__opened_on"
        )
    )
    month_of = {row[0]: (program.pk, row[3].replace(day=1)) for row in answers}

    def counted(total, members):
        """The answers a shown total adds up: those of the months it counts."""
        return frozenset(pk for pk in members if month_of[pk] in total.counted_in)

    levels = ["", "ca1", "ca2", "ca3", "intern"]
    kinds = ["", FACULTY, NEAR_PEER]
    shown_sets = []
    for level, kind in product(levels, kinds):
        c = cut(program, level=level, mentor_kind=kind)

        def picked(row, month=None, c=c):
            return (
                (not c.level or row[1] == c.level)
                and (not c.mentor_kind or row[2] == c.mentor_kind)
                and (month is None or row[3].replace(day=1) == month)
            )

        total = totals.pulse(c)
        members = frozenset(row[0] for row in answers if picked(row))
        assert (total.answered if total.shown else 0) + total.waiting == len(members)
        if total.shown:
            assert total.mean is not None
            shown_sets.append(counted(total, members))
        else:
            assert total.mean is None and total.counts == {} and total.why
        for month, point in totals.pulse_by_month(c):
            in_month = frozenset(row[0] for row in answers if picked(row, month))
            assert (point.answered if point.shown else 0) + point.waiting == len(in_month)
            if point.shown:
                shown_sets.append(counted(point, in_month))
    everyone = frozenset(row[0] for row in answers)
    assert all(len(group) >= totals.MIN_ANSWERS for group in shown_sets)
    groups_told_apart = {}
    for pk in everyone:
        signature = tuple(pk in s for s in shown_sets)
        groups_told_apart.setdefault(signature, set()).add(pk)
    assert shown_sets, "nothing shows at all: the test would prove nothing"
    smallest = min(len(g) for sig, g in groups_told_apart.items() if any(sig))
    if all(passes(answered, asked) for _, _, asked, answered in groups):
        # Every group large enough alone: the filters do show their totals.
        assert len(shown_sets) > len(groups)
    assert smallest >= totals.MIN_ANSWERS, groups_told_apart


def test_by_level_shows_when_each_level_is_large_enough_though_mentor_types_are_not(program):
    """Four CA-1s with faculty, one with a near-peer, four of five CA-2s: each level
    shows, but mentor type would split the CA-1s into a group of one."""
    pulses(program, 4, 4, level="ca1", kind=FACULTY)
    pulses(program, 1, 1, level="ca1", kind=NEAR_PEER, start=10)
    pulses(program, 4, 5, level="ca2", kind=FACULTY, start=20)
    assert totals.pulse(cut(program, level="ca1")).shown
    assert totals.pulse(cut(program, level="ca2")).shown
    for filters in ({"mentor_kind": FACULTY}, {"level": "ca1", "mentor_kind": FACULTY}):
        total = totals.pulse(cut(program, **filters))
        assert not total.shown and total.why == totals.WHOLE_ONLY


def test_answers_for_the_wellness_contact_or_the_partner_are_never_totalled(program):
    """Even when the question is changed afterwards to be a total: each answer keeps
    the audience it was given for."""
    from mentorship.checkins.models import Answer, Checkin, Question

    outside = Question.objects.get(program=None, kind=Kind.PULSE, key="outside")
    for i in range(5):
        checkin = ask(pair(program, i))
        answer(checkin, "outside", 1)
    Question.objects.filter(pk=outside.pk).update(audience="total")
    total = next(t for t in totals.totals(cut(program), Kind.PULSE) if t.key == "outside")
    assert total.answered == 0 and not total.shown
    assert Answer.objects.filter(question=outside).count() == 5
    assert Checkin.objects.count() == 5


def test_a_total_in_words():
    from mentorship.checkins.totals import Total

    fit = Total("fit", "How does it feel?", "fit", 31, 31, True, counts={3: 29, 2: 2})
    assert fit.described == "A good fit: 29, Still deciding: 2"
    met = Total("met", "Met?", "yes_no", 23, 23, True, counts={1: 17, 0: 6})
    assert met.described == "17 yes of 23"
    useful = Total("useful", "Useful?", "scale", 5, 4, True, mean=4.3)
    assert useful.described == "mean 4.3 of 5"
    assert Total("x", "x", "scale", 3, 3, False).described == ""


def test_while_someone_may_still_answer_the_months_answers_wait(program):
    """Four answered, the fifth still open: nothing yet, and no total moves by one
    person's answer when the fifth comes in."""
    pulses(program, 4, 5, closed=False)
    total = totals.pulse(cut(program))
    assert not total.shown and total.waiting == 4
    assert "4 answers wait to be added" in total.why
    last = Checkin.objects.filter(status=Checkin.Status.OPEN).get()
    answer(last, "useful", 1)
    total = totals.pulse(cut(program))
    assert total.shown and (total.answered, total.waiting) == (5, 0)


def test_a_month_too_small_waits_to_join_the_next(program):
    pulses(program, 2, 2, month=8)
    assert not totals.pulse(cut(program)).shown
    pulses(program, 2, 2, month=9, start=10)
    total = totals.pulse(cut(program))
    assert total.shown and total.answered == 4 and len(total.counted_in) == 2


def test_answers_arriving_one_by_one_never_single_anyone_out(program):
    """Every moment of a year: months of pulses answered one at a time, some never
    (closed on day 14), read after each answer with every filter. All the totals
    a director could have seen, on every day, still add up groups of four or more."""
    from mentorship.checkins.models import Answer

    plan = [  # (month, level, mentor type, ratings; None: never answered)
        (8, "ca1", FACULTY, [4, 5, 3, 4, None]),
        (8, "ca2", NEAR_PEER, [2, 5]),
        (9, "ca1", FACULTY, [4, 4]),
        (10, "ca2", FACULTY, [5, 3, 4, 4, 2]),
        (10, "ca1", NEAR_PEER, [1]),
    ]
    asked = []
    for n, (month, level, kind, ratings) in enumerate(plan):
        for i, rating in enumerate(ratings):
            checkin = ask(
                pair(program, n * 10 + i, level=level, kind=kind),
                opened_on=date(2026, month, 1 + i),
            )
            asked.append((checkin, rating))
    month_of = {}
    shown_sets = []

    def look():
        rows = Answer.objects.values_list(
            "pk", "checkin__level", "checkin__mentor_kind", "checkin__opened_on"
        )
        by_pk = {pk: (lv, k, d.replace(day=1)) for pk, lv, k, d in rows}
        month_of.update({pk: (program.pk, v[2]) for pk, v in by_pk.items()})
        for level, kind in product(["", "ca1", "ca2"], ["", FACULTY, NEAR_PEER]):
            c = cut(program, level=level, mentor_kind=kind)
            views = [(totals.pulse(c), None), *((t, m) for m, t in totals.pulse_by_month(c))]
            for total, month in views:
                if total.shown:
                    shown_sets.append(frozenset(
                        pk for pk, (lv, k, m) in by_pk.items()
                        if (not level or lv == level) and (not kind or k == kind)
                        and (month is None or m == month)
                        and (program.pk, m) in total.counted_in
                    ))  # fmt: skip

    for checkin, rating in asked:
        if rating is None:
            Checkin.objects.filter(pk=checkin.pk).update(status=Checkin.Status.CLOSED)
        else:
            answer(checkin, "useful", rating)
        look()
    assert shown_sets, "nothing ever showed: the test would prove nothing"
    assert no_small_group_recoverable(shown_sets, set(month_of))


def no_small_group_recoverable(shown_sets, everyone) -> bool:
    """Whether no group of fewer than MIN_ANSWERS answers can be worked out from the
    totals shown, by any adding and subtracting of them: its indicator is not in the
    span of the shown sets' (exact arithmetic, over the groups the sets tell apart)."""
    from fractions import Fraction
    from itertools import combinations

    atoms = {}
    for pk in everyone:
        atoms.setdefault(tuple(pk in s for s in shown_sets), set()).add(pk)
    atoms = [g for sig, g in atoms.items() if any(sig)]
    rows = [[Fraction(int(next(iter(g)) in s)) for g in atoms] for s in shown_sets]

    def rank(matrix):
        m = [row[:] for row in matrix]
        r = 0
        for c in range(len(atoms)):
            pivot = next((i for i in range(r, len(m)) if m[i][c]), None)
            if pivot is None:
                continue
            m[r], m[pivot] = m[pivot], m[r]
            for i in range(len(m)):
                if i != r and m[i][c]:
                    f = m[i][c] / m[r][c]
                    m[i] = [a - f * b for a, b in zip(m[i], m[r], strict=True)]
            r += 1
        return r

    base = rank(rows)
    small = [i for i, g in enumerate(atoms) if len(g) < totals.MIN_ANSWERS]
    for size in range(1, len(small) + 1):
        for chosen in combinations(small, size):
            if sum(len(atoms[i]) for i in chosen) >= totals.MIN_ANSWERS:
                continue
            vector = [Fraction(int(i in chosen)) for i in range(len(atoms))]
            assert rank([*rows, vector]) > base, [atoms[i] for i in chosen]
    return True
