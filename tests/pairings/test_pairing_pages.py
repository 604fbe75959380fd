"""The pairing pages: who, since when, contact details, and each change of status."""

import html
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.pairings.models import MentorshipRequest, Pairing
from tests.factories import make_director, make_mentee_profile, make_pairing

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def post(client, name, pairing, data=None):
    return client.post(reverse(f"pairings:{name}", args=[pairing.pk]), data or {}, follow=True)


# --- access ---------------------------------------------------------------------


def test_someone_not_logged_in_is_sent_to_log_in(client, active):
    for url in (reverse("pairings:list"), active.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith("/accounts/login/")
    for name in ("confirm", "pause", "resume", "end", "reflect"):
        response = client.post(reverse(f"pairings:{name}", args=[active.pk]))
        assert response["Location"].startswith("/accounts/login/")
    active.refresh_from_db()
    assert active.status == Pairing.Status.ACTIVE


@pytest.mark.parametrize("who", ["another_mentor", "another_mentee", "director"])
def test_people_outside_the_pairing_get_not_found(client, active, park, ana, program, who):
    director = make_director()
    program.directors.add(director)
    client.force_login(
        {"another_mentor": park.user, "another_mentee": ana.user, "director": director}[who]
    )

    assert client.get(active.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    for name in ("end", "reflect"):
        url = reverse(f"pairings:{name}", args=[active.pk])
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    for name in ("confirm", "pause", "resume", "end", "reflect"):
        response = client.post(reverse(f"pairings:{name}", args=[active.pk]), {"learned": "x"})
        assert response.status_code == HTTPStatus.NOT_FOUND
    active.refresh_from_db()
    assert active.status == Pairing.Status.ACTIVE
    assert "Sam Whitfield" not in text_of(client.get(reverse("pairings:list")))


def test_a_pairing_that_does_not_exist_is_not_found(client, sam):
    client.force_login(sam.user)

    assert client.get(reverse("meetings:pairing", args=[999999])).status_code == 404


# --- the list ----------------------------------------------------------------------


def test_each_person_sees_their_pairings_as_mentor_and_as_mentee(client, chen, park, sam, ana):
    # Dr Park mentors Sam and is mentored by Dr Chen.
    park_as_mentee = make_mentee_profile(park.user, program=sam.program)
    make_pairing(park, sam)
    make_pairing(chen, park_as_mentee, status=Pairing.Status.ENDED, ended_on=TODAY())
    make_pairing(chen, ana)
    park.user.is_mentee = True
    park.user.save()
    client.force_login(park.user)

    text = text_of(client.get(reverse("pairings:list")))

    mentors, mentees = text.split("Residents you mentor")
    assert "Dr Dana Chen" in mentors
    assert "Sam Whitfield" in mentees
    assert '<span class="badge badge--ended">Ended</span>' in mentors
    assert "Ana Ruiz" not in text


def test_a_mentee_with_no_pairing_is_shown_the_way_to_the_directory(client, sam):
    client.force_login(sam.user)

    text = text_of(client.get(reverse("pairings:list")))

    assert "You don't have a mentor yet." in text
    assert f'href="{reverse("mentors:directory")}"' in text


# --- the page -------------------------------------------------------------------------


def test_the_mentee_sees_who_since_when_how_it_began_and_how_to_reach_them(client, chen, sam):
    chen.how_i_help = "A listening ear, then a map of the next step."
    chen.save(update_fields=["how_i_help"])
    asked = MentorshipRequest.objects.create(
        mentee=sam, mentor=chen, program=sam.program, drew_you="x", status="accepted"
    )
    pairing = make_pairing(chen, sam, request=asked, started_on=TODAY())
    client.force_login(sam.user)

    text = text_of(client.get(pairing.get_absolute_url()))

    assert "Your mentor, Dr Dana Chen" in text
    assert f"Together since {TODAY():%-d %B %Y}" in text
    assert '<span class="badge badge--active">Active</span>' in text
    assert "How it began: you asked Dr Dana Chen, and the answer was yes" in text
    assert "How do you like to help?" in text
    assert "A listening ear, then a map of the next step." in text
    assert 'href="mailto:chen@example.com"' in text
    assert 'href="mailto:sam@example.com"' in text


def test_the_mentor_sees_the_mentees_prompts(client, chen, sam, active):
    sam.curious_about = "Pediatric airways."
    sam.save(update_fields=["curious_about"])
    client.force_login(chen.user)

    text = text_of(client.get(active.get_absolute_url()))

    assert "You mentor Sam Whitfield" in text
    assert "What are you curious about right now?" in text
    assert "Pediatric airways." in text
    assert "Pause this pairing" in text
    assert "End this pairing" in text


@pytest.mark.parametrize(
    "status, shown",
    [
        (Pairing.Status.PROPOSED, False),
        (Pairing.Status.ACTIVE, True),
        (Pairing.Status.PAUSED, True),
        (Pairing.Status.ENDED, False),
    ],
)
def test_e_mail_addresses_are_shown_only_while_the_pairing_runs(client, chen, sam, status, shown):
    pairing = make_pairing(chen, sam, status=status)
    client.force_login(sam.user)

    text = text_of(client.get(pairing.get_absolute_url()))

    assert ("chen@example.com" in text) is shown
    assert ("sam@example.com" in text) is shown


# --- confirm --------------------------------------------------------------------------


def test_a_proposed_pairing_asks_each_side_to_confirm(client, chen, proposed):
    client.force_login(chen.user)

    text = text_of(client.get(proposed.get_absolute_url()))

    assert "How it began: a program director suggested you two." in text
    assert "Confirm this pairing" in text
    assert '<span class="badge badge--pending">Waiting to start</span>' in text


def test_confirming_first_waits_for_the_other_person(client, chen, proposed):
    client.force_login(chen.user)

    text = text_of(post(client, "confirm", proposed))

    proposed.refresh_from_db()
    assert proposed.mentor_confirmed_at is not None
    assert proposed.status == Pairing.Status.PROPOSED
    assert "Thank you for confirming. We'll e-mail you both once Sam Whitfield has too." in text
    assert "You've said yes. We're waiting for Sam to confirm" in text
    assert "Confirm this pairing" not in text


def test_the_second_yes_starts_the_pairing(
    client, sam, proposed, mailoutbox, django_capture_on_commit_callbacks
):
    proposed.mentor_confirmed_at = timezone.now()
    proposed.save()
    client.force_login(sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        text = text_of(post(client, "confirm", proposed))

    proposed.refresh_from_db()
    assert proposed.status == Pairing.Status.ACTIVE
    assert proposed.started_on == TODAY()
    assert "You and Dr Dana Chen are paired." in text
    assert "chen@example.com" in text
    assert sorted(m.to[0] for m in mailoutbox) == ["chen@example.com", "sam@example.com"]


def test_a_pairing_that_needs_a_directors_approval_says_so(client, sam, proposed):
    proposed.needs_conflict_approval = True
    proposed.mentor_confirmed_at = timezone.now()
    proposed.save()
    client.force_login(sam.user)

    text = text_of(post(client, "confirm", proposed))

    proposed.refresh_from_db()
    assert proposed.status == Pairing.Status.PROPOSED
    assert "A program director looks at this pairing before it starts" in text
    assert "Because Dr Dana Chen also evaluates residents" in text


def test_confirming_an_active_pairing_shows_why_not(client, sam, active):
    client.force_login(sam.user)

    text = text_of(post(client, "confirm", active))

    assert "This pairing is not waiting for confirmation." in text


# --- pause and resume -------------------------------------------------------------------


def test_either_side_pauses_and_the_other_is_told(
    client, sam, active, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        text = text_of(post(client, "pause", active))

    active.refresh_from_db()
    assert active.status == Pairing.Status.PAUSED
    assert "The pairing is paused, and we've let Dr Dana Chen know." in text
    assert "Resume this pairing" in text
    assert [m.to for m in mailoutbox] == [["chen@example.com"]]


def test_pausing_a_paused_pairing_shows_why_not(client, chen, sam):
    paused = make_pairing(chen, sam, status=Pairing.Status.PAUSED)
    client.force_login(chen.user)

    text = text_of(post(client, "pause", paused))

    assert "Only an active pairing can be paused." in text


def test_a_paused_pairing_resumes(
    client, chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    paused = make_pairing(chen, sam, status=Pairing.Status.PAUSED)
    client.force_login(chen.user)

    with django_capture_on_commit_callbacks(execute=True):
        text = text_of(post(client, "resume", paused))

    paused.refresh_from_db()
    assert paused.status == Pairing.Status.ACTIVE
    assert "Welcome back. The pairing is active again, and we've let Sam Whitfield know." in text
    assert [m.to for m in mailoutbox] == [["sam@example.com"]]


def test_resuming_an_active_pairing_shows_why_not(client, chen, active):
    client.force_login(chen.user)

    assert "Only a paused pairing can be resumed." in text_of(post(client, "resume", active))


# --- end and reflect ----------------------------------------------------------------------


def test_the_end_form_asks_what_you_learned_and_will_carry_forward(client, sam, active):
    client.force_login(sam.user)

    text = text_of(client.get(reverse("pairings:end", args=[active.pk])))

    assert "End your pairing with Dr Dana Chen" in text
    assert "What did you learn from each other?" in text
    assert "What will you carry forward?" in text
    assert "Dana will read your reflection too; program directors won't." in text


def test_ending_with_a_reflection_keeps_it_for_both_and_tells_the_other(
    client, chen, sam, active, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            "end",
            active,
            {
                "learned": "That a pause before a hard call is a skill.",
                "carry_forward": "Ask early.",
                "reason": "I'm moving to Boston for fellowship.",
            },
        )

    active.refresh_from_db()
    assert (active.status, active.ended_on) == (Pairing.Status.ENDED, TODAY())
    assert active.mentee_learned == "That a pause before a hard call is a skill."
    assert active.mentee_carry_forward == "Ask early."
    assert active.end_reason == "I'm moving to Boston for fellowship."
    assert active.mentor_learned == ""
    text = text_of(response)
    assert "The pairing has ended, and we've let Dr Dana Chen know." in text
    assert "That a pause before a hard call is a skill." in text
    assert "Add your reflection" not in text
    assert [m.to for m in mailoutbox] == [["chen@example.com"]]

    client.force_login(chen.user)
    text = text_of(client.get(active.get_absolute_url()))
    assert "That a pause before a hard call is a skill." in text
    assert "Add your reflection" in text


def test_the_other_side_adds_their_reflection_once(client, chen, sam):
    ended = make_pairing(
        chen, sam, status=Pairing.Status.ENDED, ended_on=TODAY(), mentee_learned="Patience."
    )
    client.force_login(chen.user)

    text = text_of(
        post(client, "reflect", ended, {"learned": "How much I still learn.", "carry_forward": ""})
    )

    ended.refresh_from_db()
    assert ended.mentor_learned == "How much I still learn."
    assert "Your reflection is saved. Sam Whitfield can read it on this page." in text
    assert "Patience." in text
    assert "How much I still learn." in text

    again = client.post(reverse("pairings:reflect", args=[ended.pk]), {"learned": "Rewritten."})
    assert "Your reflection is already saved" in text_of(again)
    ended.refresh_from_db()
    assert ended.mentor_learned == "How much I still learn."


def test_an_empty_reflection_is_refused_with_a_message(client, chen, sam):
    ended = make_pairing(chen, sam, status=Pairing.Status.ENDED, ended_on=TODAY())
    client.force_login(chen.user)

    response = client.post(reverse("pairings:reflect", args=[ended.pk]), {"learned": " "})

    assert response.status_code == HTTPStatus.OK
    assert "Write a line or two in either question before saving." in text_of(response)


def test_reflecting_on_a_running_pairing_shows_why_not_and_keeps_the_text(client, chen, active):
    client.force_login(chen.user)

    response = client.post(reverse("pairings:reflect", args=[active.pk]), {"learned": "Early."})

    text = text_of(response)
    assert "Reflections come when a pairing ends." in text
    assert "Early." in text
    active.refresh_from_db()
    assert active.mentor_learned == ""


def test_ending_an_ended_pairing_shows_why_not_and_keeps_the_text(client, chen, sam):
    ended = make_pairing(chen, sam, status=Pairing.Status.ENDED, ended_on=TODAY())
    client.force_login(chen.user)

    response = client.post(reverse("pairings:end", args=[ended.pk]), {"learned": "Late words."})

    text = text_of(response)
    assert "This pairing has already ended." in text
    assert "Late words." in text
    assert "This pairing has already ended." in text_of(
        client.get(reverse("pairings:end", args=[ended.pk]), follow=True)
    )


def test_a_proposed_pairing_can_be_ended_without_a_reflection(client, sam, proposed):
    client.force_login(sam.user)

    post(client, "end", proposed, {"learned": "", "carry_forward": "", "reason": ""})

    proposed.refresh_from_db()
    assert proposed.status == Pairing.Status.ENDED


def test_directors_never_see_the_reflections_on_the_people_side(client, chen, sam, program):
    ended = make_pairing(
        chen, sam, status=Pairing.Status.ENDED, ended_on=TODAY(), mentee_learned="Private words."
    )
    director = make_director()
    program.directors.add(director)
    client.force_login(director)

    response = client.get(ended.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Private words." not in text_of(response)


# --- the dashboard ----------------------------------------------------------------------


def test_the_mentee_dashboard_shows_their_mentor_and_a_proposal_to_confirm(client, chen, park, sam):
    make_pairing(chen, sam)
    proposal = make_pairing(
        park, sam, status=Pairing.Status.PROPOSED, origin=Pairing.Origin.DIRECTOR
    )
    client.force_login(sam.user)

    text = text_of(client.get(reverse("home")))

    assert "Dr Dana Chen" in text
    assert f"Since {TODAY():%-d %B %Y}" in text
    assert "A program director suggests you two." in text
    assert f'action="{reverse("pairings:confirm", args=[proposal.pk])}"' in text
    assert "You don't have a mentor yet" not in text


def test_the_mentee_dashboard_counts_requests_waiting_for_an_answer(client, chen, park, sam):
    for mentor in (chen, park):
        MentorshipRequest.objects.create(
            mentee=sam, mentor=mentor, program=sam.program, drew_you="x"
        )
    client.force_login(sam.user)

    text = text_of(client.get(reverse("home")))

    assert "You have 2 requests waiting for a mentor's answer." in text
    assert f'href="{reverse("pairings:request_list")}"' in text
    assert "You don't have a mentor yet" in text


def test_the_mentor_dashboard_sends_them_to_the_inbox_and_lists_their_mentees(
    client, chen, sam, ana
):
    MentorshipRequest.objects.create(mentee=ana, mentor=chen, program=ana.program, drew_you="x")
    make_pairing(chen, sam)
    client.force_login(chen.user)

    text = text_of(client.get(reverse("home")))

    assert "1 resident is waiting for your answer." in text
    assert f'href="{reverse("pairings:inbox")}"' in text
    assert "Sam Whitfield" in text
    assert "No requests yet" not in text
    assert "sam@example.com" not in text


def test_confirming_from_the_dashboard_returns_to_the_pairing_page(client, chen, proposed):
    client.force_login(chen.user)
    assert "Confirm this pairing" in text_of(client.get(reverse("home")))

    response = post(client, "confirm", proposed)

    assert response.redirect_chain[-1][0] == proposed.get_absolute_url()
    assert "Confirm this pairing" not in text_of(client.get(reverse("home")))
