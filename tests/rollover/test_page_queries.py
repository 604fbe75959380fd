"""The wizard costs the same number of queries for 10 people as for 100: the
plan reads each kind of row once, whatever the size of the program."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.pairings.models import Pairing
from mentorship.rollover.models import AlumniOffer, CapacityConfirmation, Rollover, RolloverChoice
from mentorship.years.models import Appointment, Level
from tests.rollover.support import years

pytestmark = pytest.mark.django_db

# The session and the user (2), two-step verification (1), whether the viewer
# directs (the menu, 1), the program (1), the next year (1), the rollover (1),
# this year (1), this year's appointments (1), the choices (1), next year's
# appointments (1), the pairings ending (1), the alumni offers (1), the capacity
# confirmations (1), the mentors (1), the count of people needing a mentor (1).
WIZARD_QUERIES = 16

LEVELS = [Level.INTERN, Level.CA1, Level.CA2, Level.CA3]


def build(program, n: int) -> None:
    """n mentees across the levels, n // 2 mentors, a running pairing for each
    mentor, a choice, an offer to each graduate and a confirmation from each mentor."""
    this, following = years(program)
    users = User.objects.bulk_create(
        [User(email=f"r{i}@example.com", name=f"Resident {i:03}", is_mentee=True) for i in range(n)]
        + [
            User(email=f"m{i}@example.com", name=f"Dr Mentor {i:03}", is_mentor=True)
            for i in range(n // 2)
        ]
    )
    residents, faculty = users[:n], users[n:]
    mentees = MenteeProfile.objects.bulk_create(
        [
            MenteeProfile(user=u, program=program, training_level="ca1", start_year=2026)
            for u in residents
        ]
    )
    mentors = MentorProfile.objects.bulk_create(
        [MentorProfile(user=u, title="Professor", capacity=2) for u in faculty]
    )
    Membership.objects.bulk_create(
        [Membership(mentor=m, program=program, approved_at=timezone.now()) for m in mentors]
    )
    Appointment.objects.bulk_create(
        [Appointment(user=u, year=this, level=LEVELS[i % 4]) for i, u in enumerate(residents)]
        + [Appointment(user=u, year=this, level=Level.FACULTY) for u in faculty]
    )
    Pairing.objects.bulk_create(
        [
            Pairing(
                mentor=m,
                mentee=mentees[4 * i + 3],
                program=program,
                status="active",
                started_on=this.starts_on,
            )
            for i, m in enumerate(mentors[: n // 4])
        ]
    )
    rollover = Rollover.objects.create(program=program, to_year=following)
    RolloverChoice.objects.create(rollover=rollover, user=residents[0], choice="hold_back")
    now = timezone.now()
    AlumniOffer.objects.bulk_create(
        [AlumniOffer(rollover=rollover, user=u, asked_at=now) for u in residents[3::4]]
    )
    CapacityConfirmation.objects.bulk_create(
        [CapacityConfirmation(user=u, year=following, asked_at=now) for u in faculty]
    )


@pytest.mark.parametrize("n", [10, 100])
def test_the_wizard_costs_the_same_for_10_or_100_people(
    desk, program, n, in_may, django_assert_num_queries
):
    build(program, n)
    url = reverse("rollover:wizard", args=[program.slug])
    desk.get(url)  # the first page of a session records it (allauth's user sessions)

    with django_assert_num_queries(WIZARD_QUERIES):
        response = desk.get(url)

    page = response.content.decode()
    assert f"Graduate: {n // 4}." in page
    assert f"Pairings that end with graduation: {n // 4}" in page
