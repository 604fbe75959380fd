"""The directory's search finds what a profile says now, however it was written:
by the profile form, by the admin, renamed, or inserted in bulk (on PostgreSQL
the database keeps the indexed document current; SQLite reads the fields)."""

import pytest
from django.urls import reverse

from accounts.models import User
from mentorship.mentors.models import Membership, MentorProfile
from tests.factories import make_mentor, make_mentor_profile
from tests.mentors.directory_support import names_listed

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("mentors:directory")


def found(client, q):
    return names_listed(client.get(DIRECTORY, {"q": q}))


def test_an_edited_answer_is_found_by_its_new_words_only(client, program, mentee):
    chen = make_mentor_profile(make_mentor(name="Dr Dana Chen"), programs=[program])
    client.force_login(mentee)
    assert found(client, "origami") == []

    chen.learning_now = "Origami, badly, with my daughter."
    chen.save()
    MentorProfile.objects.filter(pk=chen.pk).update(how_i_help="Career maps.")

    assert found(client, "origami") == ["Dr Dana Chen"]
    assert found(client, "career maps") == ["Dr Dana Chen"]
    assert found(client, "listen") == []  # the old answer is gone


def test_a_renamed_mentor_is_found_by_the_new_name(client, program, mentee):
    chen = make_mentor_profile(make_mentor(name="Dr Dana Chen"), programs=[program])
    client.force_login(mentee)

    User.objects.filter(pk=chen.user_id).update(name="Dr Dana Whitaker")

    assert found(client, "Whitaker") == ["Dr Dana Whitaker"]
    assert found(client, "Chen") == []


def test_a_word_from_the_name_and_one_from_an_answer_find_the_mentor_together(
    client, program, mentee
):
    make_mentor_profile(make_mentor(name="Dr Dana Chen"), programs=[program])
    make_mentor_profile(make_mentor("ana@example.com", name="Dr Ana Cole"), programs=[program])
    client.force_login(mentee)

    assert found(client, "Dana listen") == ["Dr Dana Chen"]


def test_profiles_inserted_in_bulk_are_found(client, program, mentee):
    users = [make_mentor(f"m{i}@example.com", name=f"Dr Bulk {i}") for i in range(3)]
    profiles = MentorProfile.objects.bulk_create(
        MentorProfile(user=user, title="Professor", ask_me_about="Sourdough and sailing")
        for user in users
    )
    Membership.objects.bulk_create(
        Membership(mentor=profile, program=program, approved_at=profile.created_at)
        for profile in profiles
    )
    client.force_login(mentee)

    assert found(client, "sailing") == ["Dr Bulk 0", "Dr Bulk 1", "Dr Bulk 2"]
