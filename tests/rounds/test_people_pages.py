"""A mentee's list and a mentor's answers in a round, through their own page
(/rounds/<id>/) and its buttons: who may open and post, the list's flow, lists
closed, a mentor's places, order and marks, what each person never sees, the
result once published, and the queries each page costs."""

import html
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.pairings.models import Pairing
from mentorship.rounds import services
from mentorship.rounds.models import Choice, Entrant, Exclusion, MentorRanking, Round, Seat
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_round,
)

pytestmark = pytest.mark.django_db

DREW_YOU = "Her talk on calm hands in a crisis, at grand rounds."
CURIOUS = "How to stay calm in a pediatric airway emergency."


@pytest.fixture
def round(program, sam, ana, chen, levin, park):
    """Sam and Ana rank; Dana Chen, Ari Levin and Lee Park mentor. Lists of 2 to 3."""
    return make_round(
        program, mentees=[sam, ana], mentors=[chen, levin, park], list_min=2, list_max=3
    )


def mine(round) -> str:
    return reverse("rounds:mine", args=[round.pk])


def url(name: str, round, *args) -> str:
    return reverse(f"rounds:{name}", args=[round.pk, *args])


def listed(round, mentee) -> list[tuple[str, int]]:
    return list(
        Choice.objects.filter(round=round, mentee=mentee)
        .order_by("rank")
        .values_list("mentor__user__name", "rank")
    )


def add(client, round, mentor, *, follow=False, **extra):
    return client.post(url("add", round), {"mentor": mentor.pk, **extra}, follow=follow)


def text(response) -> str:
    """The page as a person reads it (the markup's escapes undone)."""
    return html.unescape(response.content.decode())


def choose(round, mentee, *mentors) -> list[Choice]:
    return [services.choice_add(round=round, mentor=mentor, by=mentee.user) for mentor in mentors]


# --- who may open and post ---------------------------------------------------------


def every_url(round, choice, exclusion) -> list[str]:
    return [
        mine(round),
        url("add", round),
        url("move", round, choice.pk),
        url("remove", round, choice.pk),
        url("note", round, choice.pk),
        url("submit", round),
        url("places", round),
        url("ranking", round),
        url("mark", round),
        url("unmark", round, exclusion.pk),
    ]


@pytest.fixture
def acted(round, sam, chen, director):
    """Sam lists Dana, who marks him (so there is a choice and a mark to aim at)."""
    (choice,) = choose(round, sam, chen)
    exclusion = services.exclusion_add(
        round=round, mentor=chen, mentee=sam, by=chen.user, reason="My nephew's best friend."
    )
    return choice, exclusion


def test_an_anonymous_visitor_is_sent_to_log_in_from_every_url(client, round, acted):
    for target in every_url(round, *acted):
        for method in (client.get, client.post):
            response = method(target)
            assert response.status_code == HTTPStatus.FOUND, target
            assert response["Location"].startswith("/accounts/login/"), target


def test_the_mentee_and_the_mentor_open_their_page(client, round, sam, chen):
    for person in (sam.user, chen.user):
        client.force_login(person)
        assert client.get(mine(round)).status_code == HTTPStatus.OK


def test_a_mentee_of_the_program_not_in_the_round_gets_404_everywhere(client, round, acted, noor):
    client.force_login(noor.user)
    for target in every_url(round, *acted):
        response = client.get(target) if target == mine(round) else client.post(target)
        assert response.status_code == HTTPStatus.NOT_FOUND, target
    assert Choice.objects.count() == 1 and Exclusion.objects.count() == 1


def test_a_director_gets_404_unless_in_the_round(client, round, acted, director, program):
    client.force_login(director)
    for target in every_url(round, *acted):
        response = client.get(target) if target == mine(round) else client.post(target)
        assert response.status_code == HTTPStatus.NOT_FOUND, target
    # A director who mentors too, with a seat in the round, opens their own page.
    profile = make_mentor_profile(director, programs=[program])
    Seat.objects.create(round=round, mentor=profile)
    assert client.get(mine(round)).status_code == HTTPStatus.OK


def test_a_mentor_cant_post_a_mentees_changes_nor_a_mentee_a_mentors(
    client, round, acted, sam, chen, levin
):
    choice, exclusion = acted
    client.force_login(levin.user)  # a mentor of the round, not a mentee in it
    for target in [url("add", round), url("move", round, choice.pk), url("submit", round)]:
        assert client.post(target, {"mentor": chen.pk}).status_code == HTTPStatus.NOT_FOUND
    client.force_login(sam.user)  # a mentee of the round, not a mentor in it
    for target in [url("places", round), url("ranking", round), url("mark", round)]:
        assert client.post(target, {"capacity": "2"}).status_code == HTTPStatus.NOT_FOUND


def test_another_mentees_choice_is_404_and_stays_as_it_was(client, round, sam, ana, chen):
    (theirs,) = choose(round, ana, chen)
    client.force_login(sam.user)
    for name, data in [
        ("move", {"direction": "down"}),
        ("remove", {}),
        ("note", {"drew_you": "x"}),
    ]:
        response = client.post(url(name, round, theirs.pk), data)
        assert response.status_code == HTTPStatus.NOT_FOUND, name
    assert Choice.objects.get(pk=theirs.pk).drew_you == ""


def test_another_mentors_mark_is_404(client, round, sam, chen, levin, acted):
    _, exclusion = acted
    client.force_login(levin.user)
    assert client.post(url("unmark", round, exclusion.pk)).status_code == HTTPStatus.NOT_FOUND
    assert Exclusion.objects.filter(pk=exclusion.pk).exists()


@pytest.mark.parametrize("crafted", ["", "abc", "-1", "99999999999999999999", "1.5", "²", "٣"])
def test_a_crafted_mentor_id_is_404(client, round, sam, crafted):
    client.force_login(sam.user)
    assert client.post(url("add", round), {"mentor": crafted}).status_code == 404


def test_a_mentor_of_the_program_without_a_seat_cant_be_added(client, round, sam, grey):
    client.force_login(sam.user)
    assert add(client, round, grey).status_code == HTTPStatus.NOT_FOUND
    assert listed(round, sam) == []


def test_every_change_is_a_post(client, round, acted, sam):
    choice, _ = acted
    client.force_login(sam.user)
    for target in [url("add", round), url("move", round, choice.pk), url("submit", round)]:
        assert client.get(target).status_code == HTTPStatus.METHOD_NOT_ALLOWED


# --- a mentee's list ------------------------------------------------------------------


def test_a_mentee_adds_up_to_the_longest_list_and_is_told_when_it_is_full(
    client, round, sam, chen, levin, park, program
):
    client.force_login(sam.user)
    for mentor in (chen, levin, park):
        response = add(client, round, mentor)
        choice = Choice.objects.get(round=round, mentee=sam, mentor=mentor)
        assert response["Location"] == f"{mine(round)}#choice-{choice.pk}"
    fourth = make_mentor_profile(
        make_mentor("ito@example.com", name="Dr Kai Ito"), programs=[program]
    )
    Seat.objects.create(round=round, mentor=fourth)

    response = add(client, round, fourth, follow=True)

    assert "Your list is full at 3: take someone off to add Dr Kai Ito." in text(response)
    assert listed(round, sam) == [("Dr Dana Chen", 1), ("Dr Ari Levin", 2), ("Dr Lee Park", 3)]
    # The page says so, and offers nobody else to add.
    page = text(client.get(mine(round)))
    assert "Your list is full at 3" in page
    assert f'name="mentor" value="{fourth.pk}"' not in page


def test_adding_twice_says_so_and_adds_once(client, round, sam, chen):
    client.force_login(sam.user)
    add(client, round, chen)
    response = add(client, round, chen, follow=True)
    assert "Dr Dana Chen is on your list already." in text(response)
    assert listed(round, sam) == [("Dr Dana Chen", 1)]


def test_adding_from_the_directory_goes_back_there(client, round, sam, chen):
    client.force_login(sam.user)
    response = add(client, round, chen, next="/mentors/?q=airway#mentor-7")
    assert response["Location"] == "/mentors/?q=airway#mentor-7"
    response = add(client, round, chen, next="https://evil.example/")  # refused, so: the page
    assert response["Location"] == f"{mine(round)}#add"


def test_moving_keeps_ranks_one_to_n_and_comes_back_to_the_moved_mentor(
    client, round, sam, chen, levin, park
):
    first, second, third = choose(round, sam, chen, levin, park)
    client.force_login(sam.user)

    response = client.post(url("move", round, third.pk), {"direction": "up"})

    assert response["Location"] == f"{mine(round)}#choice-{third.pk}"
    assert listed(round, sam) == [("Dr Dana Chen", 1), ("Dr Lee Park", 2), ("Dr Ari Levin", 3)]
    client.post(url("move", round, first.pk), {"direction": "down"})
    assert listed(round, sam) == [("Dr Lee Park", 1), ("Dr Dana Chen", 2), ("Dr Ari Levin", 3)]
    # The first can't go higher, the last lower: nothing changes.
    client.post(url("move", round, third.pk), {"direction": "up"})
    client.post(url("move", round, second.pk), {"direction": "down"})
    assert listed(round, sam) == [("Dr Lee Park", 1), ("Dr Dana Chen", 2), ("Dr Ari Levin", 3)]
    response = client.post(url("move", round, first.pk), {"direction": "sideways"}, follow=True)
    assert "Choose Move up or Move down." in text(response)


def test_the_page_shows_the_list_in_order_with_its_buttons(client, round, sam, chen, levin, park):
    first, second = choose(round, sam, chen, levin)
    client.force_login(sam.user)

    page = text(client.get(mine(round)))

    assert page.index("Dr Dana Chen") < page.index("Dr Ari Levin")
    assert f'id="choice-{first.pk}"' in page
    assert reverse("pairings:mentor", args=[chen.pk]) in page  # the name links to the profile
    assert chen.title in page
    assert page.count("Move up") == 2 and page.count("Move down") == 2
    assert "Take off my list" in page and "My list is ready" in page
    assert "2 names</strong> of 2 to 3" in page
    assert "Only the program directors read it." in page
    assert reverse("mentors:directory") in page
    # Lee Park is the one left to add.
    assert f'name="mentor" value="{park.pk}"' in page


def test_taking_a_mentor_off_renumbers_those_below(client, round, sam, chen, levin, park):
    first, second, third = choose(round, sam, chen, levin, park)
    client.force_login(sam.user)

    response = client.post(url("remove", round, first.pk), follow=True)

    assert "Dr Dana Chen is off your list" in text(response)
    assert listed(round, sam) == [("Dr Ari Levin", 1), ("Dr Lee Park", 2)]


def test_what_drew_you_is_saved_and_shown_in_its_field(client, round, sam, chen):
    (choice,) = choose(round, sam, chen)
    client.force_login(sam.user)

    response = client.post(url("note", round, choice.pk), {"drew_you": f"  {DREW_YOU}  "})

    assert response["Location"] == f"{mine(round)}#choice-{choice.pk}"
    assert Choice.objects.get(pk=choice.pk).drew_you == DREW_YOU
    assert DREW_YOU in text(client.get(mine(round)))


def test_a_note_too_long_comes_back_with_every_word_and_nothing_saved(client, round, sam, chen):
    (choice,) = choose(round, sam, chen)
    client.force_login(sam.user)
    pasted = "I loved her teaching. " * 60  # 1,320 characters

    response = client.post(url("note", round, choice.pk), {"drew_you": pasted})

    assert response.status_code == HTTPStatus.OK
    assert "Please keep this under 1000 characters" in text(response)
    assert pasted.strip() in text(response)
    assert Choice.objects.get(pk=choice.pk).drew_you == ""


def test_a_short_list_is_refused_with_the_reason_and_a_full_one_is_in(
    client, round, sam, chen, levin
):
    choose(round, sam, chen)
    client.force_login(sam.user)

    response = client.post(url("submit", round), follow=True)

    assert "Add at least 2 mentors (you have 1)" in text(response)
    assert Entrant.objects.get(round=round, mentee=sam).submitted_at is None
    choose(round, sam, levin)
    response = client.post(url("submit", round), follow=True)
    assert "your list is in" in text(response)
    assert Entrant.objects.get(round=round, mentee=sam).submitted_at is not None
    assert "You said your list was ready on" in text(client.get(mine(round)))


def test_the_mentors_to_add_come_a_page_at_a_time(client, round, sam, program):
    for i in range(12):
        profile = make_mentor_profile(
            make_mentor(f"m{i:02}@example.com", name=f"Dr Zed {i:02}"), programs=[program]
        )
        Seat.objects.create(round=round, mentor=profile)
    client.force_login(sam.user)

    first = text(client.get(mine(round)))
    second = text(client.get(mine(round), {"page": "2"}))
    past_the_end = client.get(mine(round), {"page": "x"})

    assert first.count(">Add to my list<") == 8  # Ari Levin, Dana Chen, Lee Park, Zed 00-04
    assert "Dr Zed 05" in second and "Dr Zed 11" in second and "Dr Zed 04" not in second
    assert 'href="?page=2#add"' in first
    assert past_the_end.status_code == HTTPStatus.OK


def test_a_mentor_who_is_a_mentee_too_cant_list_themselves(client, round, program, chen):
    make_mentee_profile(chen.user, program=program)
    chen.user.is_mentee = True
    chen.user.save()
    Entrant.objects.create(round=round, mentee=chen.user.mentee_profile)
    client.force_login(chen.user)

    page = text(client.get(mine(round)))
    response = add(client, round, chen, follow=True)

    assert f'name="mentor" value="{chen.pk}"' not in page
    assert "You can't put yourself on your list." in text(response)


# --- lists closed -----------------------------------------------------------------------


@pytest.fixture
def closed(round, sam, chen, levin):
    """Sam's list of two, then the deadline passed yesterday."""
    choices = choose(round, sam, chen, levin)
    services.choice_note(choice=choices[0], by=sam.user, drew_you=DREW_YOU)
    Round.objects.filter(pk=round.pk).update(
        opens_on=timezone.localdate() - timedelta(days=10),
        mentee_deadline=timezone.localdate() - timedelta(days=1),
    )
    return choices


def test_after_the_deadline_the_list_shows_read_only(client, round, closed, sam):
    client.force_login(sam.user)

    page = text(client.get(mine(round)))

    assert "Lists closed on" in page
    assert page.index("Dr Dana Chen") < page.index("Dr Ari Levin")
    assert DREW_YOU in page  # her own sentence, for her record
    for button in (
        "Move up",
        "Move down",
        "Take off my list",
        "My list is ready",
        "Add to my list",
    ):
        assert button not in page


def test_after_the_deadline_every_change_is_refused_with_a_message(
    client, round, closed, sam, park
):
    first, second = closed
    client.force_login(sam.user)
    before = listed(round, sam)

    for target, data in [
        (url("move", round, second.pk), {"direction": "up"}),
        (url("remove", round, first.pk), {}),
        (url("add", round), {"mentor": park.pk}),
        (url("submit", round), {}),
    ]:
        response = client.post(target, data, follow=True)
        assert response.status_code == HTTPStatus.OK, target
        assert "closed on" in text(response) and "your list stays as it was" in text(response)

    assert listed(round, sam) == before
    assert Entrant.objects.get(round=round, mentee=sam).submitted_at is None


def test_a_note_refused_after_the_deadline_keeps_its_text(client, round, closed, sam):
    first, _ = closed
    client.force_login(sam.user)

    response = client.post(url("note", round, first.pk), {"drew_you": "Something new I typed."})

    assert response.status_code == HTTPStatus.OK
    assert "your list stays as it was" in text(response)
    assert "Something new I typed." in text(response)
    assert Choice.objects.get(pk=first.pk).drew_you == DREW_YOU


def test_a_draft_round_says_when_lists_open(client, program, sam, chen):
    draft = make_round(program, mentees=[sam], mentors=[chen], state="draft")
    client.force_login(sam.user)
    page = text(client.get(mine(draft)))
    assert "Lists open on" in page and "Move up" not in page


# --- a mentor's answers -------------------------------------------------------------


@pytest.mark.parametrize("places", ["0", "3", "5"])
def test_a_mentor_confirms_places_from_0_to_5(client, round, chen, places):
    client.force_login(chen.user)

    response = client.post(url("places", round), {"capacity": places}, follow=True)

    seat = Seat.objects.get(round=round, mentor=chen)
    assert seat.capacity == int(places) and seat.confirmed_at is not None
    assert "Thank you" in text(response)
    assert f"You confirmed {places} place" in text(response)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("6", "5 is the most one round asks of a mentor."),
        ("-1", "Choose a number from 0 to 5."),
        ("abc", "Type a number from 0 to 5."),
        ("", "Choose a number from 0 to 5."),
        ("99999999999999999999", "5 is the most one round asks of a mentor."),
    ],
)
def test_places_out_of_range_are_a_clear_message(client, round, chen, typed, said):
    client.force_login(chen.user)

    response = client.post(url("places", round), {"capacity": typed})

    assert response.status_code == HTTPStatus.OK
    assert said in text(response)
    assert f'value="{typed}"' in text(response) or typed == ""
    assert Seat.objects.get(round=round, mentor=chen).confirmed_at is None


def test_no_preference_is_kept_and_said(client, round, chen):
    client.force_login(chen.user)
    client.post(url("places", round), {"capacity": "2", "no_preference": "on"})
    seat = Seat.objects.get(round=round, mentor=chen)
    assert seat.no_preference
    assert "with no preference for the order" in text(client.get(mine(round)))


def test_a_mentor_sees_who_listed_them_with_what_they_are_curious_about(
    client, round, sam, ana, noor, chen, levin
):
    choose(round, sam, chen)
    choose(round, ana, levin)  # Ana didn't list Dana
    client.force_login(chen.user)

    page = text(client.get(mine(round)))

    assert "Sam Whitfield" in page and CURIOUS in page
    assert "Ana Ruiz" not in page and "Noor Haddad" not in page


def test_a_mentor_orders_those_who_listed_them_with_the_buttons(
    client, round, sam, ana, chen, program
):
    alex = make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)
    Entrant.objects.create(round=round, mentee=alex)
    for mentee in (sam, ana, alex):
        choose(round, mentee, chen)
    client.force_login(chen.user)
    # Shown by name until ordered: Alex, Ana, Sam.
    response = client.post(url("ranking", round), {"mentee": sam.pk, "direction": "up"})

    assert response["Location"] == f"{mine(round)}#mentee-{sam.pk}"
    order = list(
        MentorRanking.objects.filter(round=round, mentor=chen)
        .order_by("rank")
        .values_list("mentee__user__name", flat=True)
    )
    assert order == ["Alex Park", "Sam Whitfield", "Ana Ruiz"]
    client.post(url("ranking", round), {"mentee": sam.pk, "direction": "up"})
    client.post(url("ranking", round), {"mentee": alex.pk, "direction": "down"})
    order = list(
        MentorRanking.objects.filter(round=round, mentor=chen)
        .order_by("rank")
        .values_list("mentee__user__name", "rank")
    )
    assert order == [("Sam Whitfield", 1), ("Ana Ruiz", 2), ("Alex Park", 3)]
    page = text(client.get(mine(round)))
    shown = page[page.index('id="listed"') :]
    assert shown.index("Sam Whitfield") < shown.index("Ana Ruiz") < shown.index("Alex Park")
    assert "This is your order." in page


def test_a_mentor_can_rank_only_those_who_listed_them(client, round, sam, ana, chen, levin):
    choose(round, sam, chen)
    choose(round, ana, levin)
    client.force_login(chen.user)

    for crafted in [ana.pk, "abc", "", "²", 10**15]:
        response = client.post(url("ranking", round), {"mentee": crafted, "direction": "up"})
        assert response.status_code == HTTPStatus.NOT_FOUND, crafted
    assert not MentorRanking.objects.exists()


def test_a_mentor_marks_a_mentee_with_a_reason_and_can_undo_it(client, round, sam, chen):
    choose(round, sam, chen)
    client.force_login(chen.user)

    response = client.post(url("mark", round), {"mentee": sam.pk, "reason": "I'm his aunt."})

    exclusion = Exclusion.objects.get(round=round, mentor=chen, mentee=sam)
    assert exclusion.source == Exclusion.Source.MENTOR and exclusion.reason == "I'm his aunt."
    page = text(client.get(response["Location"]))
    assert "You won't be matched with Sam Whitfield" in page
    assert "You asked not to be matched with" in page
    assert "I'm his aunt." not in page  # directors read it, not the page
    client.post(url("unmark", round, exclusion.pk))
    assert not Exclusion.objects.exists()


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_mark_without_a_reason_is_a_clear_message(client, round, sam, chen, reason):
    choose(round, sam, chen)
    client.force_login(chen.user)

    response = client.post(url("mark", round), {"mentee": sam.pk, "reason": reason})

    assert response.status_code == HTTPStatus.OK
    assert "Say why, in a few words: only the directors read it." in text(response)
    assert not Exclusion.objects.exists()


def test_a_mark_of_someone_who_didnt_list_the_mentor_is_404(client, round, sam, ana, chen):
    choose(round, sam, chen)
    client.force_login(chen.user)
    response = client.post(url("mark", round), {"mentee": ana.pk, "reason": "No."})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not Exclusion.objects.exists()


def test_after_the_mentors_deadline_answers_are_read_only_and_refused(client, round, sam, chen):
    choose(round, sam, chen)
    yesterday = timezone.localdate() - timedelta(days=1)
    Round.objects.filter(pk=round.pk).update(
        opens_on=yesterday - timedelta(days=10),
        mentee_deadline=yesterday,
        mentor_deadline=yesterday,
    )
    client.force_login(chen.user)

    page = text(client.get(mine(round)))
    response = client.post(url("places", round), {"capacity": "2"})
    ranked = client.post(
        url("ranking", round), {"mentee": sam.pk, "direction": "down"}, follow=True
    )

    assert "Mentors' answers closed on" in page
    assert "Confirm my places" not in page and "Move up" not in page
    assert "closed on" in text(response)
    assert "closed on" in text(ranked)
    assert Seat.objects.get(round=round, mentor=chen).confirmed_at is None
    assert not MentorRanking.objects.exists()


def test_a_mentor_nobody_listed_is_told_what_comes(client, round, chen):
    client.force_login(chen.user)
    assert "Nobody has listed you yet" in text(client.get(mine(round)))


# --- what nobody else sees ------------------------------------------------------------


def test_a_mentors_page_never_shows_a_mentees_rank_nor_what_drew_them(
    client, round, sam, chen, levin
):
    choose(round, sam, levin, chen)  # Dana is Sam's 2nd
    services.choice_note(
        choice=Choice.objects.get(round=round, mentee=sam, mentor=chen),
        by=sam.user,
        drew_you=DREW_YOU,
    )
    client.force_login(chen.user)

    page = text(client.get(mine(round)))

    assert "Sam Whitfield" in page
    assert DREW_YOU not in page
    assert "2nd" not in page and "second choice" not in page
    assert "Dr Ari Levin" not in page  # nor who else is on it


def test_another_mentee_never_sees_someones_list(client, round, sam, ana, chen, levin):
    choose(round, sam, levin, chen)
    services.choice_note(
        choice=Choice.objects.get(round=round, mentee=sam, mentor=chen),
        by=sam.user,
        drew_you=DREW_YOU,
    )
    client.force_login(ana.user)

    page = text(client.get(mine(round)))

    assert DREW_YOU not in page and "Sam Whitfield" not in page
    assert "Your list is empty" in page


# --- published ---------------------------------------------------------------------------


def publish(round, director):
    services.round_close(round=round, by=director)
    services.run_solve(round=round, by=director)
    return services.round_publish(round=Round.objects.get(pk=round.pk), by=director)


def test_after_publishing_the_mentee_sees_their_mentor_and_which_choice(
    client, round, sam, ana, chen, levin, director, django_capture_on_commit_callbacks
):
    choose(round, sam, levin, chen)
    choose(round, ana, levin, chen)
    for mentor in (chen, levin):
        services.seat_confirm(round=round, by=mentor.user, capacity=1, no_preference=False)
    services.mentor_ranking_set(round=round, by=levin.user, mentee_ids=[ana.pk, sam.pk])
    with django_capture_on_commit_callbacks(execute=True):
        publish(round, director)
    pairing = Pairing.objects.get(mentee=sam)
    client.force_login(sam.user)

    page = text(client.get(mine(round)))

    assert "Your mentor is <strong>Dr Dana Chen</strong>, your 2nd choice." in page
    assert pairing.get_absolute_url() in page
    assert "Move up" not in page


def test_after_publishing_an_unmatched_mentee_is_given_a_kind_next_step(client, round, sam, chen):
    Round.objects.filter(pk=round.pk).update(
        state=Round.State.PUBLISHED, published_at=timezone.now()
    )
    client.force_login(sam.user)

    page = text(client.get(mine(round)))

    assert "couldn't match you this time" in page
    assert "You haven't been forgotten." in page
    assert reverse("mentors:directory") in page


def test_after_publishing_a_mentor_sees_their_new_mentees_never_lists(
    client, round, sam, ana, chen, director
):
    choose(round, sam, chen)
    services.choice_note(
        choice=Choice.objects.get(round=round, mentee=sam), by=sam.user, drew_you=DREW_YOU
    )
    make_pairing(chen, sam, origin=Pairing.Origin.MATCHING)
    Round.objects.filter(pk=round.pk).update(
        state=Round.State.PUBLISHED, published_at=timezone.now()
    )
    client.force_login(chen.user)

    page = text(client.get(mine(round)))

    assert "Your new mentees" in page and "Sam Whitfield" in page
    assert DREW_YOU not in page and "Residents who listed you" not in page


def test_a_pairing_from_an_earlier_round_isnt_this_rounds_result(client, round, sam, chen):
    earlier = make_pairing(chen, sam, Pairing.Status.ENDED, origin=Pairing.Origin.MATCHING)
    Pairing.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - timedelta(days=400))
    Round.objects.filter(pk=round.pk).update(
        state=Round.State.PUBLISHED, published_at=timezone.now()
    )
    client.force_login(sam.user)
    assert "couldn't match you this time" in text(client.get(mine(round)))


# --- queries ------------------------------------------------------------------------------

# The session and the user (2), the round (1), the person's entry (1) and seat (1),
# then as a mentee their list with its mentors (1) and the mentors to add, counted
# and one page of them (2).
LIST_PAGE_QUERIES = 8
# As a mentor (no entry): the mentees who listed them with their own order and marks (1).
MENTOR_PAGE_QUERIES = 6


def _mentors(program, n: int, start: int = 0) -> list:
    return [
        make_mentor_profile(
            make_mentor(f"q{start + i}@example.com", name=f"Dr Q {start + i:02}"),
            programs=[program],
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("size", [3, 7])
def test_a_list_page_costs_the_same_for_3_or_7_choices(
    client, program, sam, size, django_assert_num_queries
):
    mentors = _mentors(program, 10)
    big = make_round(program, mentees=[sam], mentors=mentors, list_min=1, list_max=8)
    choose(big, sam, *mentors[:size])
    for choice in Choice.objects.filter(round=big):
        services.choice_note(choice=choice, by=sam.user, drew_you=DREW_YOU)
    client.force_login(sam.user)
    client.get(reverse("home"))  # the first request records the signed-in session

    with django_assert_num_queries(LIST_PAGE_QUERIES):
        response = client.get(mine(big))

    assert text(response).count("Take off my list") == size


@pytest.mark.parametrize("size", [2, 20])
def test_a_mentor_page_costs_the_same_for_2_or_20_mentees_listing_them(
    client, program, chen, size, django_assert_num_queries
):
    mentees = [
        make_mentee_profile(make_mentee(f"r{i}@example.com", name=f"Res {i:02}"), program=program)
        for i in range(size)
    ]
    big = make_round(program, mentees=mentees, mentors=[chen], list_min=1)
    for mentee in mentees:
        choose(big, mentee, chen)
    services.mentor_ranking_set(round=big, by=chen.user, mentee_ids=[mentees[1].pk])
    services.exclusion_add(
        round=big, mentor=chen, mentee=mentees[0], by=chen.user, reason="A relative."
    )
    client.force_login(chen.user)
    client.get(reverse("home"))

    with django_assert_num_queries(MENTOR_PAGE_QUERIES):
        response = client.get(mine(big))

    assert text(response).count("I shouldn't mentor this person") == size - 1


def test_the_note_and_reason_boxes_give_the_browser_no_limit_to_cut_with(client, round, sam, chen):
    choose(round, sam, chen)
    for person in (sam.user, chen.user):
        client.force_login(person)
        page = text(client.get(mine(round)))
        assert "maxlength=" not in page.replace("data-maxlength=", "")
        assert 'data-maxlength="1000"' in page


def test_a_directors_exclusion_isnt_shown_to_the_mentor_as_theirs(
    client, round, sam, chen, director
):
    choose(round, sam, chen)
    services.exclusion_add(
        round=round, mentor=chen, mentee=sam, by=director, reason="A past complaint."
    )
    client.force_login(chen.user)

    page = text(client.get(mine(round)))

    assert "You asked not to be matched with" not in page
    assert "A past complaint." not in page
