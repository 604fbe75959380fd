"""Demo data: a small program to click through, or a large one for benchmarks.

Idempotent: running it twice leaves the same people, with the same password.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import ensure_directors_group
from accounts.services import user_appoint_director

DEMO_PASSWORD = "connect-with-purpose"

# email, name, mentee, mentor
CORE_PEOPLE = [
    ("director@example.com", "Dr Maya Okafor", False, False),
    ("mentor@example.com", "Dr Dana Chen", False, True),
    ("mentor2@example.com", "Dr Luis Herrera", False, True),
    ("mentor3@example.com", "Dr Priya Raman", False, True),
    ("mentee@example.com", "Sam Whitfield", True, False),
    ("mentee2@example.com", "Ana Kowalski", True, False),
    ("mentee3@example.com", "Jordan Lee", True, False),
    ("both@example.com", "Dr Noor Haddad", True, True),
]

FIRST_NAMES = [
    "Alex",
    "Bianca",
    "Carlos",
    "Deepa",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Imani",
    "Jonas",
    "Keiko",
    "Liam",
    "Mariam",
    "Nikhil",
    "Olivia",
    "Pedro",
    "Quinn",
    "Rosa",
    "Sanjay",
    "Tessa",
    "Umar",
    "Valeria",
    "Wei",
    "Ximena",
    "Yusuf",
    "Zoe",
]
LAST_NAMES = [
    "Abbott",
    "Banerjee",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fujita",
    "Gonzalez",
    "Hughes",
    "Iyer",
    "Jensen",
    "Kim",
    "Lindqvist",
    "Mensah",
    "Nakamura",
    "O'Brien",
    "Petrov",
    "Quintero",
    "Rossi",
    "Sato",
    "Tran",
    "Umeh",
    "Varga",
    "Walsh",
    "Xu",
    "Yilmaz",
    "Zhou",
]


def generated_name(index: int) -> str:
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return f"{first} {last}"


class Command(BaseCommand):
    help = "Create demo people (idempotent); --mentors/--mentees add a larger program."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mentors", type=int, default=0, help="extra mentors to create")
        parser.add_argument("--mentees", type=int, default=0, help="extra mentees to create")

    @transaction.atomic
    def handle(self, *args, mentors: int, mentees: int, **options) -> None:
        if mentors < 0 or mentees < 0:
            self.stderr.write("--mentors and --mentees take a number of 0 or more.")
            return
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
                user.password, user.is_active = password, True
                user.onboarded_at = user.onboarded_at or now
                changed.append(user)
        User.objects.bulk_create(new, batch_size=500)
        User.objects.bulk_update(
            changed,
            ["name", "is_mentee", "is_mentor", "password", "is_active", "onboarded_at"],
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

        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(people)} people."))
        self.stdout.write("Log in at http://127.0.0.1:8000/accounts/login/ with any of:")
        for email, name, is_mentee, is_mentor in CORE_PEOPLE:
            roles = [r for r, on in (("mentee", is_mentee), ("mentor", is_mentor)) if on]
            if email == "director@example.com":
                roles = ["program director"]
            self.stdout.write(f"  {email:<24} {name:<18} {', '.join(roles)}")
        self.stdout.write(f"Password for all of them: {DEMO_PASSWORD}")
        self.stdout.write(
            "The director turns on two-step verification (any authenticator app) "
            "the first time they open /admin/."
        )
