"""Measure the rollover on a program of 300 mentors and 600 mentees (the sizes
are options): the wizard's queries, for a program a tenth the size and for the
full one, and the time applying it takes, the first run and the second.

Everything runs in one transaction that is rolled back, so the database is
left as it was. The programs' years start on the first of the month after next,
so the wizard is open today whatever the date.
"""

import time
from datetime import date, timedelta

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.pairings.models import Pairing
from mentorship.programs.models import Program
from mentorship.rollover.models import AlumniOffer, CapacityConfirmation, Rollover, RolloverChoice
from mentorship.rollover.services import rollover_apply
from mentorship.years.models import AcademicYear, Appointment, Level

QUIET = {
    "DEBUG": False,
    "ALLOWED_HOSTS": ["testserver"],
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
}
LEVELS = [Level.INTERN, Level.CA1, Level.CA2, Level.CA3]


class Command(BaseCommand):
    help = "Time the rollover of a large program (rolled back afterwards)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mentors", type=int, default=300)
        parser.add_argument("--mentees", type=int, default=600)

    def handle(self, *args, mentors: int, mentees: int, **options) -> None:
        with override_settings(**QUIET), transaction.atomic():
            self.run(mentors, mentees)
            transaction.set_rollback(True)

    def run(self, mentors: int, mentees: int) -> None:
        director = User.objects.create_user(
            email="bench-rollover@example.com", name="Bench Director", is_staff=True
        )
        TOTP.activate(director, generate_totp_secret())
        client = Client()
        client.force_login(director)
        small = self.build("small", director, max(mentors // 10, 4), max(mentees // 10, 8))
        large = self.build("large", director, mentors, mentees)
        for label, rollover in (("a tenth the size", small), ("full size", large)):
            url = reverse("rollover:wizard", args=[rollover.program.slug])
            client.get(url)  # the session's first page records it
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            self.stdout.write(
                f"Wizard, {label} ({rollover.program.name}): HTTP {response.status_code}, "
                f"{len(queries)} queries, {len(response.content) // 1024} KB."
            )
        day = large.to_year.starts_on
        for run in ("first", "second"):
            started = time.perf_counter()
            done = rollover_apply(rollover=large, day=day)
            seconds = time.perf_counter() - started
            self.stdout.write(f"Apply, {run} run: {seconds:.2f} s on {connection.vendor}: {done}")

    def build(self, name: str, director: User, mentors: int, mentees: int) -> Rollover:
        """A program whose year starts the first of the month after next; this
        year's appointments, a pairing per mentor (a quarter with a graduating
        mentee), a hold-back, offers to every graduate (a third say yes) and half
        the mentors' places reconfirmed; scheduled."""
        today = timezone.localdate()
        month = (today.month + 1) % 12 + 1
        starts = date(today.year + (today.month + 2 > 12), month, 1)
        program = Program.objects.create(
            name=f"Bench rollover {name}",
            slug=f"bench-rollover-{name}",
            year_starts_month=month,
            year_starts_day=1,
        )
        program.directors.add(director)
        this = AcademicYear.objects.for_day(program, starts - timedelta(days=1))
        following = AcademicYear.objects.for_day(program, starts)
        users = User.objects.bulk_create(
            [
                User(email=f"{name}-r{i}@example.com", name=f"Resident {i:04}", is_mentee=True)
                for i in range(mentees)
            ]
            + [
                User(email=f"{name}-m{i}@example.com", name=f"Dr Mentor {i:04}", is_mentor=True)
                for i in range(mentors)
            ],
            batch_size=1000,
        )
        residents, faculty = users[:mentees], users[mentees:]
        profiles = MenteeProfile.objects.bulk_create(
            [
                MenteeProfile(user=u, program=program, training_level="ca1", start_year=2026)
                for u in residents
            ],
            batch_size=1000,
        )
        mentor_profiles = MentorProfile.objects.bulk_create(
            [MentorProfile(user=u, title="Professor", capacity=2) for u in faculty],
            batch_size=1000,
        )
        now = timezone.now()
        Membership.objects.bulk_create(
            [Membership(mentor=m, program=program, approved_at=now) for m in mentor_profiles],
            batch_size=1000,
        )
        Appointment.objects.bulk_create(
            [Appointment(user=u, year=this, level=LEVELS[i % 4]) for i, u in enumerate(residents)]
            + [Appointment(user=u, year=this, level=Level.FACULTY) for u in faculty],
            batch_size=1000,
        )
        Pairing.objects.bulk_create(
            [
                Pairing(
                    mentor=m,
                    mentee=profiles[i % mentees],
                    program=program,
                    status=Pairing.Status.ACTIVE,
                    started_on=this.starts_on,
                )
                for i, m in enumerate(mentor_profiles)
            ],
            batch_size=1000,
        )
        rollover = Rollover.objects.create(
            program=program,
            to_year=following,
            state=Rollover.State.SCHEDULED,
            confirmed_by=director,
            confirmed_at=now,
        )
        RolloverChoice.objects.create(rollover=rollover, user=residents[3], choice="hold_back")
        graduates = residents[3::4][1:]
        AlumniOffer.objects.bulk_create(
            [
                AlumniOffer(
                    rollover=rollover,
                    user=u,
                    asked_at=now,
                    answered_at=now,
                    accepted=i % 3 == 0,
                )
                for i, u in enumerate(graduates)
            ],
            batch_size=1000,
        )
        CapacityConfirmation.objects.bulk_create(
            [
                CapacityConfirmation(
                    user=u, year=following, asked_at=now, capacity=3, confirmed_at=now
                )
                for u in faculty[::2]
            ],
            batch_size=1000,
        )
        return rollover
