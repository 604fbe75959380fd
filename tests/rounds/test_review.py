"""The review of a run: every kind of "why" in sentences, suggestions for the
unmatched that break no stability, the tables, what-ifs and their use, the CSV
and the chair's report."""

import csv
import io
import random
from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.rounds import engine, services
from mentorship.rounds.models import Exclusion, Round, Seat
from tests.factories import interest, make_pairing
from tests.rounds.director_support import DREW, closed_round, signed_in, solved_round

pytestmark = pytest.mark.django_db

REASON = "Sam rotates with Dr Levin all spring."


@pytest.fixture
def people(sam, ana, noor, alex, chen, levin, park, grey):
    return {
        "sam": sam,
        "ana": ana,
        "noor": noor,
        "alex": alex,
        "chen": chen,
        "levin": levin,
        "park": park,
        "grey": grey,
    }


@pytest.fixture
def desk(client, director):
    return signed_in(client, director)


def sentences(client, round, mentee) -> list[str]:
    response = client.get(reverse("rounds:mentee", args=[round.pk, mentee.pk]))
    assert response.status_code == HTTPStatus.OK
    return response.context["sentences"]


def test_each_kind_of_why_reads_as_a_sentence(desk, program, director, people):
    sam, noor, alex, levin, park = (people[n] for n in ("sam", "noor", "alex", "levin", "park"))
    round = closed_round(program, director, people)
    # Sam also lists Lee Park third; Lee has no places now; Alex lists Ari, whom a
    # director leaves out with him, and Lee.
    round.choices.create(mentee=sam, mentor=park, rank=3)
    round.choices.create(mentee=alex, mentor=levin, rank=1)
    round.choices.create(mentee=alex, mentor=park, rank=2)
    Seat.objects.filter(round=round, mentor=park).update(capacity=0)
    Seat.objects.filter(round=round, mentor=levin).update(capacity=2)
    services.exclusion_add(round=round, mentor=levin, mentee=alex, by=director, reason=REASON)
    services.run_solve(round=round, by=director)

    assert sentences(desk, round, sam) == [
        "Matched to your 2nd choice, Dr Ari Levin.",
        "Your 1st, Dr Dana Chen, was full with a mentee Dr Dana Chen ranked higher (Ana Ruiz).",
    ]
    assert sentences(desk, round, noor) == [
        "No match: none of the 2 mentors on your list could take you.",
        "Your 1st, Dr Ana Grey, was left out before the run: Dr Ana Grey evaluates residents "
        "of this program (CCC).",
        "Your 2nd, Dr Lee Park, had no places this round.",
    ]
    told = sentences(desk, round, alex)
    assert told == [
        "No match: none of the 2 mentors on your list could take you.",
        "Your 1st, Dr Ari Levin, was left out before the run: a director left you and "
        "Dr Ari Levin out.",
        "Your 2nd, Dr Lee Park, had no places this round.",
    ]
    page = desk.get(reverse("rounds:mentee", args=[round.pk, alex.pk])).content.decode()
    assert REASON.replace("'", "&#x27;") in page  # the reason, for directors, beside the list


def test_a_mentee_with_no_list_and_a_past_pair(desk, program, director, people):
    sam, chen, alex = people["sam"], people["chen"], people["alex"]
    make_pairing(chen, sam, "ended")
    round = solved_round(program, director, people)

    assert sentences(desk, round, alex) == [
        "No match: you sent no list, so the round had nobody to ask for you."
    ]
    assert sentences(desk, round, sam)[1] == (
        "Your 1st, Dr Dana Chen, was left out before the run: you and Dr Dana Chen were "
        "paired before."
    )


def test_a_mentors_lottery_is_named_as_such(desk, program, director, people):
    round = closed_round(program, director, people)
    Seat.objects.filter(round=round, mentor=people["chen"]).update(no_preference=True)
    round.mentor_rankings.all().delete()
    services.problems_accept(round=round, by=director, code="no_list")
    services.run_solve(round=round, by=director)
    run = round.run
    loser = (
        people["sam"] if run.result[str(people["ana"].pk)] == people["chen"].pk else people["ana"]
    )

    told = sentences(desk, round, loser)

    assert "was full with a mentee the round's lottery placed higher" in told[1]


# --- the unmatched and their suggestions ------------------------------------------


def test_an_unmatched_mentee_is_offered_mentors_with_room_who_share_an_interest(
    desk, program, director, people
):
    alex, levin, park, grey = (people[n] for n in ("alex", "levin", "park", "grey"))
    alex.interests.add(
        interest("Regional anesthesia and acute pain"), interest("Pediatric anesthesia")
    )
    park.interests.add(interest("Regional anesthesia and acute pain"))  # room: 1 place left
    grey.interests.add(interest("Regional anesthesia and acute pain"))  # room, but on the CCC
    levin.interests.add(interest("Pediatric anesthesia"))  # full
    round = solved_round(program, director, people)

    response = desk.get(reverse("rounds:review", args=[round.pk]))

    unmatched = response.context["unmatched"]
    assert [u.name for u in unmatched] == ["Alex Park"]
    assert [(s.name, s.room, s.shared) for s in unmatched[0].suggestions] == [
        ("Dr Lee Park", 1, ["Regional anesthesia and acute pain"])
    ]
    page = response.content.decode()
    assert "a suggestion; it breaks no stability" in page
    assert f"?to={park.pk}#move" in page

    # Following the suggestion makes no blocking pair.
    move = desk.post(
        reverse("rounds:override", args=[round.pk, alex.pk]),
        {"to": str(park.pk), "reason": "A shared interest in regional anesthesia."},
        follow=True,
    )
    assert "The move makes no blocking pair." in " ".join(str(m) for m in move.context["messages"])


def test_a_mentor_the_mentee_listed_or_was_left_out_with_is_not_suggested(
    desk, program, director, people
):
    noor, alex, park, levin = (people[n] for n in ("noor", "alex", "park", "levin"))
    regional = interest("Regional anesthesia and acute pain")
    for person in (noor, alex, park, levin):
        person.interests.add(regional)
    round = closed_round(program, director, people)
    # Noor lists Grey (CCC) and Lee Park, whom a director leaves out with her: she is
    # unmatched, and Lee, with room, is one she listed. Alex is left out with Lee too.
    Seat.objects.filter(round=round, mentor=levin).update(capacity=2)
    services.exclusion_add(round=round, mentor=park, mentee=noor, by=director, reason="No.")
    services.exclusion_add(round=round, mentor=park, mentee=alex, by=director, reason="No.")
    services.problems_accept(round=round, by=director, code="no_list")
    services.run_solve(round=round, by=director)

    unmatched = {
        u.name: [s.name for s in u.suggestions]
        for u in desk.get(reverse("rounds:review", args=[round.pk])).context["unmatched"]
    }

    assert unmatched == {"Alex Park": ["Dr Ari Levin"], "Noor Haddad": ["Dr Ari Levin"]}


@pytest.mark.parametrize("seed", range(40))
def test_moving_an_unmatched_mentee_to_an_unlisted_mentor_with_room_blocks_nothing(seed):
    """The suggestions' promise, on random rounds: from a stable matching, an
    unmatched mentee moved to a mentor they didn't list who has a free place makes
    no blocking pair; to a listed mentor with room, it can only be a removed pair."""
    rng = random.Random(seed)
    mentees, mentors = list(range(30)), [f"m{i}" for i in range(10)]
    mentee_prefs = {m: rng.sample(mentors, rng.randint(0, 4)) for m in mentees}
    capacities = {m: rng.randint(0, 3) for m in mentors}
    mentor_prefs = {m: [] for m in mentors}
    for mentee in rng.sample(mentees, len(mentees)):
        for mentor in mentee_prefs[mentee]:
            if rng.random() > 0.1:  # a few pairs removed by a rule
                mentor_prefs[mentor].append(mentee)
    matching = engine.stable_match(mentee_prefs, mentor_prefs, capacities)
    held = {m: sum(1 for x in matching.values() if x == m) for m in mentors}
    for mentee in (m for m in mentees if m not in matching):
        for mentor in (m for m in mentors if held[m] < capacities[m]):
            if mentor in mentee_prefs[mentee]:
                assert mentee not in mentor_prefs[mentor]  # the pair was removed
                continue
            moved = {**matching, mentee: mentor}
            assert engine.blocking_pairs(moved, mentee_prefs, mentor_prefs, capacities) == []


# --- the tables ----------------------------------------------------------------


def test_the_mentee_table_finds_by_name_and_filters(desk, program, director, people):
    round = solved_round(program, director, people)
    url = reverse("rounds:review", args=[round.pk])

    def names(query):
        return [row.name for row in desk.get(url + query).context["rows"]]

    assert names("") == ["Alex Park", "Ana Ruiz", "Noor Haddad", "Sam Whitfield"]
    assert names("?q=ruiz") == ["Ana Ruiz"]
    assert names("?only=unmatched") == ["Alex Park"]
    assert names("?only=not_first") == ["Noor Haddad", "Sam Whitfield"]
    assert names("?only=moved") == []
    assert names("?only=nonsense&page=x") == [
        "Alex Park",
        "Ana Ruiz",
        "Noor Haddad",
        "Sam Whitfield",
    ]
    rows = {row.name: row for row in desk.get(url).context["rows"]}
    assert rows["Sam Whitfield"].choice == "2nd choice"
    assert rows["Sam Whitfield"].why == "Dr Dana Chen was full."
    assert rows["Noor Haddad"].why == "Dr Ana Grey left out (evaluates residents)."
    assert rows["Alex Park"].why == "No list sent."
    mentors = desk.get(url + "?show=mentors").context["rows"]
    assert [(m.name, m.places, m.held, m.listed_by) for m in mentors] == [
        ("Dr Ana Grey", 1, 0, 1),
        ("Dr Ari Levin", 1, 1, 1),
        ("Dr Dana Chen", 1, 1, 2),
        ("Dr Lee Park", 2, 1, 2),
    ]


def test_the_review_headline(desk, program, director, people):
    round = solved_round(program, director, people)

    response = desk.get(reverse("rounds:review", args=[round.pk]))

    figures, load = response.context["figures"], response.context["load"]
    assert (figures["matched"], figures["matched_pct"], figures["first"], figures["top3"]) == (
        3,
        75,
        1,
        3,
    )
    assert (figures["median_rank"], figures["blocking"]) == (2, 0)
    assert (load.full, load.with_room, load.taken, load.places) == (2, 2, 3, 5)
    page = response.content.decode()
    assert "0 means the run is stable" in page
    assert 'href="?only=unmatched"' in page


def test_the_mentor_page_shows_who_listed_them_and_whom_they_got(desk, program, director, people):
    round = solved_round(program, director, people)

    response = desk.get(reverse("rounds:mentor", args=[round.pk, people["chen"].pk]))

    context = response.context
    assert [(name, rank) for _, name, rank in context["listed"]] == [
        ("Ana Ruiz", 1),
        ("Sam Whitfield", 1),
    ]
    assert [name for _, name in context["own"]] == ["Ana Ruiz", "Sam Whitfield"]
    assert [(name, rank) for _, name, rank in context["got"]] == [("Ana Ruiz", 1)]
    page = response.content.decode()
    assert "never the place" in page


# --- what if ----------------------------------------------------------------------


def test_a_what_if_that_changes_nothing_says_so_and_keeps_the_note(desk, program, director, people):
    round = solved_round(program, director, people)
    url = reverse("rounds:what_if", args=[round.pk])

    response = desk.post(url, {"note": "Trying something"})
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Change at least one thing" in page
    assert 'value="Trying something"' in page

    response = desk.post(url, {"places_1": "3", "note": "Places for whom?"})
    assert "Whose places are these?" in response.content.decode()
    response = desk.post(url, {"mentor_1": people["chen"].pk, "places_1": "9"})
    assert "From 0 to 5." in response.content.decode()
    response = desk.post(url, {"exclude": "1-x"})
    assert "Choose a pair of the round&#x27;s lists" in response.content.decode()
    assert round.runs.count() == 1


def test_a_what_if_leaves_out_a_pair_and_another_puts_one_back(desk, program, director, people):
    sam, ana, noor, alex = (people[n] for n in ("sam", "ana", "noor", "alex"))
    chen, park = people["chen"], people["park"]
    round = solved_round(program, director, people)
    url = reverse("rounds:what_if", args=[round.pk])

    response = desk.post(url, {"exclude": f"{ana.pk}-{chen.pk}"}, follow=True)
    difference = response.context["difference"]
    assert [c.name for c in difference["moved"]] == ["Ana Ruiz", "Sam Whitfield"]
    assert response.context["changes"] == ["Ana Ruiz and Dr Dana Chen left out"]

    services.exclusion_add(round=round, mentor=park, mentee=noor, by=director, reason="x")
    services.run_solve(round=round, by=director)  # Noor is unmatched now
    response = desk.post(url, {"restore": f"{noor.pk}-{park.pk}"}, follow=True)
    assert [c.name for c in response.context["difference"]["newly_matched"]] == ["Noor Haddad"]
    assert alex.pk  # Alex, with no list, stays unmatched throughout


def test_using_a_what_if_makes_it_the_rounds_run(desk, program, director, people):
    round = solved_round(program, director, people)
    desk.post(
        reverse("rounds:what_if", args=[round.pk]),
        {"mentor_1": people["chen"].pk, "places_1": "2"},
    )
    tried = round.runs.get(is_draft=True)
    page = desk.get(reverse("rounds:run", args=[round.pk, tried.pk])).content.decode()
    assert "Use this run" in page
    assert tried.note == "Dr Dana Chen: 2 places"

    response = desk.post(reverse("rounds:adopt", args=[round.pk, tried.pk]), follow=True)

    round.refresh_from_db()
    assert round.run.base_id == tried.pk
    assert round.run.result == tried.result
    assert "is the round's run now" in " ".join(str(m) for m in response.context["messages"])
    again = desk.post(reverse("rounds:adopt", args=[round.pk, round.run.pk]), follow=True)
    assert "This is the round's run already." in " ".join(str(m) for m in again.context["messages"])


def test_a_move_needs_a_mentor_of_the_round_with_room(desk, program, director, people):
    round = solved_round(program, director, people)
    move = reverse("rounds:override", args=[round.pk, people["noor"].pk])

    response = desk.post(move, {"to": str(people["chen"].pk), "reason": "Closer to home."})
    assert "has no place left in this round" in response.content.decode()
    assert "Closer to home." in response.content.decode()
    response = desk.post(move, {"to": "99999999999999999999", "reason": "x"})
    assert response.status_code == HTTPStatus.OK
    assert "Select a valid choice" in response.content.decode()
    response = desk.post(move, {"to": str(people["grey"].pk), "reason": "x"})
    assert "were left out before solving" in response.content.decode()

    response = desk.post(move, {"to": "none", "reason": "Noor will ask on her own."}, follow=True)
    assert "Noor Haddad is unmatched now." in " ".join(str(m) for m in response.context["messages"])


def test_a_published_round_takes_no_moves_or_what_ifs(
    desk, program, director, people, django_capture_on_commit_callbacks
):
    round = solved_round(program, director, people)
    with django_capture_on_commit_callbacks(execute=True):
        services.round_publish(round=round, by=director)

    page = desk.get(reverse("rounds:review", args=[round.pk])).content.decode()
    assert "What if" not in page
    page = desk.get(reverse("rounds:mentee", args=[round.pk, people["sam"].pk])).content.decode()
    assert 'id="move"' not in page
    response = desk.post(
        reverse("rounds:override", args=[round.pk, people["sam"].pk]),
        {"to": "none", "reason": "x"},
        follow=True,
    )
    assert "Only a solved round's run can be changed." in " ".join(
        str(m) for m in response.context["messages"]
    )
    response = desk.post(reverse("rounds:what_if", args=[round.pk]), {"exclude": ""}, follow=True)
    assert round.runs.count() == 1


# --- the CSV and the report ------------------------------------------------------------


def test_the_csv_has_a_row_per_mentee_with_both_ranks_and_overrides(
    desk, program, director, people
):
    round = solved_round(program, director, people)
    services.override_move(
        run=round.run,
        mentee=people["sam"],
        to_mentor=people["park"],
        by=director,
        reason="=Regional, as he asked",
    )

    response = desk.get(reverse("rounds:csv", args=[round.pk]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        [
            "mentee",
            "level",
            "matched mentor",
            "mentee's rank of the mentor",
            "mentor's rank of the mentee",
            "overridden",
            "unmatched",
        ],
        ["Alex Park", "CA-1", "", "", "", "", "yes"],
        ["Ana Ruiz", "CA-1", "Dr Dana Chen", "1", "1", "", ""],
        ["Noor Haddad", "CA-1", "Dr Lee Park", "2", "1", "", ""],
        ["Sam Whitfield", "CA-1", "Dr Lee Park", "", "", "yes: =Regional, as he asked", ""],
    ]


def test_the_chairs_report_has_the_figures_runs_and_moves_but_no_lists(
    desk, program, director, people
):
    round = solved_round(program, director, people)
    services.exclusion_add(
        round=round, mentor=people["park"], mentee=people["ana"], by=director, reason=REASON
    )
    services.run_solve(round=round, by=director)
    round.refresh_from_db()
    services.override_move(
        run=round.run, mentee=people["noor"], to_mentor=None, by=director, reason="She'll wait."
    )

    response = desk.get(reverse("rounds:report", args=[round.pk]))

    page = response.content.decode()
    assert round.program.name in page
    assert "every mentee without a mentor" in page
    assert "75%" not in page  # Noor's move leaves 2 of 4
    assert "50%" in page
    assert round.run.fingerprint[:12] in page
    assert "She&#x27;ll wait." in page
    assert "A director left the pair out</td><td>1" in page
    assert DREW not in page
    assert REASON.replace("'", "&#x27;") not in page


def test_the_manage_page_reports_what_publishing_did(
    desk, program, director, people, django_capture_on_commit_callbacks
):
    round = solved_round(program, director, people)
    # Lee Park took a mentee by request after the run: his place for Noor is gone.
    Seat.objects.filter(round=round, mentor=people["park"]).update(capacity=1)
    people["park"].capacity = 1
    people["park"].save()
    make_pairing(people["park"], people["alex"])
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(reverse("rounds:publish", args=[round.pk]))

    page = desk.get(reverse("rounds:manage", args=[round.pk])).content.decode()

    round.refresh_from_db()
    assert round.state == Round.State.PUBLISHED
    assert "<strong>2</strong> paired" in page
    assert "Noor Haddad and Dr Lee Park:" in page
    assert Exclusion.objects.count() == 0
