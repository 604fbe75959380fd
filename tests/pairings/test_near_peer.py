"""Near-peer pairings: a CA-2 or CA-3 mentoring someone earlier in training. A
pairing's kind is decided when it is made, from the mentor's level then."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import Pairing
from mentorship.years.models import Level
from tests.factories import (
    make_appointment,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
)
from tests.pairings.service_support import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def rosa(program):
    """A CA-3 resident who mentors: a near-peer."""
    profile = make_mentor_profile(
        make_mentor("rosa@example.com", name="Rosa Medina", is_mentee=True),
        programs=[program],
        title="CA-3 resident",
    )
    make_appointment(profile.user, program=program, level=Level.CA3)
    return profile


@pytest.fixture
def ivy(program):
    """A CA-1 mentee, by this year's appointment."""
    profile = make_mentee_profile(
        make_mentee("ivy@example.com", name="Ivy Chao"), program=program, training_level="ca1"
    )
    make_appointment(profile.user, program=program, level=Level.CA1)
    return profile


# --- the kind, set when the pairing is made ----------------------------------------


def test_a_pairing_with_a_faculty_mentor_is_a_faculty_pairing(ivy, chen):
    make_appointment(chen.user, program=ivy.program, level=Level.FACULTY)
    pairing = services.request_accept(request=ask(ivy, chen), by=chen.user)
    assert pairing.kind == Pairing.Kind.FACULTY
    assert not pairing.is_near_peer


def test_a_pairing_with_a_mentor_without_an_appointment_is_a_faculty_pairing(ivy, chen):
    pairing = services.request_accept(request=ask(ivy, chen), by=chen.user)
    assert Pairing.objects.get(pk=pairing.pk).kind == Pairing.Kind.FACULTY


def test_a_ca3_mentor_who_says_yes_makes_a_near_peer_pairing(ivy, rosa):
    pairing = services.request_accept(request=ask(ivy, rosa), by=rosa.user)
    assert Pairing.objects.get(pk=pairing.pk).kind == Pairing.Kind.NEAR_PEER
    assert pairing.is_near_peer


def test_a_director_pairing_a_ca3_mentor_makes_a_near_peer_pairing(ivy, rosa, director):
    pairing = services.pairing_propose(mentor=rosa, mentee=ivy, by=director)
    assert Pairing.objects.get(pk=pairing.pk).kind == Pairing.Kind.NEAR_PEER


def test_a_ca3_appointment_of_last_year_does_not_make_a_near_peer(ivy, chen, director):
    last_year = timezone.localdate() - timedelta(days=400)
    make_appointment(chen.user, program=ivy.program, level=Level.CA3, day=last_year)
    pairing = services.pairing_propose(mentor=chen, mentee=ivy, by=director)
    assert pairing.kind == Pairing.Kind.FACULTY


def test_a_ca3_appointment_in_another_program_does_not_make_a_near_peer(
    ivy, chen, director, other_program
):
    make_appointment(chen.user, program=other_program, level=Level.CA3)
    pairing = services.pairing_propose(mentor=chen, mentee=ivy, by=director)
    assert pairing.kind == Pairing.Kind.FACULTY


def test_the_kind_stays_as_it_was_made_when_the_mentor_moves_on(ivy, rosa, director):
    pairing = services.pairing_propose(mentor=rosa, mentee=ivy, by=director)
    rosa.user.appointments.update(level=Level.FELLOW)
    assert Pairing.objects.get(pk=pairing.pk).kind == Pairing.Kind.NEAR_PEER
