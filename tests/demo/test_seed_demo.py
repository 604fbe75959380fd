from datetime import timedelta
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.demo.invitations import INCOMING
from mentorship.demo.rounds import ROUND_MENTORS
from mentorship.demo.story_class_mentors import FACULTY, NEAR_PEERS
from mentorship.demo.story_class_residents import RESIDENTS
from mentorship.demo.story_people import DEMO_PASSWORD
from mentorship.meetings.models import Commitment, Meeting, Note
from mentorship.meetings.services import pairings_quiet
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.programs.models import Program

pytestmark = pytest.mark.django_db


# The faculty who join the residency's mentors for Match Day (mentorship/demo/rounds.py).
MATCH_DAY = len(ROUND_MENTORS)
# This year's class (mentorship/demo/class_year.py): its residents, its faculty
# mentors, and the CA-3s of the class who mentor too (residents with both roles).
CLASS_RESIDENTS = len(RESIDENTS)
CLASS_FACULTY = len(FACULTY)
CLASS_NEAR_PEERS = len(NEAR_PEERS)
CLASS = CLASS_RESIDENTS + CLASS_FACULTY


def core_people():
    """The demo's people but for the incoming class (mentorship/demo/invitations.py),
    Match Day's faculty and this year's class."""
    return User.objects.filter(invitations__isnull=True).exclude(
        email__in=[email for email, *_ in ROUND_MENTORS] + [*RESIDENTS, *FACULTY]
    )


def test_seed_demo_creates_the_documented_people_and_prints_their_log_ins(capsys):
    call_command("seed_demo")

    out = capsys.readouterr().out
    for email in ("director@example.com", "mentor@example.com", "mentee@example.com"):
        assert email in out
    assert DEMO_PASSWORD in out
    director = User.objects.get(email="director@example.com")
    assert director.is_director
    mentors_only = User.objects.filter(is_mentor=True, is_mentee=False)
    assert mentors_only.count() == 3 + MATCH_DAY + CLASS_FACULTY
    mentees_only = User.objects.filter(is_mentee=True, is_mentor=False)
    assert mentees_only.count() == 3 + len(INCOMING) + CLASS_RESIDENTS - CLASS_NEAR_PEERS
    both = User.objects.filter(is_mentee=True, is_mentor=True)
    assert both.count() == 1 + CLASS_NEAR_PEERS
    assert both.get(pk__in=core_people()).email == "both@example.com"
    assert all(u.check_password(DEMO_PASSWORD) for u in core_people())
    # The two interns of the incoming class who joined have confirmed addresses too.
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == (
        8 + 2 + MATCH_DAY + CLASS
    )
    assert "Join as an incoming intern (Amara Obi): http" in out


def test_seed_demo_is_idempotent():
    call_command("seed_demo")
    User.objects.filter(email="mentee@example.com").update(name="Renamed")

    call_command("seed_demo")

    assert User.objects.count() == 8 + len(INCOMING) + MATCH_DAY + CLASS
    assert EmailAddress.objects.count() == 8 + 2 + MATCH_DAY + CLASS
    assert User.objects.get(email="mentee@example.com").name == "Sam Whitfield"


def test_running_seed_demo_again_keeps_passwords_and_signs_nobody_out(client):
    call_command("seed_demo")
    client.post(
        reverse("account_login"), {"login": "mentee@example.com", "password": DEMO_PASSWORD}
    )
    assert client.get(reverse("home")).status_code == HTTPStatus.OK
    before = User.objects.get(email="mentee@example.com").password

    call_command("seed_demo")

    assert User.objects.get(email="mentee@example.com").password == before
    # The same browser is still signed in, not sent to the log-in page.
    assert client.get(reverse("home")).status_code == HTTPStatus.OK


def test_seed_demo_scales_for_benchmarks():
    call_command("seed_demo", mentors=30, mentees=45)

    assert User.objects.filter(is_mentor=True).count() == (
        3 + 1 + 30 + MATCH_DAY + CLASS_FACULTY + CLASS_NEAR_PEERS
    )
    assert core_people().filter(is_mentee=True).count() == 3 + 1 + 45
    assert EmailAddress.objects.filter(verified=True).count() == 8 + 75 + 2 + MATCH_DAY + CLASS
    assert len(set(core_people().values_list("name", flat=True))) == 8 + 75


def test_seed_demo_gives_the_core_people_profiles_in_the_residency():
    call_command("seed_demo")

    residency = Program.objects.get(slug="stanford-anesthesiology")
    fellowship = Program.objects.get(slug="peds-fellowship")
    assert residency.name == "Stanford Anesthesiology Residency"
    assert list(residency.directors.values_list("email", flat=True)) == ["director@example.com"]
    mentors = MentorProfile.objects.filter(user__in=core_people()).select_related("user")
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
        membership = mentor.memberships.get(program=residency)
        assert membership.approved_by.email == "director@example.com"
    assert mentors.get(user__email="mentor3@example.com").evaluative_roles_in(residency) == [
        "Clinical Competency Committee member"
    ]
    dana = mentors.get(user__email="mentor@example.com")
    assert (dana.title, dana.division) == ("Associate Professor", "Pediatric Anesthesia")
    # The fellowship's only demo member, still waiting for its directors.
    assert list(fellowship.mentor_profiles.all()) == [dana]
    assert not dana.memberships.get(program=fellowship).is_approved
    assert not fellowship.mentee_profiles.exists()

    levels = dict(
        MenteeProfile.objects.filter(user__in=core_people()).values_list(
            "user__email", "training_level"
        )
    )
    assert levels == {
        "mentee@example.com": "intern",
        "mentee2@example.com": "ca1",
        "mentee3@example.com": "ca2",
        "both@example.com": "ca3",
    }
    for mentee in MenteeProfile.objects.filter(user__in=core_people()):
        assert mentee.empty_prompts == []
        assert mentee.interests.exists()
        assert mentee.program == residency
    mentee = User.objects.get(email="mentee@example.com")
    listed = MentorProfile.objects.listed_for(mentee).filter(user__in=core_people())
    assert set(listed) == set(mentors)


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
    assert before[:3] == [
        2,
        4 + 12 + MATCH_DAY + CLASS_FACULTY + CLASS_NEAR_PEERS,
        4 + 15 + len(INCOMING) + CLASS_RESIDENTS,
    ]


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
    unapproved = generated.filter(memberships__approved_at__isnull=True).values_list(
        "user__email", flat=True
    )
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


# --- requests and pairings ------------------------------------------------------


def story() -> dict[tuple[str, str], str]:
    """(mentee e-mail, mentor e-mail) -> status, for the core people's requests."""
    return {
        (r.mentee.user.email, r.mentor.user.email): r.status
        for r in MentorshipRequest.objects.filter(mentee__user__in=core_people()).select_related(
            "mentee__user", "mentor__user"
        )
    }


def pairings() -> dict[tuple[str, str], Pairing]:
    """The core people's pairings, by (mentee e-mail, mentor e-mail)."""
    return {
        (p.mentee.user.email, p.mentor.user.email): p
        for p in Pairing.objects.filter(mentee__user__in=core_people()).select_related(
            "mentee__user", "mentor__user"
        )
    }


def test_seed_demo_gives_the_core_people_requests_in_every_state():
    call_command("seed_demo")

    assert story() == {
        ("mentee@example.com", "mentor@example.com"): "accepted",
        ("mentee@example.com", "mentor2@example.com"): "pending",
        ("mentee2@example.com", "mentor2@example.com"): "declined",
        ("mentee2@example.com", "mentor3@example.com"): "pending",
        ("mentee3@example.com", "mentor3@example.com"): "withdrawn",
        ("mentee3@example.com", "mentor2@example.com"): "expired",
        ("mentee3@example.com", "mentor@example.com"): "pending",
        ("both@example.com", "mentor3@example.com"): "accepted",
        ("both@example.com", "mentor2@example.com"): "accepted",
        ("mentee2@example.com", "both@example.com"): "accepted",
    }
    requests = MentorshipRequest.objects.select_related("referred_to__user")
    declined = requests.get(status="declined")
    assert declined.reply.startswith("Thank you for asking me")
    assert declined.referred_to.user.email == "mentor3@example.com"
    assert declined.referral_reason
    asked = requests.get(mentee__user__email="mentee2@example.com", status="pending")
    assert asked.awaiting_mentee
    # Nothing the daily expiry would close at once.
    assert services.requests_expire_stale() == 0


def test_seed_demo_gives_the_core_people_pairings_in_every_status():
    call_command("seed_demo")

    found = pairings()
    assert {pair: p.status for pair, p in found.items()} == {
        ("mentee@example.com", "mentor@example.com"): "active",
        ("both@example.com", "mentor3@example.com"): "paused",
        ("both@example.com", "mentor2@example.com"): "ended",
        ("mentee3@example.com", "both@example.com"): "proposed",
        ("mentee2@example.com", "both@example.com"): "active",
    }
    today = timezone.localdate()
    sam_dana = found["mentee@example.com", "mentor@example.com"]
    assert 55 <= (today - sam_dana.started_on).days <= 70
    paused = found["both@example.com", "mentor3@example.com"]
    assert paused.needs_conflict_approval
    assert paused.conflict_approved_by.email == "director@example.com"
    ended = found["both@example.com", "mentor2@example.com"]
    assert ended.ended_on < today
    assert all(
        [ended.mentor_learned, ended.mentor_carry_forward, ended.mentee_learned, ended.end_reason]
    )
    proposed = found["mentee3@example.com", "both@example.com"]
    assert proposed.origin == "director"
    assert proposed.mentor_confirmed_at and not proposed.mentee_confirmed_at
    # Noor is a CA-3 this year: her pairings are near-peer, the faculty's are not.
    kinds = {pair: p.kind for pair, p in found.items()}
    assert kinds.pop(("mentee2@example.com", "both@example.com")) == "near_peer"
    assert kinds.pop(("mentee3@example.com", "both@example.com")) == "near_peer"
    assert set(kinds.values()) == {"faculty"}
    near_peer = found["mentee2@example.com", "both@example.com"]
    assert 20 <= (today - near_peer.started_on).days <= 22


@pytest.mark.django_db(transaction=True)
def test_seed_demo_sends_no_e_mail(mailoutbox):
    # A real commit, as from the command line: e-mail queued by the services
    # would be sent now, by the tests' immediate task backend.
    call_command("seed_demo", mentors=5, mentees=10)

    assert MentorshipRequest.objects.filter(mentee__user__email="mentee@example.com").exists()
    assert mailoutbox == []


def test_seed_demo_run_twice_creates_no_new_requests_or_pairings(capsys):
    call_command("seed_demo", mentors=20, mentees=40)
    before = (MentorshipRequest.objects.count(), Pairing.objects.count())

    call_command("seed_demo", mentors=20, mentees=40)

    assert (MentorshipRequest.objects.count(), Pairing.objects.count()) == before
    assert before[0] > 9 and before[1] > 4
    assert "New requests: 0; new pairings: 0." in capsys.readouterr().out


def test_seed_demo_generates_pairings_in_realistic_proportions_within_every_limit():
    call_command("seed_demo", mentors=60, mentees=100)

    generated = Pairing.objects.filter(mentee__user__email__startswith="mentee0")
    statuses = dict(generated.values_list("status").annotate(n=Count("pk")).order_by())
    assert statuses == {"active": 60, "paused": 10, "ended": 10, "proposed": 5}
    asked = MentorshipRequest.objects.filter(mentee__user__email__startswith="mentee0")
    assert {"accepted", "pending", "declined", "withdrawn", "expired"} == set(
        asked.values_list("status", flat=True)
    )
    for mentor in MentorProfile.objects.with_open_places():
        assert mentor.active_mentees <= mentor.capacity, mentor
    residency = Program.objects.get(slug="stanford-anesthesiology")
    most_pending = (
        MenteeProfile.objects.annotate(n=Count("requests", filter=Q(requests__status="pending")))
        .order_by("-n")
        .values_list("n", flat=True)[0]
    )
    assert most_pending <= residency.max_pending_requests
    assert services.requests_expire_stale() == 0
    # Every generated mentee has a story, and dates spread over past months.
    assert not MenteeProfile.objects.filter(
        user__email__startswith="mentee0", requests__isnull=True, pairings__isnull=True
    ).exists()
    starts = generated.exclude(started_on=None).values_list("started_on", flat=True)
    assert (max(starts) - min(starts)).days > 90
    assert max(starts) <= timezone.localdate()


def test_seed_demo_gives_mentors_who_evaluate_residents_approved_pairings_only():
    call_command("seed_demo", mentors=30, mentees=60)

    started = Pairing.objects.exclude(status="proposed").filter(needs_conflict_approval=True)
    assert started.exists()
    assert not started.filter(conflict_approved_at=None).exists()


# --- meetings, notes and commitments ----------------------------------------------


def test_seed_demo_gives_sam_and_dana_a_history_quiet_past_the_target():
    call_command("seed_demo")

    today = timezone.localdate()
    sam_dana = pairings()["mentee@example.com", "mentor@example.com"]
    held = Meeting.objects.filter(pairing=sam_dana).held()
    assert sorted((today - timezone.localdate(m.starts_at)).days for m in held) == [47, 58]
    assert not Meeting.objects.filter(pairing=sam_dana).planned().exists()
    assert {(p.pk, p.days_quiet()) for p in pairings_quiet()} >= {(sam_dana.pk, 47)}
    sam, dana = sam_dana.mentee.user, sam_dana.mentor.user
    mine = Note.objects.filter(meeting__pairing=sam_dana, author=sam)
    assert {n.visibility for n in mine} == {"private", "shared"}
    # Sam reads his own notes and what Dana shared; never Dana's private ones.
    readable = Note.objects.readable_by(sam).filter(meeting__pairing=sam_dana)
    assert set(readable) == set(mine) | set(
        Note.objects.filter(meeting__pairing=sam_dana, author=dana, visibility="shared")
    )
    assert Note.objects.filter(author=dana, visibility="private").exists()
    commitments = Commitment.objects.filter(pairing=sam_dana)
    assert commitments.filter(done_at__isnull=False).count() == 1
    assert [c.owner for c in commitments.overdue()] == ["mentor"]
    assert commitments.open().count() == 2


def test_seed_demo_gives_running_pairings_meetings_notes_and_commitments():
    call_command("seed_demo", mentors=30, mentees=60)

    now, today = timezone.now(), timezone.localdate()
    generated = Pairing.objects.filter(mentee__user__email__startswith="mentee0")
    running = generated.filter(
        status__in=["active", "paused"], started_on__lt=today - timedelta(days=30)
    )
    assert running.exists()
    assert not running.exclude(meetings__status="held").exists()
    meetings = Meeting.objects.select_related("pairing")
    for meeting in meetings:
        assert timezone.localdate(meeting.starts_at) > meeting.pairing.started_on
        if meeting.status == "held":
            assert meeting.starts_at < now
            assert meeting.pairing.ended_on is None or (
                timezone.localdate(meeting.starts_at) <= meeting.pairing.ended_on
            )
        else:
            assert meeting.starts_at > now
            assert meeting.pairing.status == "active"
            assert meeting.place
    assert not generated.filter(status="proposed", meetings__isnull=False).exists()
    # An active pairing has at most one meeting planned, and a quiet one has none.
    planned = dict(
        Meeting.objects.planned().values_list("pairing").annotate(n=Count("pk")).order_by()
    )
    assert set(planned.values()) == {1}
    quiet = {p.pk for p in pairings_quiet()}
    assert quiet and not quiet & set(planned)
    assert {"mentor", "mentee"} == {
        "mentor" if n.author_id == n.meeting.pairing.mentor.user_id else "mentee"
        for n in Note.objects.select_related("meeting__pairing__mentor")
    }
    assert set(Note.objects.values_list("visibility", flat=True)) == {"private", "shared"}
    assert Commitment.objects.overdue().exists()
    assert Commitment.objects.open().exclude(pk__in=Commitment.objects.overdue()).exists()
    assert Commitment.objects.filter(done_at__isnull=False).exists()
    assert not Commitment.objects.filter(done_at__gt=now).exists()


def test_seed_demo_run_twice_adds_no_meetings_notes_or_commitments(capsys):
    call_command("seed_demo", mentors=20, mentees=40)
    before = (Meeting.objects.count(), Note.objects.count(), Commitment.objects.count())

    call_command("seed_demo", mentors=20, mentees=40)

    assert (Meeting.objects.count(), Note.objects.count(), Commitment.objects.count()) == before
    assert min(before) > 20
    assert "New meetings: 0, with 0 notes and 0 commitments." in capsys.readouterr().out


def test_seed_demo_gives_each_program_this_year_and_the_next_and_each_mentee_a_level_in_it():
    from mentorship.years.models import AcademicYear, Appointment

    call_command("seed_demo", "--mentees", "20")
    call_command("seed_demo", "--mentees", "20")  # again: nothing twice

    residency = Program.objects.get(mentee_profiles__user__email="mentee@example.com")
    this_year = AcademicYear.objects.for_day(residency)
    years = list(AcademicYear.objects.filter(program=residency).order_by("starts_on"))
    assert [y.starts_on for y in years] == [
        this_year.starts_on,
        this_year.starts_on.replace(year=this_year.starts_on.year + 1),
    ]
    levels = dict(
        MenteeProfile.objects.filter(program=residency, user__invitations__isnull=True).values_list(
            "user_id", "training_level"
        )
    )
    appointments = dict(Appointment.objects.filter(year=this_year).values_list("user_id", "level"))
    assert len(levels) > 20
    assert {user: appointments[user] for user in levels} == levels
    mentors = set(
        MentorProfile.objects.filter(
            memberships__program=residency, memberships__approved_at__isnull=False
        ).values_list("user_id", flat=True)
    )
    # Mentors are faculty or fellows; one who is a resident too keeps that level.
    assert {appointments[user] for user in mentors - set(levels)} <= {"faculty", "fellow"}
    assert set(appointments) == set(levels) | mentors
    # The incoming class starts next year: interns then, nothing this year.
    incoming = Appointment.objects.filter(user__invitations__program=residency)
    assert {(a.level, a.year.starts_on) for a in incoming} == {("intern", years[1].starts_on)}
    assert incoming.count() == len(INCOMING)
    assert Appointment.objects.filter(year__program=residency).count() == len(appointments) + len(
        INCOMING
    )


def test_seed_demo_dates_the_roles_and_most_mentors_give_their_word():
    from mentorship.mentors.models import EvaluationPledge
    from mentorship.years.terms import RoleTerm

    call_command("seed_demo", mentors=30, mentees=45)
    call_command("seed_demo", mentors=30, mentees=45)

    residency = Program.objects.get(slug="stanford-anesthesiology")
    terms = RoleTerm.objects.in_force().filter(program=residency)
    assert set(terms.values_list("user__email", "role")) >= {
        ("director@example.com", "program_director"),
        ("mentor3@example.com", "ccc_member"),
        ("both@example.com", "chief_resident"),
        ("mentor2@example.com", "wellness_lead"),
        ("mentor0013@example.com", "ccc_member"),
        ("mentor0026@example.com", "ccc_member"),
    }
    assert terms.count() == 6  # a second run adds nothing
    pledged = set(EvaluationPledge.objects.values_list("mentor__user__email", flat=True))
    assert "mentor@example.com" in pledged
    assert "mentor3@example.com" not in pledged
    assert "mentor0007@example.com" not in pledged
    listed = MentorProfile.objects.listed_in([residency.pk]).count()
    assert len(pledged) > listed / 2
