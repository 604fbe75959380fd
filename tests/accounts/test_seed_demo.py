import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from accounts.management.commands.seed_demo import DEMO_PASSWORD
from accounts.models import User

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_documented_people_and_prints_their_log_ins(capsys):
    call_command("seed_demo")

    out = capsys.readouterr().out
    for email in ("director@example.com", "mentor@example.com", "mentee@example.com"):
        assert email in out
    assert DEMO_PASSWORD in out
    director = User.objects.get(email="director@example.com")
    assert director.is_director
    assert User.objects.filter(is_mentor=True, is_mentee=False).count() == 3
    assert User.objects.filter(is_mentee=True, is_mentor=False).count() == 3
    both = User.objects.get(is_mentee=True, is_mentor=True)
    assert both.email == "both@example.com"
    assert all(u.check_password(DEMO_PASSWORD) for u in User.objects.all())
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 8


def test_seed_demo_is_idempotent():
    call_command("seed_demo")
    User.objects.filter(email="mentee@example.com").update(name="Renamed")

    call_command("seed_demo")

    assert User.objects.count() == 8
    assert EmailAddress.objects.count() == 8
    assert User.objects.get(email="mentee@example.com").name == "Sam Whitfield"


def test_seed_demo_scales_for_benchmarks():
    call_command("seed_demo", mentors=30, mentees=45)

    assert User.objects.filter(is_mentor=True).count() == 3 + 1 + 30
    assert User.objects.filter(is_mentee=True).count() == 3 + 1 + 45
    assert EmailAddress.objects.filter(verified=True).count() == 8 + 75
    assert len(set(User.objects.values_list("name", flat=True))) == 8 + 75
