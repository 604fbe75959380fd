"""Who sees which requests, pairings and mentee profiles; how places are counted.

Views fetch through these querysets, so a row missing here answers 404 there.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings.models import MentorshipRequest, Pairing
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_user,
)

pytestmark = pytest.mark.django_db

Status = MentorshipRequest.Status


def request(mentee, mentor, status=Status.PENDING):
    return MentorshipRequest.objects.create(
        mentee=mentee,
        mentor=mentor,
        program=mentee.program,
        status=status,
        drew_you="Your talk at grand rounds.",
    )


@pytest.fixture
def world(program, other_program, director, other_director, superuser, sam, chen, levin):
    """Two programs, each with its director, mentors, mentees, requests and pairings."""
    stanford, bay = program, other_program
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=stanford)
    lee = make_mentee_profile(make_mentee("lee@example.com", name="Lee Moss"), program=bay)
    ito = make_mentor_profile(
        make_mentor("ito@example.com", name="Dr Ken Ito"), programs=[stanford]
    )
    far = make_mentor_profile(make_mentor("far@example.com", name="Dr Bo Far"), programs=[bay])

    return {
        "sam": sam,
        "alex": alex,
        "lee": lee,
        "chen": chen,
        "levin": levin,
        "ito": ito,
        "far": far,
        "director": director,
        "other director": other_director,
        "superuser": superuser,
        "requests": {
            "sam asks chen": request(sam, chen),
            "alex asked levin": request(alex, levin, Status.DECLINED),
            "lee asks far": request(lee, far),
        },
        "pairings": {
            "chen and sam": make_pairing(chen, sam),
            "levin and alex": make_pairing(levin, alex, Pairing.Status.ENDED),
            "far and lee": make_pairing(far, lee),
        },
    }


def viewer(world, who):
    if who == "anonymous":
        return AnonymousUser()
    person = world[who]
    return getattr(person, "user", person)


def names(rows, catalogue):
    by_pk = {row.pk: name for name, row in catalogue.items()}
    return sorted(by_pk[row.pk] for row in rows)


EVERY_REQUEST = ["alex asked levin", "lee asks far", "sam asks chen"]
EVERY_PAIRING = ["chen and sam", "far and lee", "levin and alex"]


@pytest.mark.parametrize(
    ("who", "requests", "pairings"),
    [
        ("anonymous", [], []),
        ("sam", ["sam asks chen"], ["chen and sam"]),
        ("chen", ["sam asks chen"], ["chen and sam"]),
        ("alex", ["alex asked levin"], ["levin and alex"]),
        ("levin", ["alex asked levin"], ["levin and alex"]),
        ("ito", [], []),
        # A person's own pages show their own rows: a director's role is the admin's.
        ("director", [], []),
        ("other director", [], []),
        ("superuser", [], []),
    ],
)
def test_each_person_sees_exactly_their_own_requests_and_pairings(world, who, requests, pairings):
    user = viewer(world, who)

    seen_requests = MentorshipRequest.objects.visible_to(user)
    seen_pairings = Pairing.objects.visible_to(user)

    assert names(seen_requests, world["requests"]) == requests
    assert names(seen_pairings, world["pairings"]) == pairings
    # Each row once, even when a person is on both sides or directs several programs.
    assert seen_requests.count() == len(requests)
    assert seen_pairings.count() == len(pairings)


def test_a_resident_who_mentors_and_is_mentored_sees_both_sides(world):
    stanford = world["sam"].program
    kim = make_user("kim@example.com", name="Dr Jo Kim", is_mentee=True, is_mentor=True)
    kim_mentee = make_mentee_profile(kim, program=stanford, training_level="ca3")
    kim_mentor = make_mentor_profile(kim, programs=[stanford], title="CA-3 resident")
    asked_by_kim = request(kim_mentee, world["ito"])
    asked_of_kim = request(world["alex"], kim_mentor)
    mentors_alex = make_pairing(kim_mentor, world["alex"])

    assert set(MentorshipRequest.objects.visible_to(kim)) == {asked_by_kim, asked_of_kim}
    assert list(Pairing.objects.visible_to(kim)) == [mentors_alex]


def test_a_director_of_both_programs_directs_each_row_once(world):
    world["lee"].program.directors.add(world["director"])

    assert MentorshipRequest.objects.directed_by(world["director"]).count() == 3
    assert Pairing.objects.directed_by(world["director"]).count() == 3
    assert not MentorshipRequest.objects.visible_to(world["director"]).exists()
    assert not Pairing.objects.visible_to(world["director"]).exists()


@pytest.mark.parametrize(
    ("who", "requests", "pairings"),
    [
        ("director", ["alex asked levin", "sam asks chen"], ["chen and sam", "levin and alex"]),
        ("other director", ["lee asks far"], ["far and lee"]),
        ("superuser", EVERY_REQUEST, EVERY_PAIRING),
        ("sam", [], []),
        ("chen", [], []),
    ],
)
def test_directors_direct_the_rows_of_their_programs(world, who, requests, pairings):
    user = viewer(world, who)

    assert names(MentorshipRequest.objects.directed_by(user), world["requests"]) == requests
    assert names(Pairing.objects.directed_by(user), world["pairings"]) == pairings


def test_directors_see_in_the_admin_only_the_rows_of_programs_they_run(world):
    assert names(
        MentorshipRequest.objects.directed_by(world["other director"]), world["requests"]
    ) == ["lee asks far"]
    assert names(Pairing.objects.directed_by(world["director"]), world["pairings"]) == [
        "chen and sam",
        "levin and alex",
    ]
    assert names(Pairing.objects.directed_by(world["superuser"]), world["pairings"]) == (
        EVERY_PAIRING
    )


# --- mentee profiles ---------------------------------------------------------------


def mentees_seen_by(world, who):
    return sorted(str(profile) for profile in MenteeProfile.objects.visible_to(viewer(world, who)))


@pytest.mark.parametrize(
    ("who", "mentees"),
    [
        ("anonymous", []),
        ("sam", ["Sam Whitfield"]),
        ("chen", ["Sam Whitfield"]),
        ("levin", ["Alex Park"]),
        ("ito", []),
        ("far", ["Lee Moss"]),
        ("director", ["Alex Park", "Sam Whitfield"]),
        ("other director", ["Lee Moss"]),
        ("superuser", ["Alex Park", "Lee Moss", "Sam Whitfield"]),
    ],
)
def test_a_mentee_profile_is_seen_by_its_owner_directors_and_mentors_they_asked_or_paired_with(
    world, who, mentees
):
    assert mentees_seen_by(world, who) == mentees


def test_a_mentor_sees_a_mentee_as_soon_as_they_are_asked(world):
    assert "Sam Whitfield" not in mentees_seen_by(world, "ito")

    request(world["sam"], world["ito"])

    assert "Sam Whitfield" in mentees_seen_by(world, "ito")


def test_a_mentor_paired_by_a_director_sees_the_mentee_without_a_request(world):
    make_pairing(world["ito"], world["alex"], Pairing.Status.PROPOSED)

    assert mentees_seen_by(world, "ito") == ["Alex Park"]


def test_other_mentors_do_not_see_a_mentee_who_asked_someone_else(world):
    # Sam asked Chen and is paired with Chen; Levin and Ito are strangers to Sam.
    assert "Sam Whitfield" not in mentees_seen_by(world, "levin")
    assert "Sam Whitfield" not in mentees_seen_by(world, "ito")


# --- open places ---------------------------------------------------------------------


def places(mentor):
    row = MentorProfile.objects.with_open_places().get(pk=mentor.pk)
    return row.active_mentees, row.open_places


def test_proposed_active_and_paused_pairings_hold_places_and_ended_ones_do_not(world):
    chen, stanford = world["chen"], world["sam"].program
    chen.capacity = 5
    chen.save()
    # Chen already mentors Sam (active); add one of each other state.
    for email, status in [
        ("a@example.com", Pairing.Status.PROPOSED),
        ("b@example.com", Pairing.Status.PAUSED),
        ("c@example.com", Pairing.Status.ENDED),
        ("d@example.com", Pairing.Status.ENDED),
    ]:
        mentee = make_mentee_profile(make_mentee(email, name=email), program=stanford)
        make_pairing(chen, mentee, status)

    assert places(chen) == (3, 2)


def test_a_mentor_with_only_ended_pairings_has_every_place_open(world):
    # Levin's only pairing, with Alex, has ended.
    assert places(world["levin"]) == (0, 2)


def test_a_mentor_without_pairings_has_every_place_open(world):
    assert places(world["ito"]) == (0, 2)


def test_open_places_never_drop_below_zero(world):
    chen = world["chen"]
    make_pairing(chen, world["alex"], Pairing.Status.PROPOSED)
    chen.capacity = 1
    chen.save()

    assert places(chen) == (2, 0)


def test_open_places_are_counted_per_mentor_in_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        counted = {
            str(mentor): (mentor.active_mentees, mentor.open_places)
            for mentor in MentorProfile.objects.with_open_places().select_related("user")
        }

    assert counted == {
        "Dr Dana Chen": (1, 1),
        "Dr Ari Levin": (0, 2),
        "Dr Ken Ito": (0, 2),
        "Dr Bo Far": (1, 1),
    }
