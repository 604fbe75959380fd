"""The director's pages of a round: who may open them, and Match Day through them
from a draft to a published round."""

from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import resolve, reverse

from mentorship.pairings.models import Pairing
from mentorship.rounds.models import Choice, Exclusion, Override, Round, Run
from tests.factories import (
    make_director_round,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
)
from tests.rounds.director_support import fill, signed_in, solved_round

pytestmark = pytest.mark.django_db

BROWSER_GETS = ["manage", "check", "review", "publish", "csv", "report"]
POSTS = ["open", "close", "reopen", "archive", "accept", "solve", "exclusion_add", "what_if"]


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
def solved(program, director, people):
    round = solved_round(program, director, people)
    Exclusion.objects.create(
        round=round,
        mentee=people["sam"],
        mentor=people["park"],
        source=Exclusion.Source.DIRECTOR,
        reason="Sam rotates with Dr Park all spring.",
        created_by=director,
    )
    return round


def pages(round: Round, sam, chen) -> list[tuple[str, str]]:
    """(method, url) of every director's page of the round."""
    pk, run = round.pk, round.run
    exclusion = round.exclusions.first()
    gets = [("get", reverse(f"rounds:{name}", args=[pk])) for name in BROWSER_GETS]
    gets += [
        ("get", reverse("rounds:index")),
        ("get", reverse("rounds:mentee", args=[pk, sam.pk])),
        ("get", reverse("rounds:mentor", args=[pk, chen.pk])),
        ("get", reverse("rounds:run", args=[pk, run.pk])),
    ]
    posts = [("post", reverse(f"rounds:{name}", args=[pk])) for name in POSTS]
    posts += [
        ("post", reverse("rounds:publish", args=[pk])),
        ("post", reverse("rounds:override", args=[pk, sam.pk])),
        ("post", reverse("rounds:adopt", args=[pk, run.pk])),
        ("post", reverse("rounds:exclusion_remove", args=[pk, exclusion.pk])),
    ]
    return gets + posts


def directors_url_names() -> set[str]:
    """The rounds app's pages under /director/."""
    from mentorship.rounds.urls import urlpatterns

    return {p.name for p in urlpatterns if str(p.pattern).startswith("director/")}


def test_the_walk_covers_every_directors_page(solved, sam, chen):
    walked = {resolve(url).url_name for _, url in pages(solved, sam, chen)}

    assert walked == directors_url_names()


def test_anonymous_visitors_are_sent_to_log_in(client, solved, sam, chen):
    for method, url in pages(solved, sam, chen):
        response = getattr(client, method)(url)
        assert response.status_code == HTTPStatus.FOUND, url
        assert response["Location"].startswith(reverse("account_login")), url


@pytest.mark.parametrize("who", ["mentee", "mentor", "other director"])
def test_mentees_mentors_and_other_programs_directors_find_nothing(
    client, solved, sam, chen, other_director, who
):
    user = {"mentee": sam.user, "mentor": chen.user, "other director": other_director}[who]
    signed_in(client, user)
    runs = Run.objects.count()

    for method, url in pages(solved, sam, chen):
        response = getattr(client, method)(url)
        if url == reverse("rounds:index"):
            status = HTTPStatus.OK if who == "other director" else HTTPStatus.NOT_FOUND
            assert response.status_code == status
            if who == "other director":
                assert solved.name not in response.content.decode()
            continue
        assert response.status_code == HTTPStatus.NOT_FOUND, (who, method, url)

    solved.refresh_from_db()
    assert solved.state == Round.State.SOLVED
    assert Run.objects.count() == runs
    assert Exclusion.objects.filter(round=solved).count() == 1


def test_a_director_without_two_step_verification_turns_it_on_first(client, solved, director):
    client.force_login(director)  # the cast's director has no authenticator

    for name in ["index", "manage"]:
        url = reverse(f"rounds:{name}", args=[] if name == "index" else [solved.pk])
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_the_rounds_director_opens_every_page(client, solved, director, sam, chen):
    signed_in(client, director)

    for method, url in pages(solved, sam, chen):
        if method == "get":
            assert client.get(url).status_code == HTTPStatus.OK, url


def test_a_superuser_with_two_step_verification_opens_them_too(client, solved, superuser_with_mfa):
    client.force_login(superuser_with_mfa)

    assert client.get(reverse("rounds:manage", args=[solved.pk])).status_code == HTTPStatus.OK


def test_people_and_runs_of_another_round_are_not_found(
    client, program, director, solved, people, other_program
):
    signed_in(client, director)
    stranger = make_mentee_profile(make_mentee("jo@example.com", name="Jo Bright"), program=program)
    outsider = make_mentor_profile(
        make_mentor("roe@example.com", name="Dr Kim Roe"), programs=[program]
    )
    second = make_director_round(program, name="Spring round", state=Round.State.DRAFT)
    other_run = Run.objects.create(
        round=second,
        number=1,
        seed=1,
        fingerprint="x",
        input={},
        result={},
        explanations={},
        figures={},
    )
    elsewhere = make_director_round(other_program, name="Their round")
    exclusion = Exclusion.objects.create(
        round=second,
        mentee=people["sam"],
        mentor=people["chen"],
        source=Exclusion.Source.DIRECTOR,
        reason="no",
    )
    pk = solved.pk
    missing = [
        ("get", reverse("rounds:mentee", args=[pk, stranger.pk])),
        ("get", reverse("rounds:mentee", args=[pk, 99999999])),
        ("post", reverse("rounds:override", args=[pk, stranger.pk])),
        ("get", reverse("rounds:mentor", args=[pk, outsider.pk])),
        ("get", reverse("rounds:mentor", args=[pk, people["sam"].pk + 1000])),
        ("get", reverse("rounds:run", args=[pk, other_run.pk])),
        ("post", reverse("rounds:adopt", args=[pk, other_run.pk])),
        ("post", reverse("rounds:exclusion_remove", args=[pk, exclusion.pk])),
        ("get", reverse("rounds:manage", args=[elsewhere.pk])),
        ("get", reverse("rounds:manage", args=[99999999])),
    ]
    for method, url in missing:
        assert getattr(client, method)(url).status_code == HTTPStatus.NOT_FOUND, url
    assert Exclusion.objects.filter(pk=exclusion.pk).exists()


def test_the_list_of_rounds_shows_the_directors_own(client, program, director, other_program):
    mine = make_director_round(program, name="Match Day 2027")
    make_director_round(other_program, name="Another program's round")
    signed_in(client, director)

    text = client.get(reverse("rounds:index")).content.decode()

    assert mine.name in text
    assert "Another program's round" not in text
    assert reverse("rounds:manage", args=[mine.pk]) in text
    assert reverse("admin:rounds_round_add") in text
    assert "Check its dates and cohort, then open it" in text


# --- Match Day, from a draft to published ---------------------------------------------


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_match_day_from_draft_to_published(
    client, program, director, people, django_capture_on_commit_callbacks
):
    signed_in(client, director)
    round = make_director_round(program, by=director)
    manage = reverse("rounds:manage", args=[round.pk])
    page = client.get(manage).content.decode()
    assert "Open the round" in page
    assert "gets an e-mail with their link as soon as you open it" in page

    # Open: the cohort's four mentees and the four mentors, each with an e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("rounds:open", args=[round.pk]), follow=True)
    assert "Its 4 mentees and 4 mentors each have an e-mail" in " ".join(_messages(response))
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.user.email for p in people.values())
    round.refresh_from_db()
    assert round.state == Round.State.COLLECTING
    fill(round, **people)  # the lists, places and a ranking, as people's pages make them

    # Close, then check: Alex has no list, which holds the run.
    client.post(reverse("rounds:close", args=[round.pk]))
    check = reverse("rounds:check", args=[round.pk])
    page = client.get(check).content.decode()
    assert "Mentees with no list" in page and "Alex Park" in page
    assert "holds the run" in page
    assert "disabled" in page
    response = client.post(reverse("rounds:solve", args=[round.pk]), follow=True)
    assert "Fix or accept these first" in " ".join(_messages(response))
    assert not Run.objects.exists()

    response = client.post(
        reverse("rounds:accept", args=[round.pk]), {"code": "no_list"}, follow=True
    )
    assert "Accepted as it is" in " ".join(_messages(response))
    assert (
        "disabled"
        not in response.content.decode().split('id="run-heading"')[1].split("</section>")[0]
    )

    # Run, then review: 3 of 4 matched, Ana to her first choice.
    response = client.post(reverse("rounds:solve", args=[round.pk]), follow=True)
    assert "Run 1 is done: 3 of 4 mentees matched, 1 to their first choice" in " ".join(
        _messages(response)
    )
    review = response.content.decode()
    assert "75%" in review
    assert "0</strong> blocking pairs" in review

    # Why Sam got his 2nd choice.
    sam, chen, levin, park = (people[n] for n in ("sam", "chen", "levin", "park"))
    page = client.get(reverse("rounds:mentee", args=[round.pk, sam.pk])).content.decode()
    assert "<li>Matched to your 2nd choice, Dr Ari Levin.</li>" in page
    assert (
        "<li>Your 1st, Dr Dana Chen, was full with a mentee Dr Dana Chen ranked higher "
        "(Ana Ruiz).</li>"
    ) in page

    # What if Dana had two places: Sam moves to her, his first choice.
    response = client.post(
        reverse("rounds:what_if", args=[round.pk]),
        {"mentor_1": chen.pk, "places_1": "2", "note": "Dana offered a second place"},
        follow=True,
    )
    page = response.content.decode()
    assert "What-if run 2" in page
    assert "Moved (1)" in page
    assert "Dr Ari Levin (2nd choice)" in page and "Dr Dana Chen (first choice)" in page
    round.refresh_from_db()
    assert round.run.number == 1  # the what-if changed nothing

    # Move Sam to Lee Park: without a reason, nothing moves; with one, the blocking pair.
    move = reverse("rounds:override", args=[round.pk, sam.pk])
    response = client.post(move, {"to": str(park.pk), "reason": "  "})
    assert response.status_code == HTTPStatus.OK
    assert "Say why you move them" in response.content.decode()
    assert not Override.objects.exists()
    response = client.post(
        move, {"to": str(park.pk), "reason": "Sam asked for regional anesthesia."}, follow=True
    )
    said = " ".join(_messages(response))
    assert "Sam Whitfield is with Dr Lee Park now." in said
    assert "Sam Whitfield and Dr Ari Levin would both prefer each other" in said
    assert Override.objects.get().blocking_pairs == [[sam.pk, levin.pk]]

    # Publish: the confirmation first, then the pairings and everyone's result.
    page = client.get(reverse("rounds:publish", args=[round.pk])).content.decode()
    assert "This pairs 3 people and e-mails everyone now" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("rounds:publish", args=[round.pk]), follow=True)
    assert "Published: 3 mentees paired" in " ".join(_messages(response))
    pairings = Pairing.objects.filter(origin=Pairing.Origin.MATCHING)
    assert sorted((p.mentee_id, p.mentor_id) for p in pairings) == sorted(
        [(people["ana"].pk, chen.pk), (sam.pk, park.pk), (people["noor"].pk, park.pk)]
    )
    sent = sorted(m.to[0] for m in mail.outbox)
    assert sent == sorted(
        [
            "ana@example.com",  # their mentor and which choice
            "sam@example.com",
            "noor@example.com",
            "alex@example.com",  # unmatched
            "chen@example.com",  # their mentees
            "park@example.com",
        ]
    )
    page = response.content.decode()
    assert "What publishing did" in page
    assert "3</strong> paired" in page
    assert "1</strong> unmatched" in page

    # Publishing again makes nothing twice and sends nothing.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("rounds:publish", args=[round.pk]), follow=True)
    assert "already; nothing was made twice" in " ".join(_messages(response))
    assert Pairing.objects.count() == 3
    assert mail.outbox == []


def test_a_button_that_doesnt_apply_says_why(client, program, director, people):
    signed_in(client, director)
    round = make_director_round(program, by=director)

    response = client.post(reverse("rounds:close", args=[round.pk]), follow=True)

    assert "Only a round collecting lists closes." in " ".join(_messages(response))
    round.refresh_from_db()
    assert round.state == Round.State.DRAFT


def test_opening_a_round_with_nobody_in_its_cohort_says_so(client, program, director):
    signed_in(client, director)
    round = make_director_round(program, by=director)

    response = client.post(reverse("rounds:open", args=[round.pk]), follow=True)

    assert "Nobody is in this round's cohort" in " ".join(_messages(response))


def test_reopening_and_archiving_go_through_the_round_page(client, solved, director):
    signed_in(client, director)

    response = client.post(reverse("rounds:reopen", args=[solved.pk]), follow=True)
    assert "The lists are open again" in " ".join(_messages(response))
    response = client.post(reverse("rounds:archive", args=[solved.pk]), follow=True)
    assert "Archive a round once it is published" in " ".join(_messages(response))
    solved.refresh_from_db()
    assert solved.state == Round.State.COLLECTING


def test_the_round_page_counts_lists_and_places(client, solved, director):
    signed_in(client, director)
    solved.entrants.filter(mentee__user__email="sam@example.com").update(
        submitted_at="2026-01-05T09:00Z"
    )

    page = client.get(reverse("rounds:manage", args=[solved.pk])).content.decode()

    assert "<strong>4</strong> mentees" in page
    assert "<strong>3</strong> lists in" in page
    assert "<strong>1</strong> lists sent" in page
    assert "<strong>4 of 4</strong> mentors confirmed" in page
    assert "<strong>5</strong> places" in page
    # Solved: no longer editable in the admin.
    assert reverse("admin:rounds_round_change", args=[solved.pk]) not in page


def test_exclusions_are_added_with_a_reason_and_removed(client, solved, director, people):
    signed_in(client, director)
    add = reverse("rounds:exclusion_add", args=[solved.pk])
    typed = {"mentee": people["ana"].pk, "mentor": people["levin"].pk, "reason": ""}

    response = client.post(add, typed)
    assert response.status_code == HTTPStatus.OK
    assert "Say why, in a few words" in response.content.decode()

    response = client.post(add, {**typed, "reason": "Ari is Ana's sister."}, follow=True)
    assert "It counts from the next run." in " ".join(_messages(response))
    exclusion = Exclusion.objects.get(mentee=people["ana"], mentor=people["levin"])
    assert exclusion.source == Exclusion.Source.DIRECTOR
    assert "Ari is Ana&#x27;s sister." in response.content.decode()

    again = client.post(add, {**typed, "reason": "Twice."})
    assert "This pair is left out already." in " ".join(_messages(again))
    assert "Twice." in again.content.decode()  # what was typed is still there

    client.post(reverse("rounds:exclusion_remove", args=[solved.pk, exclusion.pk]))
    assert not Exclusion.objects.filter(pk=exclusion.pk).exists()


def test_a_round_with_no_run_has_an_empty_review_and_no_csv(client, program, director):
    signed_in(client, director)
    round = make_director_round(program, by=director)

    assert "No run yet" in client.get(reverse("rounds:review", args=[round.pk])).content.decode()
    response = client.get(reverse("rounds:csv", args=[round.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("rounds:manage", args=[round.pk])
    assert client.get(reverse("rounds:report", args=[round.pk])).status_code == HTTPStatus.OK
    assert client.get(reverse("rounds:publish", args=[round.pk])).status_code == HTTPStatus.FOUND


def test_choices_stay_as_they_were_through_every_page(client, solved, director, sam, chen):
    """The director's pages read lists; none of their GETs change one."""
    signed_in(client, director)
    before = list(Choice.objects.values_list("mentee_id", "mentor_id", "rank"))

    for method, url in pages(solved, sam, chen):
        if method == "get":
            client.get(url)

    assert list(Choice.objects.values_list("mentee_id", "mentor_id", "rank")) == before
