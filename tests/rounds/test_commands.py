"""Match Day's commands: a kept run repeats exactly; reminders from cron."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from mentorship.rounds.models import Round, Run
from tests.rounds.world import make_world

pytestmark = pytest.mark.django_db


def test_a_kept_run_repeats_to_the_same_pairs(capsys):
    world = make_world()
    world.lists(Sam="AB", Tia="A")
    run = world.solve()
    call_command("repeat_run", str(run.pk))
    assert f"the same {len(run.result)} pairs" in capsys.readouterr().out


def test_a_tampered_run_is_named():
    world = make_world()
    world.lists(Sam="AB", Tia="A")
    run = world.solve()
    Run.objects.filter(pk=run.pk).update(input={**run.input, "lottery": run.input["lottery"][::-1]})
    with pytest.raises(CommandError, match="doesn't match its fingerprint"):
        call_command("repeat_run", str(run.pk))
    with pytest.raises(CommandError, match="There is no run"):
        call_command("repeat_run", "999999")


def test_remind_rounds_reminds_two_days_before_the_deadline_and_says_how_many(capsys):
    world = make_world()
    call_command("remind_rounds")  # a week before the lists are due: nobody yet
    assert "Sent 0 Match Day reminders." in capsys.readouterr().out
    Round.objects.filter(pk=world.round.pk).update(
        mentee_deadline=timezone.localdate() + timedelta(days=2)
    )
    call_command("remind_rounds")
    assert "Sent 5 Match Day reminders." in capsys.readouterr().out  # the five mentees
    call_command("remind_rounds")
    assert "Sent 0 Match Day reminders." in capsys.readouterr().out  # once each


def test_match_day_e_mails_sign_off_with_the_programs_name():
    """The e-mail base names the program of a round (as it does a pairing's)."""
    from django.template.loader import render_to_string

    from mentorship.programs.models import Program
    from mentorship.rounds.models import Round

    program = Program(name="Stanford Anesthesiology")
    text = render_to_string("email/base.txt", {"round": Round(program=program)})
    assert "The Stanford Anesthesiology mentorship team" in text
