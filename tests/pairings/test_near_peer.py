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


# --- who may ask a near-peer --------------------------------------------------------


@pytest.fixture
def cal(program):
    """A CA-2 resident who mentors."""
    profile = make_mentor_profile(
        make_mentor("cal@example.com", name="Cal Osei", is_mentee=True),
        programs=[program],
        title="CA-2 resident",
    )
    make_appointment(profile.user, program=program, level=Level.CA2)
    return profile


def _mentee_at(program, level, email="tess@example.com", name="Tess Moreau"):
    profile = make_mentee_profile(
        make_mentee(email, name=name), program=program, training_level=level
    )
    make_appointment(profile.user, program=program, level=level)
    return profile


def test_a_ca3_mentee_asking_a_ca2_near_peer_is_refused_with_a_reason(
    program, cal, django_capture_on_commit_callbacks, mailoutbox
):
    from tests.pairings.service_support import refused

    tess = _mentee_at(program, Level.CA3)
    error = refused(
        "near_peer_not_ahead",
        lambda: ask(tess, cal),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert "earlier in training" in error.message


def test_a_ca2_mentee_may_not_ask_a_ca2_near_peer(program, cal):
    tess = _mentee_at(program, Level.CA2)
    with pytest.raises(services.PairingError) as caught:
        ask(tess, cal)
    assert caught.value.code == "near_peer_not_ahead"


def test_a_ca2_mentee_may_ask_a_ca3_near_peer(program, rosa):
    tess = _mentee_at(program, Level.CA2)
    assert ask(tess, rosa).is_pending


def test_an_intern_may_ask_a_ca2_near_peer(program, cal):
    tess = _mentee_at(program, Level.INTERN)
    assert ask(tess, cal).is_pending


def test_without_an_appointment_the_typed_level_decides(program, cal):
    typed_ca3 = make_mentee_profile(
        make_mentee("tess@example.com", name="Tess Moreau"), program=program, training_level="ca3"
    )
    with pytest.raises(services.PairingError):
        ask(typed_ca3, cal)


def test_a_ca3_mentee_may_still_ask_a_faculty_mentor(program, chen):
    tess = _mentee_at(program, Level.CA3)
    assert ask(tess, chen).is_pending


def test_a_ca3_mentee_reads_why_on_the_ca2_near_peers_page(client, program, cal):
    tess = _mentee_at(program, Level.CA3)
    client.force_login(tess.user)
    response = client.get(cal.get_absolute_url())
    assert response.status_code == 200
    assert "near-peer mentor for residents earlier in training" in response.content.decode()
