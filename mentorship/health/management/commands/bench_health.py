"""Measure the health dashboard on a large program: 3,000 mentors and 6,000
mentees by default (the sizes are options), a year of pairings, meetings,
commitments, invitations, pulse check-ins and follow-ups, built with bulk_create.

    DATABASE_URL=postgres://… .venv/bin/python manage.py bench_health [--mentors 3000 --mentees 6000]

Prints the page's time (best of 5) and queries for a program a tenth the size
and for the full one, and those of its pairs' CSV, one chart and the annual
report (its page and its CSV). Everything runs
in one transaction that is rolled back, so the database is left as it was.
"""

import random
import time
from datetime import datetime, timedelta
from datetime import time as clock

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.checkins.models import Answer, Checkin, FollowUp, Question
from mentorship.invitations.models import Invitation
from mentorship.meetings.models import Commitment, Meeting
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear, Appointment, Level

QUIET = {
    "DEBUG": False,
    "ALLOWED_HOSTS": ["testserver"],
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
}
LEVELS = [Level.INTERN, Level.CA1, Level.CA2, Level.CA3]
BATCH = 5000


class Command(BaseCommand):
    help = "Time the health dashboard of a large program (rolled back afterwards)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mentors", type=int, default=3000)
        parser.add_argument("--mentees", type=int, default=6000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--slowest", action="store_true", help="print the slowest queries")

    def handle(self, *args, mentors: int, mentees: int, seed: int, slowest: bool, **options):
        self.verbose = slowest
        with override_settings(**QUIET), transaction.atomic():
            self.run(mentors, mentees, seed)
            transaction.set_rollback(True)

    def run(self, mentors: int, mentees: int, seed: int) -> None:
        director = User.objects.create_user(
            email="bench-health@example.com", name="Bench Director", is_staff=True
        )
        TOTP.activate(director, generate_totp_secret())
        client = Client()
        client.force_login(director)
        sizes = (
            ("a tenth the size", max(mentors // 10, 10), max(mentees // 10, 20)),
            ("full size", mentors, mentees),
        )
        for label, n_mentors, n_mentees in sizes:
            started = time.perf_counter()
            program = self.build(label, director, n_mentors, n_mentees, seed)
            built = time.perf_counter() - started
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            self.stdout.write(
                f"{label}: {n_mentors} mentors, {n_mentees} mentees built on "
                f"{connection.vendor} in {built:.1f} s."
            )
            for name, url in (
                ("page", reverse("health:dashboard")),
                ("pairs CSV", reverse("health:csv", args=["pairs"])),
                ("coverage chart", reverse("health:chart", args=["coverage"])),
                ("annual report", reverse("health:report")),
                ("annual report CSV", reverse("health:report_csv")),
            ):
                self.measure(client, name, url)
            # The next size is a program of its own: this one leaves the director's list.
            program.directors.remove(director)

    def measure(self, client: Client, name: str, url: str) -> None:
        client.get(url)  # warm: the session's first page records it
        best, queries, size = float("inf"), 0, 0
        for _ in range(5):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            best = min(best, time.perf_counter() - started)
            queries, size = len(captured), len(response.content)
            sql = sum(float(q["time"]) for q in captured.captured_queries)
        if self.verbose:
            slow = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:6]
            for q in slow:
                self.stdout.write(f"    {float(q['time']) * 1000:.0f} ms  {q['sql'][:150]}")
        self.stdout.write(
            f"  {name}: HTTP {response.status_code}, {queries} queries ({sql * 1000:.0f} ms of SQL "
            f"in the last), best {best * 1000:.0f} ms, "
            f"{size // 1024} KB"
        )

    def build(self, name: str, director: User, mentors: int, mentees: int, seed: int) -> Program:
        rng = random.Random(seed)
        today = timezone.localdate()
        now = timezone.now()
        slug = name.replace(" ", "-")
        program = Program.objects.create(name=f"Bench health {name}", slug=f"bench-health-{slug}")
        program.directors.add(director)
        year = AcademicYear.objects.for_day(program, today)
        start = year.starts_on
        days_in = max((today - start).days, 1)

        def day(offset: int):
            return start + timedelta(days=min(offset, days_in))

        def at(d):
            return timezone.make_aware(datetime.combine(d, clock(12)))

        users = User.objects.bulk_create(
            [
                User(email=f"h-{slug}-r{i}@example.com", name=f"Resident {i:05}", is_mentee=True)
                for i in range(mentees)
            ]
            + [
                User(email=f"h-{slug}-m{i}@example.com", name=f"Dr Mentor {i:05}", is_mentor=True)
                for i in range(mentors)
            ],
            batch_size=BATCH,
        )
        residents, faculty = users[:mentees], users[mentees:]
        mentee_profiles = MenteeProfile.objects.bulk_create(
            [
                MenteeProfile(user=u, program=program, training_level="ca1", start_year=start.year)
                for u in residents
            ],
            batch_size=BATCH,
        )
        Appointment.objects.bulk_create(
            [Appointment(user=u, year=year, level=rng.choice(LEVELS)) for u in residents],
            batch_size=BATCH,
        )
        mentor_profiles = MentorProfile.objects.bulk_create(
            [MentorProfile(user=u, title="Professor", capacity=3) for u in faculty],
            batch_size=BATCH,
        )
        Membership.objects.bulk_create(
            [Membership(mentor=m, program=program, approved_at=now) for m in mentor_profiles],
            batch_size=BATCH,
        )
        # Nine in ten mentees paired: most by a request, a few ended.
        paired = [m for m in mentee_profiles if rng.random() < 0.9]
        requests, pairings = [], []
        for n, mentee in enumerate(paired):
            mentor = mentor_profiles[n % len(mentor_profiles)]
            asked = day(rng.randint(0, 60))
            made = asked + timedelta(days=rng.randint(0, 20))
            request = MentorshipRequest(
                mentee=mentee,
                mentor=mentor,
                program=program,
                status="accepted",
                drew_you="Bench.",
                created_at=at(asked),
            )
            requests.append(request)
            ended = rng.random() < 0.1
            pairings.append(
                Pairing(
                    mentee=mentee,
                    mentor=mentor,
                    program=program,
                    status=Pairing.Status.ENDED if ended else Pairing.Status.ACTIVE,
                    kind=rng.choice(Pairing.Kind.values),
                    request=request,
                    created_at=at(min(made, today)),
                    started_on=min(made, today),
                    ended_on=min(made + timedelta(days=90), today) if ended else None,
                )
            )
        MentorshipRequest.objects.bulk_create(requests, batch_size=BATCH)
        Pairing.objects.bulk_create(pairings, batch_size=BATCH)
        meetings, commitments = [], []
        for pairing in pairings:
            for k in range(rng.randint(0, 6)):
                when = min(pairing.started_on + timedelta(days=7 + 35 * k), today)
                meetings.append(Meeting(pairing=pairing, starts_at=at(when), status="held"))
            for k in range(2):
                due = pairing.started_on + timedelta(days=14 + 30 * k)
                commitments.append(
                    Commitment(
                        pairing=pairing,
                        owner="mentee",
                        what="Bench",
                        due_on=due,
                        done_at=at(due) if rng.random() < 0.7 else None,
                    )
                )
        Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        Commitment.objects.bulk_create(commitments, batch_size=BATCH)
        Invitation.objects.bulk_create(
            [
                Invitation(
                    program=program,
                    user=u,
                    email=u.email,
                    name=u.name,
                    level=Level.INTERN,
                    starts_on=start,
                    sent_at=at(start - timedelta(days=30)),
                    joined_at=at(start - timedelta(days=20)) if rng.random() < 0.8 else None,
                )
                for u in residents[: mentees // 6]
            ],
            batch_size=BATCH,
        )
        useful = Question.objects.filter(kind="pulse", key="useful", program__isnull=True).first()
        checkins = [
            Checkin(
                program=program,
                person=p.mentee.user,
                pairing=p,
                side="mentee",
                kind="pulse",
                period="pulse-90",
                level=rng.choice(LEVELS),
                mentor_kind=p.kind,
                opened_on=day(90 + i % 60),
                closes_on=day(90 + i % 60) + timedelta(days=14),
                status="answered" if rng.random() < 0.8 else "closed",
                answered_at=at(day(91 + i % 60)),
            )
            for i, p in enumerate(pairings)
        ]
        Checkin.objects.bulk_create(checkins, batch_size=BATCH)
        if useful:
            Answer.objects.bulk_create(
                [
                    Answer(checkin=c, question=useful, number=rng.randint(2, 5), audience="total")
                    for c in checkins
                    if c.status == "answered"
                ],
                batch_size=BATCH,
            )
        FollowUp.objects.bulk_create(
            [
                FollowUp(program=program, pairing=c.pairing, checkin=c, reason="low_pulse")
                for c in checkins[::25]
            ],
            batch_size=BATCH,
        )
        return program
