"""Demo data: a small program to click through, or a large one for benchmarks.

Idempotent: running it twice leaves the same people and creates no second
profile, request, pairing or meeting; what is already there is left as it is.
Each part of the story is a module of `mentorship.demo`; this runs them in order.
"""

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.templatetags.static import static
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

from mentorship.demo.checkins import seed_checkins
from mentorship.demo.class_year import seed_class_year
from mentorship.demo.invitations import seed_invitations
from mentorship.demo.meetings import seed_meetings
from mentorship.demo.near_peers import seed_near_peers
from mentorship.demo.pairings import seed_generated, seed_story
from mentorship.demo.people import log_ins, seed_people
from mentorship.demo.profiles import seed_profiles
from mentorship.demo.programs import seed_programs
from mentorship.demo.review import seed_review
from mentorship.demo.rollover import seed_rollover
from mentorship.demo.rounds import seed_round
from mentorship.demo.story_people import DEMO_PASSWORD
from mentorship.demo.support import seed_support
from mentorship.demo.terms import seed_terms
from mentorship.demo.years import seed_years
from mentorship.site import absolute

QUIET_EMAIL = "django.core.mail.backends.locmem.EmailBackend"
# A task backend that keeps what is queued in memory and never runs it.
KEEP_QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


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
        now = timezone.now()
        people, director, user_pks = seed_people(mentors, mentees, now)
        residency, fellowship = seed_programs(director)
        new_mentors, new_mentees = seed_profiles(
            user_pks, residency, fellowship, director, mentors, mentees, now
        )
        seed_years([residency, fellowship], now)
        seed_terms(residency, now)
        told = seed_story(director, now)
        near_peer_requests, near_peer_pairings = seed_near_peers(now)
        new_requests, new_pairings = seed_generated(residency, director, now)
        new_meetings, new_notes, new_commitments = seed_meetings(now)
        class_people, class_pairings, class_meetings = seed_class_year(residency, director, now)
        invited, join_path = seed_invitations(residency, director, now)
        rollover = seed_rollover(residency, director, now)
        new_support_messages = seed_support(residency, now)
        match_day = seed_round(residency, director, now)
        # Match Day's new faculty take this year's appointment and pledge as every
        # listed mentor does: made now, a second run has nothing left to add.
        seed_years([residency, fellowship], now)
        seed_terms(residency, now)
        checkins = seed_checkins(residency, now)
        seed_review(residency, now)

        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {people} people."))
        self.stdout.write(
            f"Programs: {residency.name} (directed by director@example.com) "
            f"and {fellowship.name}. New profiles: {new_mentors} mentors, "
            f"{new_mentees} mentees."
        )
        self.stdout.write(
            f"New requests: {told[0] + near_peer_requests + new_requests}; "
            f"new pairings: {told[1] + near_peer_pairings + new_pairings}."
        )
        self.stdout.write(
            f"New meetings: {new_meetings}, with {new_notes} notes and "
            f"{new_commitments} commitments."
        )
        self.stdout.write(
            f"This year's class: new people: {class_people}; new pairings: "
            f"{class_pairings}; new meetings: {class_meetings}."
        )
        self.stdout.write(
            f"Incoming interns invited now: {invited}. Their invitations are in the admin "
            "(sent, opened, joined, expired); bring in another class there, with "
            f"{absolute(static('invitations/incoming-class-example.csv'))}."
        )
        if join_path:
            self.stdout.write(f"Join as an incoming intern (Amara Obi): {absolute(join_path)}")
        self.stdout.write(
            f"The rollover into {rollover.to_year.label} is drafted: the director sees it at "
            f"{absolute(reverse('rollover:wizard', args=[residency.slug]))}"
        )
        self.stdout.write(
            f"{match_day.name} for the incoming interns ({match_day.get_state_display().lower()}):"
            f" the director closes the lists, checks, runs, reviews and publishes it at "
            f"{absolute(reverse('rounds:manage', args=[match_day.pk]))}"
        )
        self.stdout.write(
            f"Support: Dr Luis Herrera is {residency.name}'s wellness contact; "
            f"new messages to him: {new_support_messages}."
        )
        self.stdout.write(
            f"Check-ins since the year began: {checkins[0]} new, {checkins[1]} of them "
            "answered; the director's health dashboard is at "
            f"{absolute(reverse('health:dashboard'))} and the year's annual report at "
            f"{absolute(reverse('health:report'))}"
        )
        self.stdout.write(f"Log in at {absolute(reverse('account_login'))} with any of:")
        for line in log_ins():
            self.stdout.write(line)
        self.stdout.write(f"Password for all of them: {DEMO_PASSWORD}")
        self.stdout.write(
            "The director turns on two-step verification (any authenticator app) "
            "the first time they open /admin/."
        )
