import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Count

from accounts.management.commands.seed_demo import DEMO_PASSWORD
from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Program

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


def test_seed_demo_gives_the_core_people_profiles_in_the_residency():
    call_command("seed_demo")

    residency = Program.objects.get(slug="stanford-anesthesiology")
    fellowship = Program.objects.get(slug="peds-fellowship")
    assert residency.name == "Stanford Anesthesiology Residency"
    assert list(residency.directors.values_list("email", flat=True)) == ["director@example.com"]
    mentors = MentorProfile.objects.select_related("user", "approved_by")
    assert {m.user.email for m in mentors} == {
        "mentor@example.com",
        "mentor2@example.com",
        "mentor3@example.com",
        "both@example.com",
    }
    for mentor in mentors:
        assert mentor.empty_prompts == []
        assert 3 <= mentor.interests.count() <= 6
        assert 2 <= mentor.capacity <= 4
        assert mentor.approved_by.email == "director@example.com"
        assert residency in mentor.programs.all()
    assert mentors.get(user__email="mentor3@example.com").is_ccc_member
    dana = mentors.get(user__email="mentor@example.com")
    assert (dana.title, dana.division) == ("Associate Professor", "Pediatric Anesthesia")
    # The fellowship's only demo member.
    assert list(fellowship.mentor_profiles.all()) == [dana]
    assert not fellowship.mentee_profiles.exists()

    levels = dict(MenteeProfile.objects.values_list("user__email", "training_level"))
    assert levels == {
        "mentee@example.com": "intern",
        "mentee2@example.com": "ca1",
        "mentee3@example.com": "ca2",
        "both@example.com": "ca3",
    }
    for mentee in MenteeProfile.objects.all():
        assert mentee.empty_prompts == []
        assert mentee.interests.exists()
        assert mentee.program == residency
    mentee = User.objects.get(email="mentee@example.com")
    assert set(MentorProfile.objects.listed_for(mentee)) == set(mentors)


def test_seed_demo_run_twice_creates_no_new_profiles_or_links():
    call_command("seed_demo", mentors=12, mentees=15)
    tables = [
        Program,
        MentorProfile,
        MenteeProfile,
        MentorProfile.programs.through,
        MentorProfile.interests.through,
        MenteeProfile.interests.through,
        Program.directors.through,
    ]
    before = [model.objects.count() for model in tables]

    call_command("seed_demo", mentors=12, mentees=15)

    assert [model.objects.count() for model in tables] == before
    assert before[:3] == [2, 4 + 12, 4 + 15]


def test_seed_demo_gives_every_generated_mentor_a_full_profile_and_leaves_every_tenth():
    call_command("seed_demo", mentors=30, mentees=45)

    generated = MentorProfile.objects.filter(user__email__startswith="mentor0").annotate(
        n_interests=Count("interests")
    )
    assert generated.count() == 30
    for profile in generated:
        assert profile.empty_prompts == []
        assert 2 <= profile.n_interests <= 5
        assert profile.title and profile.division
        assert 1 <= profile.capacity <= 4
    unapproved = generated.filter(approved_at__isnull=True).values_list("user__email", flat=True)
    assert sorted(unapproved) == [
        "mentor0010@example.com",
        "mentor0020@example.com",
        "mentor0030@example.com",
    ]
    assert len({p.how_i_help + p.ask_me_about for p in generated}) == 30

    mentees = MenteeProfile.objects.filter(user__email__startswith="mentee0").annotate(
        n_interests=Count("interests")
    )
    assert mentees.count() == 45
    assert all(m.empty_prompts == [] and m.n_interests >= 2 for m in mentees)
    assert {m.training_level for m in mentees} == {"intern", "ca1", "ca2", "ca3"}
