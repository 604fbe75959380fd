import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from mentorship.programs.models import Program
from mentorship.rollover.models import Rollover
from tests.factories import add_totp

pytestmark = pytest.mark.django_db


def test_the_demo_drafts_a_rollover_the_director_can_open(client, capsys):
    call_command("seed_demo")
    call_command("seed_demo")

    rollover = Rollover.objects.get()
    assert rollover.state == Rollover.State.DRAFT
    [choice] = rollover.choices.all()
    assert (choice.user.email, choice.choice) == ("mentee3@example.com", "hold_back")
    director = User.objects.get(email="director@example.com")
    add_totp(director)
    client.force_login(director)
    residency = Program.objects.get(pk=rollover.program_id)

    page = client.get(reverse("rollover:wizard", args=[residency.slug])).content.decode()

    assert "Graduate: " in page and "Graduate: 0." not in page
    assert "held back" in page
    assert "The rollover into" in capsys.readouterr().out
