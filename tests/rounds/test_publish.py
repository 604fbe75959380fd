"""Publishing a round: one action makes every pairing through the pairing services
and tells everyone at once; what changed since the run is refused pair by pair
and named; a second publish makes nothing twice."""

import threading

import pytest
from django.core import mail
from django.db import connection

from mentorship.pairings.models import Pairing
from mentorship.rounds import services
from mentorship.rounds.models import Round
from mentorship.rounds.services import RoundError
from tests.factories import make_mentee, make_mentee_profile, make_pairing, make_role_term
from tests.rounds.world import make_world


def _solved_world():
    world = make_world()
    world.lists(Sam="AB", Tia="A", Uma="C")
    world.ranks(A=["Tia", "Sam"])
    run = world.solve()
    assert world.matched(run) == {"Sam": "B", "Tia": "A", "Uma": "C"}
    return world


@pytest.mark.django_db
def test_publishing_makes_every_pairing_and_tells_everyone_at_once(
    django_capture_on_commit_callbacks,
):
    world = _solved_world()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report = services.round_publish(round=world.round, by=world.director)
    assert report == {"paired": 3, "skipped": [], "unmatched": 2}
    pairings = Pairing.objects.filter(origin=Pairing.Origin.MATCHING)
    assert pairings.count() == 3
    assert set(pairings.values_list("status", flat=True)) == {Pairing.Status.ACTIVE}
    assert all(p.started_on for p in pairings)  # the first-meeting clock starts
    by_address = {m.to[0]: m for m in mail.outbox}
    sam = by_address["mentee0@example.com"]
    assert sam.subject.endswith("Match Day 2027: your mentor is Dr Ben Brooks")
    assert "your 2nd choice" in sam.body
    assert "your first choice" in by_address["mentee1@example.com"].body
    assert "couldn't match you this time" in by_address["mentee3@example.com"].body
    to_ana = by_address["mentor0@example.com"]
    assert "Tia Moss" in to_ana.body and "Sam" not in to_ana.body  # never the lists
    world.round.refresh_from_db()
    assert world.round.state == Round.State.PUBLISHED


@pytest.mark.django_db
def test_publishing_twice_makes_nothing_twice():
    world = _solved_world()
    services.round_publish(round=world.round, by=world.director)
    with pytest.raises(RoundError) as again:
        services.round_publish(round=world.round, by=world.director)
    assert again.value.code == "published"
    assert Pairing.objects.filter(origin=Pairing.Origin.MATCHING).count() == 3


@pytest.mark.django_db
def test_what_changed_since_the_run_is_left_out_and_named():
    world = _solved_world()
    a, b, c = world.mentors["A"], world.mentors["B"], world.mentors["C"]
    # Dr Alvarez took a mentee by request meanwhile; Dr Brooks lowered his capacity;
    # Uma left the program.
    other = make_mentee_profile(
        make_mentee("other@example.com", name="Zoe Other"), program=world.program
    )
    make_pairing(a, other, origin=Pairing.Origin.REQUEST)
    b.capacity = 0
    b.save()
    world.mentees["Uma"].user.is_active = False
    world.mentees["Uma"].user.save()
    report = services.round_publish(round=world.round, by=world.director)
    why = {s["mentee"]: s["why"] for s in report["skipped"]}
    assert why == {
        world.mentees["Tia"].pk: "Dr Ana Alvarez took a mentee by request after the run and "
        "has no place left.",
        world.mentees["Sam"].pk: "Dr Ben Brooks has fewer places now than when the round ran.",
        world.mentees["Uma"].pk: "Uma Nair is no longer in the program.",
    }
    assert report["paired"] == 0
    assert not Pairing.objects.filter(origin=Pairing.Origin.MATCHING).exists()
    assert c.pairings.count() == 0


@pytest.mark.django_db
def test_a_mentor_who_now_evaluates_residents_is_left_out():
    world = _solved_world()
    make_role_term(world.mentors["C"].user, world.program, "ccc_member")
    report = services.round_publish(round=world.round, by=world.director)
    assert [s["mentee"] for s in report["skipped"]] == [world.mentees["Uma"].pk]
    assert "evaluates residents" in report["skipped"][0]["why"]


@pytest.mark.django_db
def test_a_mentee_who_found_a_mentor_meanwhile_keeps_that_one():
    world = _solved_world()
    make_pairing(world.mentors["D"], world.mentees["Sam"], origin=Pairing.Origin.REQUEST)
    report = services.round_publish(round=world.round, by=world.director)
    assert report["skipped"] == [
        {
            "mentee": world.mentees["Sam"].pk,
            "mentor": world.mentors["B"].pk,
            "why": "Sam Lee found a mentor after the run.",
        }
    ]


@pytest.mark.django_db
def test_only_a_solved_round_publishes_and_only_by_its_director():
    world = make_world()
    with pytest.raises(RoundError) as early:
        services.round_publish(round=world.round, by=world.director)
    assert early.value.code == "not_solved"
    with pytest.raises(RoundError) as other:
        services.round_publish(round=world.round, by=world.mentees["Sam"].user)
    assert other.value.code == "not_director"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: no race to lose"
)
@pytest.mark.django_db(transaction=True)
def test_two_directors_publishing_at_once_make_one_set():
    world = _solved_world()
    second = world.director.__class__.objects.create_user(
        email="second@example.com", password="x-long-password-42", name="Dr Second"
    )
    world.program.directors.add(second)
    start = threading.Barrier(2)
    published, refused = [], []

    def publish(director):
        start.wait()
        try:
            published.append(services.round_publish(round=world.round, by=director))
        except RoundError as error:
            refused.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=(d,)) for d in (world.director, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (len(published), refused) == (1, ["published"])
    assert Pairing.objects.filter(origin=Pairing.Origin.MATCHING).count() == 3
