"""Near-peer pairings: a CA-2 or CA-3 mentoring someone earlier in training. A
pairing's kind is decided when it is made, from the mentor's level then."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import Pairing
from mentorship.years.models import Level
from tests.factories import (
    add_totp,
    make_appointment,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
)
from tests.pairings.service_support import ask, refused
from tests.pairings.test_admin_queries import PAIRING_CHANGELIST_QUERIES

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


# --- where it shows -----------------------------------------------------------------


def test_the_pairing_page_says_near_peer_warmly_to_each_side(client, ivy, rosa):
    pairing = make_pairing(rosa, ivy, kind=Pairing.Kind.NEAR_PEER)
    client.force_login(ivy.user)
    page = client.get(pairing.get_absolute_url()).content.decode()
    assert "Rosa is a senior resident who remembers the first year" in page
    client.force_login(rosa.user)
    page = client.get(pairing.get_absolute_url()).content.decode()
    assert "You remember the first year well, and Ivy is living it now." in page


def test_a_faculty_pairing_page_says_nothing_of_near_peers(client, sam, chen):
    pairing = make_pairing(chen, sam)
    client.force_login(sam.user)
    assert "Near-peer" not in client.get(pairing.get_absolute_url()).content.decode()


def test_the_home_page_cards_of_both_sides_say_near_peer(client, ivy, rosa):
    make_pairing(rosa, ivy, kind=Pairing.Kind.NEAR_PEER)
    for person in (ivy.user, rosa.user):
        client.force_login(person)
        assert '<span class="badge badge--near-peer">Near-peer</span>' in (
            client.get(reverse("home")).content.decode()
        )


def test_the_yes_e_mail_says_near_peer(ivy, rosa, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_accept(request=ask(ivy, rosa), by=rosa.user)
    to_ivy = [m for m in mailoutbox if m.to == ["ivy@example.com"]][-1]
    assert "Rosa is a near-peer mentor: a senior resident who remembers the first year" in (
        to_ivy.body
    )
    assert "near-peer mentor" in to_ivy.alternatives[0][0]


def test_a_proposed_near_peer_pairing_e_mail_tells_the_mentor_too(
    ivy, rosa, director, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_propose(mentor=rosa, mentee=ivy, by=director)
    to_rosa = next(m for m in mailoutbox if m.to == ["rosa@example.com"])
    assert "This is a near-peer pairing: you remember the first year well" in to_rosa.body


def test_a_faculty_pairing_e_mail_says_nothing_of_near_peers(
    sam, chen, director, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_propose(mentor=chen, mentee=sam, by=director)
    assert all("near-peer" not in m.body for m in mailoutbox)


# --- directors see them apart ---------------------------------------------------------


@pytest.fixture
def both_kinds(program, ivy, rosa, sam, chen, noor, levin):
    return {
        "near_peer": make_pairing(rosa, ivy, kind=Pairing.Kind.NEAR_PEER),
        "faculty": make_pairing(chen, sam),
        "proposed": make_pairing(levin, noor, Pairing.Status.PROPOSED),
    }


def test_the_admin_filters_pairings_by_mentor_type(client, director, both_kinds, other_director):
    add_totp(director)
    client.force_login(director)
    url = reverse("admin:pairings_pairing_changelist")
    page = client.get(url)
    assert "By mentor type" in page.content.decode()
    assert "Near-peer mentor" in page.content.decode()  # the column
    near = client.get(url, {"kind__exact": "near_peer"}).context["cl"].result_list
    assert [p.pk for p in near] == [both_kinds["near_peer"].pk]
    faculty = client.get(url, {"kind__exact": "faculty"}).context["cl"].result_list
    assert {p.pk for p in faculty} == {both_kinds["faculty"].pk, both_kinds["proposed"].pk}


def test_another_programs_director_sees_none_of_them(client, other_director, both_kinds):
    add_totp(other_director)
    client.force_login(other_director)
    url = reverse("admin:pairings_pairing_changelist")
    assert list(client.get(url, {"kind__exact": "near_peer"}).context["cl"].result_list) == []


def test_the_filtered_changelist_costs_what_the_plain_one_does(
    client, director, both_kinds, django_assert_max_num_queries
):
    add_totp(director)
    client.force_login(director)
    url = reverse("admin:pairings_pairing_changelist")
    client.get(url)
    with django_assert_max_num_queries(PAIRING_CHANGELIST_QUERIES):
        assert client.get(url, {"kind__exact": "near_peer"}).status_code == 200


def test_the_directors_home_counts_faculty_and_near_peer_pairings_apart(
    client, director, both_kinds
):
    client.force_login(director)
    people = client.get(reverse("home")).context["people"]
    # Under way only: the proposed pairing counts for neither.
    assert (people["faculty_pairings"], people["near_peer_pairings"]) == (1, 1)


def test_a_mentee_home_shows_no_program_counts(client, ivy, both_kinds):
    client.force_login(ivy.user)
    response = client.get(reverse("home"))
    assert "people" not in response.context
    assert "pairings with a near-peer mentor" not in response.content.decode()


# --- pairings made before kinds existed --------------------------------------------


def test_the_migration_marks_existing_pairings_of_ca2_and_ca3_mentors_near_peer(
    ivy, rosa, cal, sam, chen, other_program
):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("mentorship.pairings.migrations.0004_pairing_kind")
    ca3 = make_pairing(rosa, ivy)
    ca2 = make_pairing(cal, sam)
    faculty = make_pairing(chen, ivy)
    make_appointment(chen.user, program=other_program, level=Level.CA3)  # elsewhere
    Pairing.objects.update(kind=Pairing.Kind.FACULTY)

    migration.mark_near_peers(apps, None)

    kinds = dict(Pairing.objects.values_list("pk", "kind"))
    assert kinds == {ca3.pk: "near_peer", ca2.pk: "near_peer", faculty.pk: "faculty"}
