"""The demo's Match Day: a round for the residency's incoming interns, collecting,
with most lists filled, ready for the director to close, check, run, review and
publish.

Four faculty join the residency's mentors for it. Most mentors have confirmed
their places; Dr Dana Chen ranks those who listed her, Dr Elena Ruiz leaves the
order to the lottery, Dr Tom Becker marks one intern he shouldn't mentor, and
Dr Priya Raman sits on the CCC, so the pair listing her is removed before
solving. Hannah Cole, whose invitation expired, has no list: the check page
holds the run until the director accepts it. A second run adds nothing.
"""

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.programs.models import Program
from mentorship.rounds import services
from mentorship.rounds.models import Round
from mentorship.years.models import AcademicYear

from .story_people import DEMO_PASSWORD

ROUND_MENTORS = [
    (
        "elena.ruiz@example.com",
        "Dr Elena Ruiz",
        "Associate Professor",
        "Pediatric Anesthesia",
        "Calm first, then the plan. I love helping interns find their footing in the OR.",
    ),
    (
        "marcus.bell@example.com",
        "Dr Marcus Bell",
        "Professor",
        "Cardiac Anesthesia",
        "Career maps, research introductions, and an honest word when you need one.",
    ),
    (
        "aisha.khan@example.com",
        "Dr Aisha Khan",
        "Assistant Professor",
        "Regional Anesthesia and Acute Pain",
        "Ultrasound, teaching, and how to keep a life outside the hospital.",
    ),
    (
        "tom.becker@example.com",
        "Dr Tom Becker",
        "Clinical Associate Professor",
        "Critical Care",
        "Nights, hard conversations with families, and finding what you love.",
    ),
]

# Each intern's list (mentors by e-mail), and a sentence on the first.
MENTOR = {
    "dana": "mentor@example.com",
    "luis": "mentor2@example.com",
    "priya": "mentor3@example.com",
    "elena": "elena.ruiz@example.com",
    "marcus": "marcus.bell@example.com",
    "aisha": "aisha.khan@example.com",
    "tom": "tom.becker@example.com",
}
LISTS = [
    ("amara.obi@example.com", ["dana", "elena", "aisha"], "Her talk on airway safety."),
    ("ben.sato@example.com", ["dana", "marcus", "tom"], "A resident said she listens first."),
    ("chloe.martin@example.com", ["elena", "dana", "luis"], "Pediatrics is why I chose this."),
    ("diego.alvarez@example.com", ["tom", "dana", "marcus"], "I want to learn critical care."),
    ("esi.mensah@example.com", ["aisha", "priya", "elena"], "Regional blocks, and teaching."),
    ("felix.braun@example.com", ["dana", "aisha", "luis"], "She helped me on my sub-I."),
    ("gita.sharma@example.com", ["elena", "dana", "marcus"], "Pediatric anesthesia, always."),
]
PLACES = {"dana": 1, "luis": 1, "elena": 2, "marcus": 1, "aisha": 2, "tom": 1}
DANA_ORDER = ["felix.braun@example.com", "amara.obi@example.com", "ben.sato@example.com"]
MARKED = (
    "tom",
    "diego.alvarez@example.com",
    "Diego is a family friend's son: better someone else.",
)


def seed_round(residency: Program, director: User, now: datetime) -> Round:
    """The incoming interns' round, opened and mostly filled (or as a first run left it)."""
    year = AcademicYear.objects.for_day(residency, timezone.localdate(now))
    following = AcademicYear.objects.for_day(residency, year.ends_on + timedelta(days=1))
    name = f"Match Day {following.label}"
    if existing := Round.objects.filter(program=residency, name=name).first():
        return existing
    _seed_mentors(residency, now)
    today = timezone.localdate(now)
    round = Round.objects.create(
        program=residency,
        name=name,
        cohort=Round.Cohort.LEVEL,
        level="intern",
        year=following,
        opens_on=today - timedelta(days=5),
        mentee_deadline=today + timedelta(days=1),
        mentor_deadline=today + timedelta(days=3),
        publish_on=today + timedelta(days=5),
        created_by=director,
        seed=20270701,
    )
    services.round_open(round=round, by=director)
    round.refresh_from_db()
    users = {
        u.email: u
        for u in User.objects.filter(email__in=[*MENTOR.values(), *[e for e, _, _ in LISTS]])
    }
    mentors = {key: MentorProfile.objects.get(user__email=email) for key, email in MENTOR.items()}
    for email, names, drew_you in LISTS:
        for n, key in enumerate(names):
            services.choice_add(
                round=round,
                mentor=mentors[key],
                by=users[email],
                drew_you=drew_you if n == 0 else "",
            )
        if email != "chloe.martin@example.com":  # still thinking it over
            services.list_submit(round=round, by=users[email])
    for key, places in PLACES.items():
        services.seat_confirm(
            round=round, by=mentors[key].user, capacity=places, no_preference=key == "elena"
        )
    services.mentor_ranking_set(
        round=round,
        by=mentors["dana"].user,
        mentee_ids=[users[e].mentee_profile.pk for e in DANA_ORDER],
    )
    key, email, reason = MARKED
    services.exclusion_add(
        round=round,
        mentor=mentors[key],
        mentee=users[email].mentee_profile,
        by=mentors[key].user,
        reason=reason,
    )
    return round


def _seed_mentors(residency: Program, now: datetime) -> None:
    password = make_password(DEMO_PASSWORD)
    for email, name, title, division, how in ROUND_MENTORS:
        user, made = User.objects.get_or_create(
            email=email,
            defaults={"name": name, "password": password, "is_mentor": True, "onboarded_at": now},
        )
        if made:
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        profile, _ = MentorProfile.objects.get_or_create(
            user=user,
            defaults={"title": title, "division": division, "capacity": 2, "how_i_help": how},
        )
        Membership.objects.get_or_create(
            mentor=profile, program=residency, defaults={"approved_at": now}
        )
