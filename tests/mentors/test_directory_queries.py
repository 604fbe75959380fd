"""The directory's questions as MentorProfile QuerySet methods: each filter keeps
exactly the mentors it should, and `matching` applies those the form used."""

import pytest

from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Interest
from tests.factories import interest, make_mentor, make_mentor_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentors(program):
    airway = interest("Airway management")
    wellness = interest("Wellness")
    return {
        "chen": make_mentor_profile(
            make_mentor("chen@example.com", name="Dr Dana Chen"),
            programs=[program],
            interests=[airway],
            how_i_help="Difficult airways and calm hands.",
            meets_by_video=True,
        ),
        "levin": make_mentor_profile(
            make_mentor("levin@example.com", name="Dr Ari Levin"),
            programs=[program],
            interests=[wellness],
            how_i_help="Sleep, families and staying whole.",
            meets_by_video=False,
            capacity=0,
        ),
        "resting": make_mentor_profile(
            make_mentor("resting@example.com", name="Dr Sam Rest"),
            programs=[program],
            interests=[airway, wellness],
            accepting_new=False,
            meets_by_video=True,
        ),
    }


def names(queryset) -> set[str]:
    return set(queryset.values_list("user__name", flat=True))


def test_interested_in_any_keeps_each_mentor_once(mentors):
    both = Interest.objects.filter(name__in=["Airway management", "Wellness"])
    found = MentorProfile.objects.interested_in_any(both)
    assert sorted(found.values_list("user__name", flat=True)) == [
        "Dr Ari Levin",
        "Dr Dana Chen",
        "Dr Sam Rest",
    ]


def test_interested_in_category_reads_the_interests_category(mentors):
    wellness = Interest.objects.get(name="Wellness")
    found = MentorProfile.objects.interested_in_category(wellness.category)
    assert {"Dr Ari Levin", "Dr Sam Rest"} <= names(found)


def test_meeting_by_reads_the_format_field(mentors):
    assert names(MentorProfile.objects.meeting_by("video")) == {"Dr Dana Chen", "Dr Sam Rest"}


def test_with_a_place_leaves_out_the_full_and_the_resting(mentors):
    assert names(MentorProfile.objects.with_a_place()) == {"Dr Dana Chen"}


def test_search_needs_every_word(mentors):
    assert names(MentorProfile.objects.search("calm airways")) == {"Dr Dana Chen"}
    assert names(MentorProfile.objects.search("calm families")) == set()


def test_matching_applies_only_the_filters_used(mentors):
    assert names(MentorProfile.objects.matching({})) == {
        "Dr Dana Chen",
        "Dr Ari Levin",
        "Dr Sam Rest",
    }
    used = {"format": "video", "open_only": True}
    assert names(MentorProfile.objects.matching(used)) == {"Dr Dana Chen"}


def test_at_level_reads_this_years_appointment(mentors, program):
    from datetime import timedelta

    from django.utils import timezone

    from mentorship.years.models import Level
    from mentorship.years.services import appointment_set

    appointment_set(user=mentors["chen"].user, program=program, level=Level.FACULTY)
    appointment_set(user=mentors["levin"].user, program=program, level=Level.CA3)
    # A CA-3 last year: not one now.
    last_year = timezone.localdate() - timedelta(days=366)
    appointment_set(user=mentors["resting"].user, program=program, level=Level.CA3, day=last_year)

    assert names(MentorProfile.objects.at_level(Level.CA3)) == {"Dr Ari Levin"}
    assert names(MentorProfile.objects.matching({"level": "faculty"})) == {"Dr Dana Chen"}


def test_the_directory_offers_the_stage_filter_and_applies_it(client, mentors, program, sam):
    from django.urls import reverse

    from mentorship.years.models import Level
    from mentorship.years.services import appointment_set

    appointment_set(user=mentors["levin"].user, program=program, level=Level.CA3)
    client.force_login(sam.user)

    response = client.get(reverse("mentors:directory"), {"level": "ca3"})

    assert [m.user.name for m in response.context["page"].object_list] == ["Dr Ari Levin"]
    text = response.content.decode()
    assert '<option value="ca3" selected>CA-3</option>' in text
    assert "<strong>Filters:</strong> CA-3" in text
