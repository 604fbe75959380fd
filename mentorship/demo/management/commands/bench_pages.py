"""How long each main page takes on this database, and how many queries it costs.

    python manage.py seed_demo --mentors 3000 --mentees 6000
    python manage.py bench_pages

Each page is requested in process through Django's test client, as the demo
person who would open it (seed_demo's core people), once to warm up and then
`--repeat` times; it prints the median and the queries of one request, with
the anonymous log-in page for scale. Everything runs in one transaction that is
rolled back: the log-ins, and the two-step authenticator the admin asks of the
director, leave nothing behind.
"""

import statistics
import time
from dataclasses import dataclass

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.models import Count
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings.models import Pairing
from mentorship.programs.models import Interest

WRITES = ("INSERT", "UPDATE", "DELETE")
QUIET = {
    "DEBUG": False,  # no query log while timing (a capture turns it on for its request)
    "ALLOWED_HOSTS": ["testserver"],
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
}


@dataclass
class Page:
    name: str
    client: Client
    url: str
    data: dict | None = None  # a POST (the CSV export, an admin action)
    scale: float = 8  # the target: at most this many times the log-in page

    def request(self) -> HttpResponse:
        if self.data is not None:
            response = self.client.post(self.url, self.data, secure=True)
        else:
            response = self.client.get(self.url, secure=True)
        if response.streaming:
            response.content_length = sum(len(chunk) for chunk in response.streaming_content)
        else:
            response.content_length = len(response.content)
        return response


@dataclass
class Figures:
    page: Page
    median_ms: float
    queries: int
    writes: int
    kilobytes: float


class Command(BaseCommand):
    help = "Time each main page on the current database: median milliseconds and queries."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=7, help="timed requests per page")
        parser.add_argument("--only", default="", help="only pages whose name contains this")

    def handle(self, *args, repeat: int, only: str, **options) -> None:
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        with override_settings(**QUIET), transaction.atomic():
            pages = self.pages()
            # The log-in page always, as the scale of the others.
            pages = pages[:1] + [page for page in pages[1:] if only.lower() in page.name.lower()]
            figures = [self.measure(page, repeat) for page in pages]
            transaction.set_rollback(True)
        self.report(figures, repeat)

    # --- who opens what ------------------------------------------------------

    def person(self, email: str) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            raise CommandError(f"{email} is missing: run `manage.py seed_demo` first.")
        return user

    def client_for(self, user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    def pages(self) -> list[Page]:
        mentee = self.person("mentee@example.com")
        mentor = self.person("mentor@example.com")
        both = self.person("both@example.com")
        director = self.person("director@example.com")
        if not is_mfa_enabled(director):
            # The admin opens only after two-step verification; rolled back after.
            TOTP.activate(director, generate_totp_secret())
        as_mentee, as_mentor, as_both, as_director = map(
            self.client_for, (mentee, mentor, both, director)
        )
        anonymous = self.client_for(None)

        profile = MentorProfile.objects.get(user=mentor)
        pairing = Pairing.objects.filter(mentee__user=mentee, status=Pairing.Status.ACTIVE).first()
        if pairing is None:
            raise CommandError("The demo mentee has no active pairing: run `seed_demo` again.")
        # The two interests most mentors list, and a word from the mentor's answers.
        popular = list(
            Interest.objects.annotate(n=Count("mentor_profiles"))
            .order_by("-n", "pk")
            .values_list("pk", flat=True)[:2]
        )
        word = max(profile.how_i_help.split(), key=len).strip(".,;:!?\"'()")
        directory = reverse("mentors:directory")
        changelist = reverse("admin:pairings_pairing_changelist")
        export = {
            "action": "export_csv",
            "select_across": "1",
            "index": "0",
            ACTION_CHECKBOX_NAME: [pairing.pk],
        }
        admin_lists = [
            ("admin: pairings", changelist),
            ("admin: requests", reverse("admin:pairings_mentorshiprequest_changelist")),
            ("admin: mentors", reverse("admin:mentors_mentorprofile_changelist")),
            ("admin: mentees", reverse("admin:mentees_menteeprofile_changelist")),
            ("admin: meetings", reverse("admin:meetings_meeting_changelist")),
            ("admin: people", reverse("admin:accounts_user_changelist")),
            ("admin: programs", reverse("admin:programs_program_changelist")),
        ]
        return [
            Page("log-in page (anonymous, for scale)", anonymous, reverse("account_login")),
            Page("dashboard: mentee", as_mentee, reverse("home")),
            Page("dashboard: mentor", as_mentor, reverse("home")),
            Page("dashboard: mentee and mentor", as_both, reverse("home")),
            Page("dashboard: director", as_director, reverse("home")),
            Page("directory", as_mentee, directory),
            Page(
                "directory: two interests",
                as_mentee,
                directory + "?" + "&".join(f"interests={pk}" for pk in popular),
            ),
            Page(f"directory: search “{word}”", as_mentee, f"{directory}?q={word}"),
            Page("directory: page 3", as_mentee, f"{directory}?page=3"),
            Page("mentor's profile", as_mentee, profile.get_absolute_url()),
            Page(
                "mentee's profile (seen by their mentor)",
                as_mentor,
                MenteeProfile.objects.get(user=mentee).get_absolute_url(),
            ),
            Page("pairing page", as_mentee, reverse("meetings:pairing", args=[pairing.pk])),
            Page("my pairings", as_mentor, reverse("pairings:list")),
            Page("my requests", as_mentee, reverse("pairings:request_list")),
            Page("inbox", as_mentor, reverse("pairings:inbox")),
            *(Page(name, as_director, url, scale=20) for name, url in admin_lists),
            Page("admin: CSV of every pairing", as_director, changelist, export, scale=20),
        ]

    # --- measuring -----------------------------------------------------------

    def measure(self, page: Page, repeat: int) -> Figures:
        response = page.request()  # warm-up: caches, connections, templates
        expected = 200
        if response.status_code != expected:
            raise CommandError(f"{page.name}: {page.url} answered {response.status_code}.")
        connection.queries_log.clear()  # it keeps at most 9,000 queries
        with CaptureQueriesContext(connection) as captured:
            page.request()
        queries = [q["sql"] for q in captured.captured_queries]
        writes = sum(1 for sql in queries if sql.lstrip().startswith(WRITES))
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = page.request()
            timings.append((time.perf_counter() - started) * 1000)
        return Figures(
            page=page,
            median_ms=statistics.median(timings),
            queries=len(queries),
            writes=writes,
            kilobytes=response.content_length / 1024,
        )

    def report(self, figures: list[Figures], repeat: int) -> None:
        scale = figures[0].median_ms
        mentors = MentorProfile.objects.count()
        mentees = MenteeProfile.objects.count()
        self.stdout.write(
            f"{mentors:,} mentors, {mentees:,} mentees, {Pairing.objects.count():,} pairings on "
            f"{connection.vendor}; median of {repeat} requests after one warm-up.\n"
        )
        width = max(len(f.page.name) for f in figures)
        self.stdout.write(
            f"{'page':<{width}}  {'median ms':>9}  {'× log-in':>8}  {'queries':>7}  "
            f"{'writes':>6}  {'KB':>7}"
        )
        over: list[str] = []
        for f in figures:
            times = f.median_ms / scale if scale else 0
            mark = "" if times <= f.page.scale else f"  over {f.page.scale:g}×"
            if mark:
                over.append(f.page.name)
            self.stdout.write(
                f"{f.page.name:<{width}}  {f.median_ms:>9.1f}  {times:>8.1f}  {f.queries:>7}  "
                f"{f.writes:>6}  {f.kilobytes:>7.1f}{mark}"
            )
        if over:
            self.stdout.write(f"\nOver their target against the log-in page: {', '.join(over)}.")
