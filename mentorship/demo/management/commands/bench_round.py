"""Measure a whole Match Day round from the database: 6,000 mentees and 3,000
mentors by default (the sizes are options), 10-long lists with a few mentors far
more popular than the rest, places 1 to 4, mentors' own rankings for a third.

It prints the time of the check, of the run (solved, with every explanation and
figure stored), and of the review page, and the review page's queries for a round
a tenth the size and for the full one. Everything runs in one transaction that is
rolled back, so the database is left as it was.
"""

import random
import time
from datetime import timedelta

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
from mentorship.programs.models import Program
from mentorship.rounds import services
from mentorship.rounds.models import Choice, Entrant, MentorRanking, Round, Seat

from .bench_rollover import QUIET

LIST_LENGTH = 10


class Command(BaseCommand):
    help = "Time a whole Match Day round of a large program (rolled back afterwards)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mentors", type=int, default=3000)
        parser.add_argument("--mentees", type=int, default=6000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, mentors: int, mentees: int, seed: int, **options) -> None:
        with override_settings(**QUIET), transaction.atomic():
            self.run(mentors, mentees, seed)
            transaction.set_rollback(True)

    def run(self, mentors: int, mentees: int, seed: int) -> None:
        director = User.objects.create_user(
            email="bench-round@example.com", name="Bench Director", is_staff=True
        )
        TOTP.activate(director, generate_totp_secret())
        client = Client()
        client.force_login(director)
        small = self.build("small", director, max(mentors // 10, 12), max(mentees // 10, 24), seed)
        started = time.perf_counter()
        large = self.build("large", director, mentors, mentees, seed)
        self.stdout.write(
            f"Built a round of {mentees} mentees and {mentors} mentors on {connection.vendor} "
            f"in {time.perf_counter() - started:.1f} s."
        )
        for label, round in (("a tenth the size", small), ("full size", large)):
            started = time.perf_counter()
            check = services.check(round)
            checked = time.perf_counter() - started
            for problem in check.problems:
                if problem.holds_the_run:
                    services.problems_accept(round=round, by=director, code=problem.code)
            started = time.perf_counter()
            run = services.run_solve(round=round, by=director)
            solved = time.perf_counter() - started
            url = reverse("rounds:review", args=[round.pk])
            client.get(url)  # the session's first page records it
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            reviewed = time.perf_counter() - started
            figures = run.figures
            self.stdout.write(
                f"{label}: check {checked:.2f} s; run {solved:.2f} s "
                f"({figures['matched']} of {figures['mentees']} matched, "
                f"{figures['first']} to their first choice, {figures['blocking']} blocking "
                f"pairs); review page HTTP {response.status_code}, {len(queries)} queries, "
                f"{reviewed:.2f} s, {len(response.content) // 1024} KB."
            )

    def build(self, name: str, director: User, mentors: int, mentees: int, seed: int) -> Round:
        """A program, its mentors and mentees, and a closed round over them with every
        list filled and places confirmed."""
        rng = random.Random(seed)
        program = Program.objects.create(name=f"Bench round {name}", slug=f"bench-round-{name}")
        program.directors.add(director)
        users = User.objects.bulk_create(
            [
                User(email=f"{name}-r{i}@example.com", name=f"Resident {i:05}", is_mentee=True)
                for i in range(mentees)
            ]
            + [
                User(email=f"{name}-m{i}@example.com", name=f"Dr Mentor {i:05}", is_mentor=True)
                for i in range(mentors)
            ],
            batch_size=2000,
        )
        residents, faculty = users[:mentees], users[mentees:]
        mentee_profiles = MenteeProfile.objects.bulk_create(
            [
                MenteeProfile(user=u, program=program, training_level="ca1", start_year=2026)
                for u in residents
            ],
            batch_size=2000,
        )
        mentor_profiles = MentorProfile.objects.bulk_create(
            [MentorProfile(user=u, title="Professor", capacity=5) for u in faculty],
            batch_size=2000,
        )
        now = timezone.now()
        Membership.objects.bulk_create(
            [Membership(mentor=m, program=program, approved_at=now) for m in mentor_profiles],
            batch_size=2000,
        )
        today = timezone.localdate()
        round = Round.objects.create(
            program=program,
            name=f"Bench Match Day {name}",
            cohort=Round.Cohort.UNMATCHED,
            opens_on=today - timedelta(days=14),
            mentee_deadline=today - timedelta(days=7),
            mentor_deadline=today - timedelta(days=3),
            publish_on=today,
            list_max=LIST_LENGTH,
            state=Round.State.CLOSED,
            seed=seed,
            created_by=director,
        )
        Entrant.objects.bulk_create(
            [Entrant(round=round, mentee=m, submitted_at=now) for m in mentee_profiles],
            batch_size=2000,
        )
        Seat.objects.bulk_create(
            [
                Seat(round=round, mentor=m, capacity=rng.randint(1, 4), confirmed_at=now)
                for m in mentor_profiles
            ],
            batch_size=2000,
        )
        # A few mentors far more popular than the rest (weights like 1/rank).
        weights = [1 / (n + 1) for n in range(mentors)]
        choices, listed = [], {}
        for mentee in mentee_profiles:
            picked = set()
            while len(picked) < min(LIST_LENGTH, mentors):
                picked.update(rng.choices(range(mentors), weights=weights, k=LIST_LENGTH))
            for rank, n in enumerate(list(picked)[:LIST_LENGTH], start=1):
                choices.append(
                    Choice(round=round, mentee=mentee, mentor=mentor_profiles[n], rank=rank)
                )
                listed.setdefault(n, []).append(mentee)
        Choice.objects.bulk_create(choices, batch_size=5000)
        rankings = []
        for n, who in listed.items():
            if n % 3 == 0:
                order = who[:]
                rng.shuffle(order)
                rankings += [
                    MentorRanking(round=round, mentor=mentor_profiles[n], mentee=m, rank=r)
                    for r, m in enumerate(order, start=1)
                ]
        MentorRanking.objects.bulk_create(rankings, batch_size=5000)
        return round
