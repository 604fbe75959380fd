"""The home page's profile cards, per role: what to write next, and where to go from there."""

import pytest
from django.urls import reverse

from mentorship.programs.models import Interest
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
    make_user,
)

pytestmark = pytest.mark.django_db

# Pinned so it can't grow with the number of interests, programs or people.
# For someone who is both mentee and mentor, on a page that writes nothing:
# session and user (2), the mentee profile with its program (1), the mentor
# profile (1) and its programs with their approval (1), the running and lately
# ended pairings with their next and last meetings (1), the overdue commitments
# (1), the pending requests (1), the Match Day rounds they are in (1), and their
# open check-ins (1).
DASHBOARD_QUERIES = 10


def dashboard(client) -> str:
    return client.get(reverse("home")).content.decode()


def test_a_mentee_without_a_profile_is_invited_to_write_it(client):
    client.force_login(make_mentee())

    text = dashboard(client)

    assert "You don't have a mentor yet" in text
    assert "Write your profile" in text
    assert f'href="{reverse("mentees:profile_edit")}"' in text
    assert ">Find a mentor</a>" not in text


def test_a_mentee_with_a_profile_is_sent_to_the_directory(client):
    profile = make_mentee_profile(program=make_program())
    client.force_login(profile.user)

    text = dashboard(client)

    assert "Write your profile" not in text
    assert ">Find a mentor</a>" in text
    assert f'href="{reverse("mentors:directory")}"' in text
    assert f'href="{profile.get_absolute_url()}"' in text
    assert "Edit your profile" in text


def test_a_mentee_sees_which_prompts_are_still_empty(client):
    profile = make_mentee_profile(program=make_program(), can_offer="Ultrasound tips.")
    client.force_login(profile.user)

    text = dashboard(client)

    assert "You could still answer:" in text
    assert "<li>What would make this year meaningful for you?</li>" in text
    assert "<li>Where could a mentor help most?</li>" in text
    assert "<li>What are you curious about right now?</li>" not in text
    assert "<li>What could you offer someone else in the program?</li>" not in text
    assert "Add to your profile" in text


def test_a_mentee_who_answered_everything_gets_no_hint(client):
    profile = make_mentee_profile(
        program=make_program(),
        meaningful_year="Passing boards with my sanity intact.",
        mentor_help="Choosing a fellowship.",
        can_offer="Ultrasound tips.",
    )
    client.force_login(profile.user)

    assert "You could still answer:" not in dashboard(client)


def test_a_mentor_without_a_profile_is_invited_to_write_it(client):
    client.force_login(make_mentor())

    text = dashboard(client)

    assert "Write your mentor profile" in text
    assert f'href="{reverse("mentors:profile_edit")}"' in text
    assert "Listed in the directory" not in text


def test_a_mentor_waiting_for_approval_is_told_so(client):
    profile = make_mentor_profile(programs=[make_program()], approved=False, capacity=3)
    client.force_login(profile.user)

    text = dashboard(client)

    assert "Waiting for a program director" in text
    assert "Listed in the directory" not in text
    assert "You have 3 open places of 3, and you are accepting new mentees." in text
    assert f'href="{profile.get_absolute_url()}"' in text
    assert "Edit your mentor profile" in text
    assert "Write your mentor profile" not in text


def test_an_approved_mentor_sees_they_are_listed_and_what_is_left_to_answer(client):
    profile = make_mentor_profile(programs=[make_program()], approved=True, capacity=1)
    client.force_login(profile.user)

    text = dashboard(client)

    assert "Listed in the directory" in text
    assert "Waiting for a program director" not in text
    assert "You have 1 open place of 1" in text
    assert "<li>How do you like to help?</li>" not in text
    assert "<li>What do you wish someone had told you in residency?</li>" in text
    assert "<li>Ask me about…</li>" in text
    assert "Add to your mentor profile" in text


def test_a_mentor_resting_for_a_season_is_told_they_are_not_accepting(client):
    profile = make_mentor_profile(programs=[make_program()], accepting_new=False)
    client.force_login(profile.user)

    assert "You are not accepting new mentees for now." in dashboard(client)


def test_a_mentor_dashboard_does_not_offer_the_mentee_side(client):
    client.force_login(make_mentor())

    text = dashboard(client)

    assert ">Find a mentor</a>" not in text
    assert "Write your profile" not in text


def test_the_dashboard_query_count_does_not_grow_with_interests(
    client, django_assert_max_num_queries
):
    program = make_program()
    few = make_user("few@example.com", is_mentee=True, is_mentor=True)
    many = make_user("many@example.com", is_mentee=True, is_mentor=True)
    names = list(Interest.objects.values_list("name", flat=True)[:30])
    assert len(names) == 30
    make_mentee_profile(few, program=program, interests=names[:1])
    make_mentor_profile(few, programs=[program], interests=names[:1])
    make_mentee_profile(many, program=program, interests=names)
    make_mentor_profile(many, programs=[program, make_program("UCSF")], interests=names)

    counts = []
    for user in (few, many):
        client.force_login(user)
        client.get(reverse("home"))  # the first request records the signed-in session
        with django_assert_max_num_queries(DASHBOARD_QUERIES) as captured:
            response = client.get(reverse("home"))
        assert ">Find a mentor</a>" in response.content.decode()
        counts.append(len(captured))

    assert counts[0] == counts[1]
