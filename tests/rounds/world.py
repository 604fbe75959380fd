"""A small Match Day world for the services' tests: a program, its director, four
mentors and five incoming CA-1s, and a round over them, opened."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from mentorship.rounds import services
from mentorship.rounds.models import Round
from tests.factories import (
    make_appointment,
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)

MENTORS = ["Dr Ana Alvarez", "Dr Ben Brooks", "Dr Cara Chen", "Dr Dev Das"]
MENTEES = ["Sam Lee", "Tia Moss", "Uma Nair", "Vic Ortiz", "Wes Park"]


@dataclass
class World:
    program: object
    director: object
    round: Round
    mentors: dict = field(default_factory=dict)  # "A" → MentorProfile
    mentees: dict = field(default_factory=dict)  # "Sam" → MenteeProfile

    def lists(self, **lists):
        """Each mentee's list by first name and mentor letters: lists(Sam="AB")."""
        for name, letters in lists.items():
            user = self.mentees[name].user
            for letter in letters:
                services.choice_add(round=self.round, mentor=self.mentors[letter], by=user)

    def places(self, **places):
        for letter, capacity in places.items():
            services.seat_confirm(
                round=self.round,
                by=self.mentors[letter].user,
                capacity=capacity,
                no_preference=False,
            )

    def ranks(self, **orders):
        """A mentor's order of those who listed them: ranks(A=["Tia", "Sam"])."""
        for letter, names in orders.items():
            services.mentor_ranking_set(
                round=self.round,
                by=self.mentors[letter].user,
                mentee_ids=[self.mentees[n].pk for n in names],
            )

    def solve(self):
        services.round_close(round=self.round, by=self.director)
        for problem in services.check(self.round).problems:
            if problem.holds_the_run:
                services.problems_accept(round=self.round, by=self.director, code=problem.code)
        return services.run_solve(round=self.round, by=self.director)

    def matched(self, run) -> dict[str, str]:
        """{"Sam": "A"}: the run's pairs by first name and mentor letter."""
        letters = {m.pk: k for k, m in self.mentors.items()}
        names = {m.pk: k for k, m in self.mentees.items()}
        return {names[mentee]: letters[mentor] for mentee, mentor in run.matched().items()}


def make_world(*, capacity: int = 1, **round_fields) -> World:
    director = make_director("okafor@example.com", name="Dr Maya Okafor")
    program = make_program("Stanford Anesthesiology", directors=[director])
    world_mentors = {}
    for n, name in enumerate(MENTORS):
        user = make_mentor(f"mentor{n}@example.com", name=name)
        world_mentors["ABCD"[n]] = make_mentor_profile(user, programs=[program], capacity=capacity)
    world_mentees = {}
    for n, name in enumerate(MENTEES):
        user = make_mentee(f"mentee{n}@example.com", name=name)
        world_mentees[name.split()[0]] = make_mentee_profile(user, program=program)
        make_appointment(user, program=program, level="ca1")
    today = timezone.localdate()
    round_fields.setdefault("list_min", 1)
    round = Round.objects.create(
        program=program,
        name="Match Day 2027",
        cohort=Round.Cohort.LEVEL,
        level="ca1",
        opens_on=today,
        mentee_deadline=today + timedelta(days=7),
        mentor_deadline=today + timedelta(days=10),
        publish_on=today + timedelta(days=14),
        created_by=director,
        **round_fields,
    )
    services.round_open(round=round, by=director)
    round.refresh_from_db()
    return World(program, director, round, world_mentors, world_mentees)
