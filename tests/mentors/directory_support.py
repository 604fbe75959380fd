"""Helpers the directory's test modules share."""

import re

from django.utils import timezone

from accounts.models import User
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.programs.models import Interest

# Two for every signed-in page that writes nothing (the session and the user),
# then the directory's own seven: the mentee's level this year (which near-peers
# they are offered), the count, the page's ids in the shared order, those mentors
# with their users, their interests, their evaluative role terms in force today,
# and the interest checkboxes of the filter form; and for a mentee, the seats of
# the Match Day rounds whose lists they could add to (one, for every card: the
# rounds template tag, mentorship/rounds/templatetags/rounds.py).
DIRECTORY_QUERIES = 10


def names_listed(response) -> list[str]:
    """The mentor names on the directory's cards, in order."""
    return re.findall(
        r'<h2><a href="/mentors/\d+/[^"]*">([^<]+)</a></h2>', response.content.decode()
    )


def make_many_mentors(program, count: int, *, start: int = 0) -> None:
    """Approved mentors in bulk, with two interests each, without one query per row."""
    users = User.objects.bulk_create(
        User(
            email=f"mentor{i:04}@example.com",
            name=f"Mentor {i:04}",
            is_mentor=True,
            onboarded_at=timezone.now(),
        )
        for i in range(start, start + count)
    )
    now = timezone.now()
    profiles = MentorProfile.objects.bulk_create(
        MentorProfile(user=user, title="Attending", how_i_help="I listen.") for user in users
    )
    interests = list(Interest.objects.order_by("pk")[:2])
    Membership.objects.bulk_create(
        Membership(mentor=p, program=program, approved_at=now) for p in profiles
    )
    MentorProfile.interests.through.objects.bulk_create(
        MentorProfile.interests.through(mentorprofile_id=p.pk, interest_id=i.pk)
        for p in profiles
        for i in interests
    )
