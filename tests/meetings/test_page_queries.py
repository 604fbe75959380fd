"""The pairing page and the dashboard cost the same number of queries with one
meeting as with a hundred, notes and commitments included."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings.models import Commitment, Meeting, Note
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
)

pytestmark = pytest.mark.django_db

# Each count includes what every signed-in page that writes nothing costs: the
# session and the user (2).
# The pairing page, for the mentor: the pairing with both people and the program
# (1), the meetings (1), the notes the viewer may read (1), the commitments (1),
# the mentee's level this year (1).
PAIRING_PAGE_QUERIES = 7
# The dashboard of a mentor: the mentor profile (1) and its programs with their
# approval (1), the running and lately ended pairings with their next and last
# meetings (1), the overdue commitments (1), the pending requests (1), the Match Day
# rounds they are in (1), their open check-ins (1).
DASHBOARD_QUERIES = 9


def build(program, label: str, n: int):
    """A mentor and a mentee with n held meetings (each with a private and a shared
    note from each side, and an overdue commitment each) and n planned ones."""
    mentor = make_mentor_profile(
        make_mentor(f"{label}-mentor@example.com", name=f"Dr {label.title()} Mentor"),
        programs=[program],
    )
    mentee = make_mentee_profile(
        make_mentee(f"{label}-mentee@example.com", name=f"{label.title()} Mentee"),
        program=program,
    )
    pairing = make_pairing(mentor, mentee)
    now = timezone.now()
    meetings = Meeting.objects.bulk_create(
        [
            *(
                Meeting(pairing=pairing, starts_at=now - timedelta(days=i + 1), minutes=30)
                for i in range(n)
            ),
            *(
                Meeting(
                    pairing=pairing,
                    starts_at=now + timedelta(days=i + 1),
                    status=Meeting.Status.PLANNED,
                )
                for i in range(n)
            ),
        ]
    )
    held = [m for m in meetings if m.status == Meeting.Status.HELD]
    Note.objects.bulk_create(
        Note(
            meeting=meeting,
            author=author,
            prompt=prompt,
            answer=f"{visibility} answer {i}",
            visibility=visibility,
        )
        for i, meeting in enumerate(held)
        for author, prompts in (
            (mentor.user, ("learned_about_them", "be_of_service")),
            (mentee.user, ("taking_away", "try_before_next")),
        )
        for prompt, visibility in zip(prompts, ("private", "shared"), strict=True)
    )
    Commitment.objects.bulk_create(
        Commitment(
            pairing=pairing,
            meeting=meeting,
            owner="mentee" if i % 2 else "mentor",
            what=f"Promise {i}",
            due_on=timezone.localdate() - timedelta(days=1),
        )
        for i, meeting in enumerate(held)
    )
    return pairing


@pytest.fixture
def pairings(program):
    return {n: build(program, f"p{n}", n) for n in (1, 100)}


def counts(client, pairings, url_of, pinned, django_assert_max_num_queries, expect, per=1) -> list:
    found = []
    for n, pairing in pairings.items():
        client.force_login(pairing.mentor.user)
        url = url_of(pairing)
        client.get(url)  # the first request records the signed-in session
        with django_assert_max_num_queries(pinned) as captured:
            response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert text.count(expect) == n * per, (n, expect)
        found.append(len(captured))
    return found


def test_the_pairing_page_costs_the_same_for_1_or_100_meetings(
    client, pairings, django_assert_max_num_queries
):
    found = counts(
        client,
        pairings,
        lambda pairing: pairing.get_absolute_url(),
        PAIRING_PAGE_QUERIES,
        django_assert_max_num_queries,
        "shared answer",  # the mentor's own shared note of each held meeting, and the mentee's
        per=2,
    )
    assert found[0] == found[1], found


def test_the_pairing_page_shows_every_meeting_and_open_commitment(client, pairings):
    pairing = pairings[100]
    client.force_login(pairing.mentor.user)

    text = client.get(pairing.get_absolute_url()).content.decode()

    assert text.count('class="timeline__meeting"') == 200
    assert text.count(">Mark as done</button>") == 100
    assert "private answer" in text  # the mentor's own private notes
    assert text.count("private answer") == 100  # and never the mentee's


def test_the_dashboard_costs_the_same_for_1_or_100_meetings(
    client, pairings, django_assert_max_num_queries
):
    found = counts(
        client,
        pairings,
        lambda pairing: reverse("home"),
        DASHBOARD_QUERIES,
        django_assert_max_num_queries,
        '<span class="badge badge--pending">Overdue</span>',
    )
    assert found[0] == found[1], found
