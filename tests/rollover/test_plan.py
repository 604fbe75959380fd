from datetime import date

import pytest

from mentorship.pairings.models import Pairing
from mentorship.rollover.models import Rollover, RolloverChoice
from mentorship.rollover.plan import plan_for
from mentorship.years.models import Level
from tests.factories import make_mentee, make_pairing
from tests.rollover.support import appoint, years

pytestmark = pytest.mark.django_db


def test_each_level_moves_up_and_ca3s_graduate(program, sam, ana, noor, chen):
    this, following = years(program)
    appoint(sam.user, this, Level.INTERN)
    appoint(ana.user, this, Level.CA2)
    appoint(noor.user, this, Level.CA3)
    appoint(chen.user, this, Level.FACULTY)

    plan = plan_for(program, following)

    moves = {m.user.email: (m.now, m.next) for m in plan.advances}
    assert moves == {
        "sam@example.com": ("intern", "ca1"),
        "ana@example.com": ("ca2", "ca3"),
        "chen@example.com": ("faculty", "faculty"),
    }
    assert [m.user for m in plan.graduates] == [noor.user]


def test_a_held_back_resident_stays_at_their_level(program, sam, director):
    this, following = years(program)
    appoint(sam.user, this, Level.CA3)
    rollover = Rollover.objects.create(program=program, to_year=following)
    RolloverChoice.objects.create(
        rollover=rollover, user=sam.user, choice=RolloverChoice.Choice.HOLD_BACK
    )

    plan = plan_for(program, following)

    assert plan.graduates == []
    [move] = plan.advances
    assert (move.now, move.next, move.status) == ("ca3", "ca3", "active")


def test_an_extended_resident_stays_extended_with_a_new_end(program, sam):
    this, following = years(program)
    appoint(sam.user, this, Level.CA3)
    rollover = Rollover.objects.create(program=program, to_year=following)
    RolloverChoice.objects.create(
        rollover=rollover,
        user=sam.user,
        choice=RolloverChoice.Choice.EXTEND,
        expected_end=date(2027, 12, 31),
    )

    [move] = plan_for(program, following).advances

    assert (move.next, move.status, move.expected_end) == ("ca3", "extended", date(2027, 12, 31))


def test_running_pairings_of_graduates_end(program, sam, ana, chen, levin):
    this, following = years(program)
    appoint(sam.user, this, Level.CA3)
    appoint(ana.user, this, Level.CA1)
    graduating = make_pairing(chen, sam, Pairing.Status.PAUSED)
    make_pairing(levin, ana)

    plan = plan_for(program, following)

    assert plan.pairings_ending == [graduating]


def test_incoming_counts_next_years_people_without_a_running_pairing(program, sam, chen):
    this, following = years(program)
    appoint(make_mentee("new@example.com", name="New Intern"), following, Level.INTERN)
    appoint(sam.user, following, Level.CA2)
    appoint(chen.user, following, Level.FACULTY)
    make_pairing(chen, sam)

    assert plan_for(program, following).incoming == 1


def test_a_next_year_appointment_made_elsewhere_is_kept(program, sam):
    this, following = years(program)
    appoint(sam.user, this, Level.CA3)
    appoint(sam.user, following, Level.FELLOW)

    plan = plan_for(program, following)

    assert plan.graduates == []
    assert plan.advances[0].next_display == "Fellow"
