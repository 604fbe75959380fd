"""Demo data: a small program to click through, or a large one for benchmarks.

Idempotent: running it twice leaves the same people and creates no second
profile, request or pairing; what is already there is left as it is. Passwords
are set only for people it creates, so a second run (every `make run`) signs
nobody out: Django ends a person's sessions when their password changes.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.demo_content import (
    ASK_ABOUT,
    ASK_ALSO,
    CAN_OFFER,
    CORE_MENTEES,
    CORE_MENTORS,
    CORE_PEOPLE,
    CURIOUS_ABOUT,
    DIVISIONS,
    FELLOWSHIP,
    FELLOWSHIP_MENTOR,
    FIRST_NAMES,
    HELP_FIRST,
    HELP_THEN,
    LAST_NAMES,
    LEARNING_NOW,
    MEANINGFUL_YEAR,
    MENTEE_LEVELS,
    MENTOR_HELP,
    RESIDENCY,
    TITLES,
    WISH_TOLD,
)
from accounts.demo_meetings import seed_meetings
from accounts.demo_pairings import seed_generated, seed_story
from accounts.models import User
from accounts.roles import ensure_directors_group
from accounts.services import user_appoint_director
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.programs.models import Interest, Program
from mentorship.site import absolute

DEMO_PASSWORD = "connect-with-purpose"
QUIET_EMAIL = "django.core.mail.backends.locmem.EmailBackend"
# A task backend that keeps what is queued in memory and never runs it.
KEEP_QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

# What each core person finds when they log in, printed with their log-in.
STORY_LINES = {
    "director@example.com": "proposed Noor to Jordan; approved Priya with Noor",
    "mentor@example.com": "mentor to Sam (active, quiet for 47 days); Jordan's request waits",
    "mentor2@example.com": "Sam's request waits; declined Ana, suggesting Priya",
    "mentor3@example.com": "asked Ana a question; mentor to Noor (paused)",
    "mentee@example.com": "paired with Dana, last met 47 days ago; waiting to hear from Luis",
    "mentee2@example.com": "declined by Luis with a suggestion; Priya asked a question",
    "mentee3@example.com": "one request withdrawn, one expired; a pairing proposed",
    "both@example.com": "a paused and an ended pairing as mentee; proposed as mentor",
}


def generated_name(index: int) -> str:
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return f"{first} {last}"


def pick(items: list, index: int, count: int) -> list:
    """`count` items spread over the list (stride 5 crosses categories), by index."""
    if not items:
        return []
    return list(dict.fromkeys(items[(index * 7 + k * 5) % len(items)] for k in range(count)))


def generated_mentor(index: int, interests: list[Interest]) -> dict:
    """A mentor profile's fields; every 10th is left for a director to approve."""
    return {
        "title": TITLES[index % len(TITLES)],
        "division": DIVISIONS[(index // 2) % len(DIVISIONS)],
        "capacity": 1 + index % 4,
        "accepting_new": index % 9 != 0,
        "meets_in_person": index % 3 != 0,
        "meets_by_video": index % 3 != 1,
        "meets_by_phone": index % 5 == 0,
        "is_ccc_member": index % 13 == 0,
        "how_i_help": f"{HELP_FIRST[index % len(HELP_FIRST)]} "
        f"{HELP_THEN[(index // len(HELP_FIRST)) % len(HELP_THEN)]}",
        "wish_told": WISH_TOLD[(index * 4) % len(WISH_TOLD)],
        "ask_me_about": f"{ASK_ABOUT[index % len(ASK_ABOUT)].capitalize()}, and "
        f"{ASK_ALSO[(index // 3) % len(ASK_ALSO)]}.",
        "learning_now": LEARNING_NOW[(index // 2) % len(LEARNING_NOW)],
        "interests": pick(interests, index, 2 + index % 4),
        "approved": index % 10 != 0,
    }


def generated_mentee(index: int, interests: list[Interest]) -> dict:
    return {
        "training_level": MENTEE_LEVELS[index % len(MENTEE_LEVELS)],
        "curious_about": CURIOUS_ABOUT[index % len(CURIOUS_ABOUT)],
        "meaningful_year": MEANINGFUL_YEAR[(index // 2) % len(MEANINGFUL_YEAR)],
        "mentor_help": MENTOR_HELP[(index * 5) % len(MENTOR_HELP)],
        "can_offer": CAN_OFFER[(index // 3) % len(CAN_OFFER)],
        "interests": pick(interests, index + 3, 2 + index % 3),
    }


def create_profiles(model, specs: dict[int, dict], memberships: dict[int, list[dict]]) -> int:
    """Profiles for the users (by pk) that have none, with their interests and, for
    mentors, their program memberships (each a dict of Membership fields).

    Profiles already there are left alone, so a second run creates nothing.
    """
    have = set(model.objects.filter(user_id__in=specs).values_list("user_id", flat=True))
    new = {user_id: spec for user_id, spec in specs.items() if user_id not in have}
    model.objects.bulk_create(
        [
            model(user_id=user_id, **{k: v for k, v in spec.items() if k != "interests"})
            for user_id, spec in new.items()
        ],
        batch_size=500,
    )
    profile_pks = dict(model.objects.filter(user_id__in=new).values_list("user_id", "pk"))
    fk = f"{model._meta.model_name}_id"
    model.interests.through.objects.bulk_create(
        [
            model.interests.through(**{fk: profile_pks[user_id]}, interest_id=interest.pk)
            for user_id, spec in new.items()
            for interest in spec["interests"]
        ],
        batch_size=1000,
    )
    if memberships:
        Membership.objects.bulk_create(
            [
                Membership(mentor_id=profile_pks[user_id], **fields)
                for user_id in new
                for fields in memberships[user_id]
            ],
            batch_size=1000,
        )
    return len(new)


class Command(BaseCommand):
    help = "Create demo people (idempotent); --mentors/--mentees add a larger program."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mentors", type=int, default=0, help="extra mentors to create")
        parser.add_argument("--mentees", type=int, default=0, help="extra mentees to create")

    def handle(self, *args, mentors: int, mentees: int, **options) -> None:
        if mentors < 0 or mentees < 0:
            self.stderr.write("--mentors and --mentees take a number of 0 or more.")
            return
        # The story goes through the services, which queue e-mail to the people
        # involved once the transaction commits: keep it in memory, unsent, rather
        # than print it to the console or leave it for the worker to send.
        with override_settings(EMAIL_BACKEND=QUIET_EMAIL, TASKS=KEEP_QUEUED), transaction.atomic():
            self.seed(mentors, mentees)
        if connection.vendor == "postgresql":
            # Thousands of new rows: the planner's figures are refreshed now rather
            # than at autovacuum's next pass, so the first pages are planned right.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def seed(self, mentors: int, mentees: int) -> None:
        password = make_password(DEMO_PASSWORD)
        now = timezone.now()
        ensure_directors_group()

        people = list(CORE_PEOPLE)
        people += [
            (f"mentor{i:04d}@example.com", f"Dr {generated_name(i)}", False, True)
            for i in range(1, mentors + 1)
        ]
        people += [
            (f"mentee{i:04d}@example.com", generated_name(i + 7), True, False)
            for i in range(1, mentees + 1)
        ]

        existing = {u.email: u for u in User.objects.filter(email__in=[p[0] for p in people])}
        new, changed = [], []
        for email, name, is_mentee, is_mentor in people:
            user = existing.get(email)
            if user is None:
                new.append(
                    User(
                        email=email,
                        name=name,
                        password=password,
                        is_mentee=is_mentee,
                        is_mentor=is_mentor,
                        onboarded_at=now,
                    )
                )
            else:
                user.name, user.is_mentee, user.is_mentor = name, is_mentee, is_mentor
                user.is_active = True
                user.onboarded_at = user.onboarded_at or now
                changed.append(user)
        User.objects.bulk_create(new, batch_size=500)
        User.objects.bulk_update(
            changed,
            ["name", "is_mentee", "is_mentor", "is_active", "onboarded_at"],
            batch_size=500,
        )

        users = User.objects.filter(email__in=[p[0] for p in people]).only("pk", "email")
        have_address = set(
            EmailAddress.objects.filter(user__in=users).values_list("email", flat=True)
        )
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=u, email=u.email, verified=True, primary=True)
                for u in users
                if u.email not in have_address
            ],
            batch_size=500,
        )
        EmailAddress.objects.filter(user__in=users).update(verified=True)

        director = User.objects.get(email="director@example.com")
        user_appoint_director(user=director, by=director)

        residency, fellowship = self.seed_programs(director)
        user_pks = {u.email: u.pk for u in users}
        new_mentors, new_mentees = self.seed_profiles(
            user_pks, residency, fellowship, director, mentors, mentees, now
        )
        told = seed_story(director, now)
        new_requests, new_pairings = seed_generated(residency, director, now)
        new_meetings, new_notes, new_commitments = seed_meetings(now)

        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(people)} people."))
        self.stdout.write(
            f"Programs: {residency.name} (directed by director@example.com) "
            f"and {fellowship.name}. New profiles: {new_mentors} mentors, "
            f"{new_mentees} mentees."
        )
        self.stdout.write(
            f"New requests: {told[0] + new_requests}; new pairings: {told[1] + new_pairings}."
        )
        self.stdout.write(
            f"New meetings: {new_meetings}, with {new_notes} notes and "
            f"{new_commitments} commitments."
        )
        self.stdout.write(f"Log in at {absolute(reverse('account_login'))} with any of:")
        for email, name, is_mentee, is_mentor in CORE_PEOPLE:
            roles = [r for r, on in (("mentee", is_mentee), ("mentor", is_mentor)) if on]
            if email == "director@example.com":
                roles = ["program director"]
            self.stdout.write(f"  {email:<24} {name:<18} {', '.join(roles)}")
            if email in STORY_LINES:
                self.stdout.write(f"  {'':<24} {STORY_LINES[email]}")
        self.stdout.write(f"Password for all of them: {DEMO_PASSWORD}")
        self.stdout.write(
            "The director turns on two-step verification (any authenticator app) "
            "the first time they open /admin/."
        )

    def seed_programs(self, director: User) -> tuple[Program, Program]:
        programs = []
        for spec in (RESIDENCY, FELLOWSHIP):
            program, _ = Program.objects.get_or_create(
                slug=spec["slug"],
                defaults={"name": spec["name"], "description": spec["description"]},
            )
            programs.append(program)
        programs[0].directors.add(director)
        return programs[0], programs[1]

    def seed_profiles(
        self, user_pks, residency, fellowship, director, mentors, mentees, now
    ) -> tuple[int, int]:
        interests = list(Interest.objects.order_by("pk"))
        by_name = {interest.name: interest for interest in interests}

        mentor_specs = {
            email: {**spec, "interests": [by_name[n] for n in spec["interests"] if n in by_name]}
            for email, spec in CORE_MENTORS.items()
        }
        for i in range(1, mentors + 1):
            mentor_specs[f"mentor{i:04d}@example.com"] = generated_mentor(i, interests)
        mentor_rows, mentor_programs = {}, {}
        for email, spec in mentor_specs.items():
            spec = dict(spec)
            approval = (
                {"approved_at": now, "approved_by": director} if spec.pop("approved", True) else {}
            )
            mentor_rows[user_pks[email]] = spec
            mentor_programs[user_pks[email]] = [{"program": residency, **approval}]
            if email == FELLOWSHIP_MENTOR:
                # The fellowship's own directors haven't looked at this mentor yet.
                mentor_programs[user_pks[email]].append({"program": fellowship})

        # The year each resident started their current level: this academic year.
        year = now.year if now.month >= 7 else now.year - 1
        mentee_specs = {
            email: {**spec, "interests": [by_name[n] for n in spec["interests"] if n in by_name]}
            for email, spec in CORE_MENTEES.items()
        }
        for i in range(1, mentees + 1):
            mentee_specs[f"mentee{i:04d}@example.com"] = generated_mentee(i, interests)
        mentee_rows = {
            user_pks[email]: {**spec, "program": residency, "start_year": year}
            for email, spec in mentee_specs.items()
        }
        return (
            create_profiles(MentorProfile, mentor_rows, mentor_programs),
            create_profiles(MenteeProfile, mentee_rows, {}),
        )
