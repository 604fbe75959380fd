"""Match Day's services, end to end through the database: opening a round, lists,
the check, runs and their explanations, what-ifs, overrides."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mentorship.pairings.models import Pairing
from mentorship.rounds import services
from mentorship.rounds.models import Choice, Entrant, Round, Seat
from mentorship.rounds.services import RoundError
from tests.factories import (
    make_appointment,
    make_mentee,
    make_mentee_profile,
    make_pairing,
    make_role_term,
)
from tests.rounds.world import make_world

pytestmark = pytest.mark.django_db


def test_opening_gathers_the_cohort_without_a_mentor_and_tells_everyone(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        world = make_world()
    assert Entrant.objects.filter(round=world.round).count() == 5
    assert Seat.objects.filter(round=world.round).count() == 4
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["mentee0@example.com"].endswith(
        "Match Day 2027: who would you like as your mentor?"
    )
    assert subjects["mentor0@example.com"].endswith(
        "Match Day 2027: how many new mentees can you take?"
    )
    assert world.round.state == Round.State.COLLECTING


def test_a_resident_with_a_mentor_or_at_another_level_is_not_gathered():
    world = make_world()
    round = Round.objects.create(
        program=world.program,
        name="Second round",
        level="ca1",
        opens_on=world.round.opens_on,
        mentee_deadline=world.round.mentee_deadline,
        mentor_deadline=world.round.mentor_deadline,
        publish_on=world.round.publish_on,
    )
    make_pairing(world.mentors["A"], world.mentees["Sam"])
    ca2 = make_mentee_profile(make_mentee("ca2@example.com", name="Ola Ca2"), program=world.program)
    make_appointment(ca2.user, program=world.program, level="ca2")
    services.round_open(round=round, by=world.director)
    names = set(round.entrants.values_list("mentee__user__name", flat=True))
    assert names == {"Tia Moss", "Uma Nair", "Vic Ortiz", "Wes Park"}


def test_only_a_director_of_the_program_opens_a_round():
    world = make_world()
    draft = Round.objects.create(
        program=world.program,
        name="Later",
        level="ca1",
        opens_on=world.round.opens_on,
        mentee_deadline=world.round.mentee_deadline,
        mentor_deadline=world.round.mentor_deadline,
        publish_on=world.round.publish_on,
    )
    with pytest.raises(RoundError) as refused:
        services.round_open(round=draft, by=world.mentees["Sam"].user)
    assert refused.value.code == "not_director"


def test_a_list_keeps_ranks_without_gaps_through_moves_and_removals():
    world = make_world()
    world.lists(Sam="ABC")
    sam = world.mentees["Sam"]

    def order():
        return "".join(
            {m.pk: k for k, m in world.mentors.items()}[c.mentor_id]
            for c in Choice.objects.filter(round=world.round, mentee=sam).order_by("rank")
        )

    c = Choice.objects.get(round=world.round, mentee=sam, mentor=world.mentors["C"])
    services.choice_move(choice=c, by=sam.user, up=True)
    assert order() == "ACB"
    services.choice_move(choice=c, by=sam.user, up=True)
    services.choice_move(choice=c, by=sam.user, up=True)  # first already: nothing moves
    assert order() == "CAB"
    services.choice_remove(choice=c, by=sam.user)
    assert order() == "AB"
    assert list(
        Choice.objects.filter(round=world.round, mentee=sam).values_list("rank", flat=True)
    ) == [1, 2]


def test_a_list_is_refused_past_its_length_and_after_its_deadline():
    world = make_world(list_max=2)
    world.lists(Sam="AB")
    with pytest.raises(RoundError) as full:
        world.lists(Sam="C")
    assert full.value.code == "list_full"
    Round.objects.filter(pk=world.round.pk).update(
        opens_on=timezone.localdate() - timedelta(days=9),
        mentee_deadline=timezone.localdate() - timedelta(days=1),
    )
    world.round.refresh_from_db()
    with pytest.raises(RoundError) as closed:
        world.lists(Tia="A")
    assert closed.value.code == "lists_closed"


def test_another_mentees_choice_cant_be_moved():
    world = make_world()
    world.lists(Sam="AB")
    choice = Choice.objects.filter(round=world.round, mentee=world.mentees["Sam"]).first()
    with pytest.raises(RoundError) as refused:
        services.choice_move(choice=choice, by=world.mentees["Tia"].user, up=False)
    assert refused.value.code == "not_listed"


def test_matched_to_a_second_choice_is_explained_by_who_held_the_first():
    world = make_world()
    world.lists(Sam="AB", Tia="A")
    world.ranks(A=["Tia", "Sam"])
    run = world.solve()
    assert world.matched(run) == {"Sam": "B", "Tia": "A"}
    why = run.explanations[str(world.mentees["Sam"].pk)]
    assert why == [
        {"mentor": world.mentors["A"].pk, "why": "full", "held_by": [world.mentees["Tia"].pk]}
    ]
    assert run.figures["blocking"] == 0
    assert run.figures["first"] == 1 and run.figures["matched"] == 2


def test_a_mentor_on_the_ccc_is_removed_before_solving_and_the_reason_kept():
    world = make_world()
    make_role_term(world.mentors["A"].user, world.program, "ccc_member")
    world.lists(Sam="AB")
    run = world.solve()
    assert world.matched(run) == {"Sam": "B"}
    assert run.explanations[str(world.mentees["Sam"].pk)][0]["why"] == "conflict"
    removed = {rule: n for rule, _, n in services.check(world.round).removed}
    assert removed["conflict"] == 1


def test_past_pairs_are_left_out_when_the_round_says_so():
    world = make_world()
    make_pairing(world.mentors["A"], world.mentees["Sam"], Pairing.Status.ENDED)
    world.lists(Sam="AB")
    run = world.solve()
    assert world.matched(run) == {"Sam": "B"}
    assert run.explanations[str(world.mentees["Sam"].pk)][0]["why"] == "past"


def test_a_mentors_mark_removes_the_pair_and_needs_a_reason():
    world = make_world()
    world.lists(Sam="AB")
    a, sam = world.mentors["A"], world.mentees["Sam"]
    with pytest.raises(RoundError):
        services.exclusion_add(round=world.round, mentor=a, mentee=sam, by=a.user, reason=" ")
    services.exclusion_add(
        round=world.round, mentor=a, mentee=sam, by=a.user, reason="We share a call team."
    )
    run = world.solve()
    assert world.matched(run) == {"Sam": "B"}
    assert run.explanations[str(sam.pk)][0]["why"] == "marked"


def test_no_preference_follows_the_rounds_lottery_and_a_run_repeats_exactly():
    world = make_world()
    world.lists(Sam="A", Tia="A", Uma="A")
    a = world.mentors["A"]
    services.seat_confirm(round=world.round, by=a.user, capacity=1, no_preference=True)
    run = world.solve()
    lottery = run.input["lottery"]
    first = next(m for m in lottery if str(m) in {str(x) for x in run.input["mentors"][str(a.pk)]})
    assert run.matched() == {first: a.pk}
    again = services.run_solve(round=world.round, by=world.director)
    assert (again.fingerprint, again.result) == (run.fingerprint, run.result)


def test_the_check_holds_the_run_until_a_problem_is_fixed_or_accepted():
    world = make_world(list_min=2)
    world.lists(Sam="A")
    services.round_close(round=world.round, by=world.director)
    found = services.check(world.round)
    held = {p.code for p in found.problems if p.holds_the_run}
    assert held == {"no_list", "short_lists"}
    with pytest.raises(RoundError) as refused:
        services.run_solve(round=world.round, by=world.director)
    assert refused.value.code == "problems"
    services.problems_accept(round=world.round, by=world.director, code="no_list")
    services.problems_accept(round=world.round, by=world.director, code="short_lists")
    world.round.refresh_from_db()
    assert services.check(world.round).can_run
    services.run_solve(round=world.round, by=world.director)


def test_an_accepted_problem_counts_again_when_its_people_change():
    world = make_world(list_min=2)
    world.lists(Sam="A", Tia="A")
    services.round_close(round=world.round, by=world.director)
    services.problems_accept(round=world.round, by=world.director, code="short_lists")
    services.round_reopen(round=world.round, by=world.director)
    Choice.objects.filter(round=world.round, mentee=world.mentees["Tia"]).delete()
    world.round.refresh_from_db()
    short = next(p for p in services.check(world.round).problems if p.code == "short_lists")
    assert short.accepted is None


def test_a_what_if_with_more_places_shows_who_moves():
    world = make_world()
    world.lists(Sam="AB", Tia="A")
    world.ranks(A=["Tia", "Sam"])
    run = world.solve()
    a = world.mentors["A"]
    what_if = services.run_solve(
        round=world.round,
        by=world.director,
        what_if=True,
        changes={"capacities": {str(a.pk): 2}},
        note="Dr Alvarez could take two",
    )
    diff = services.difference(run, what_if)
    assert diff["moved"] == [world.mentees["Sam"].pk]
    assert world.round.run == run  # the round's run is still the first
    adopted = services.run_adopt(run=what_if, by=world.director)
    world.round.refresh_from_db()
    assert world.round.run == adopted and adopted.result == what_if.result


def test_an_override_needs_a_reason_respects_places_and_names_the_blocking_pair():
    world = make_world()
    world.lists(Sam="AB", Tia="AB")
    world.ranks(A=["Sam", "Tia"], B=["Sam", "Tia"])
    run = world.solve()
    assert world.matched(run) == {"Sam": "A", "Tia": "B"}
    sam, a, b, c = world.mentees["Sam"], world.mentors["A"], world.mentors["B"], world.mentors["C"]
    with pytest.raises(RoundError) as no_reason:
        services.override_move(run=run, mentee=sam, to_mentor=c, by=world.director, reason="")
    assert no_reason.value.code == "no_reason"
    with pytest.raises(RoundError) as full:
        services.override_move(run=run, mentee=sam, to_mentor=b, by=world.director, reason="x")
    assert full.value.code == "full"
    moved = services.override_move(
        run=run, mentee=sam, to_mentor=c, by=world.director, reason="Dr Chen runs his research."
    )
    # Dr Alvarez has a free place both Sam and Tia would take; Dr Brooks ranks Sam above Tia.
    assert sorted(moved.blocking_pairs) == sorted(
        [[sam.pk, a.pk], [sam.pk, b.pk], [world.mentees["Tia"].pk, a.pk]]
    )
    assert world.matched(run) == {"Sam": "C", "Tia": "B"}


def test_reminders_go_two_days_before_each_deadline_once(django_capture_on_commit_callbacks):
    world = make_world()
    world.lists(Sam="A")
    services.list_submit(round=world.round, by=world.mentees["Sam"].user)
    world.places(A=1)
    mail.outbox.clear()
    day = world.round.mentee_deadline - timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send_due(day) == 4  # the four mentees without a sent list
        assert services.reminders_send_due(day) == 0
    assert {m.to[0] for m in mail.outbox} == {f"mentee{n}@example.com" for n in range(1, 5)}
    day = world.round.mentor_deadline - timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send_due(day) == 3  # mentors B, C, D
