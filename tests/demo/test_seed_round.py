"""The demo's Match Day: a round for the incoming interns, collecting, most lists
filled, ready for the director to close, check, run, review and publish."""

import pytest
from django.core.management import call_command

from mentorship.demo.rounds import LISTS, ROUND_MENTORS
from mentorship.pairings.models import Pairing
from mentorship.rounds import services
from mentorship.rounds.models import Choice, Exclusion, Round

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_a_collecting_round_for_the_incoming_class(capsys):
    call_command("seed_demo")
    round = Round.objects.get()
    assert round.state == Round.State.COLLECTING
    assert round.entrants.count() == 8  # the incoming interns
    assert Choice.objects.filter(round=round).count() == sum(len(n) for _, n, _ in LISTS)
    assert round.entrants.filter(submitted_at__isnull=False).count() == len(LISTS) - 1
    assert Exclusion.objects.filter(round=round, source=Exclusion.Source.MENTOR).count() == 1
    assert round.seats.filter(confirmed_at__isnull=False).count() == 6
    assert round.seats.filter(mentor__user__email__in=[m[0] for m in ROUND_MENTORS]).count() == 4
    out = capsys.readouterr().out
    assert f"/director/rounds/{round.pk}/" in out


def test_the_demo_round_runs_to_a_stable_result_and_publishes(django_capture_on_commit_callbacks):
    call_command("seed_demo")
    round = Round.objects.get()
    director = round.created_by
    services.round_close(round=round, by=director)
    found = services.check(round)
    assert [p.code for p in found.problems if p.holds_the_run] == ["no_list"]  # Hannah
    removed = {rule: n for rule, _, n in found.removed}
    assert (removed["conflict"], removed["marked"]) == (1, 1)
    services.problems_accept(round=round, by=director, code="no_list")
    run = services.run_solve(round=round, by=director)
    assert run.figures["blocking"] == 0
    assert run.figures["matched"] == 7
    with django_capture_on_commit_callbacks(execute=True):
        report = services.round_publish(round=round, by=director)
    assert report["paired"] == 7 and report["skipped"] == []
    assert Pairing.objects.filter(origin=Pairing.Origin.MATCHING).count() == 7


def test_seed_demo_run_twice_makes_one_round():
    call_command("seed_demo")
    call_command("seed_demo")
    assert Round.objects.count() == 1
    assert Choice.objects.count() == sum(len(n) for _, n, _ in LISTS)
