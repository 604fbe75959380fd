"""A mentor's inbox and answer: say yes, ask for more, or decline with a referral."""

import html
from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.pairings.models import MentorshipRequest, Pairing
from tests.factories import (
    make_director,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
    make_role_term,
)

pytestmark = pytest.mark.django_db

Status = MentorshipRequest.Status


@pytest.fixture
def asked(sam, chen):
    return MentorshipRequest.objects.create(
        mentee=sam,
        mentor=chen,
        program=sam.program,
        drew_you="Your talk on pediatric airways.",
        explore="Pediatric anesthesia as a career.",
    )


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def answer(client, asked, decision: str, **fields):
    data = {"decision": decision, **{f"{decision}-{k}": v for k, v in fields.items()}}
    return client.post(reverse("pairings:request_answer", args=[asked.pk]), data, follow=True)


# --- the inbox -----------------------------------------------------------------


def test_someone_not_logged_in_is_sent_to_log_in(client, asked):
    for url in (reverse("pairings:inbox"), reverse("pairings:request_answer", args=[asked.pk])):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith("/accounts/login/")


def test_the_inbox_shows_who_asked_their_training_and_their_answers(client, chen, sam, asked):
    sam.training_level = "ca2"
    sam.save(update_fields=["training_level"])
    client.force_login(chen.user)

    text = text_of(client.get(reverse("pairings:inbox")))

    assert "Sam Whitfield" in text
    assert "CA-2 since 2026" in text
    assert "What drew you to this mentor?" in text
    assert "Your talk on pediatric airways." in text
    assert "Pediatric anesthesia as a career." in text
    assert f'href="{reverse("mentees:detail", args=[asked.mentee.pk])}"' in text
    assert f'href="{reverse("pairings:request_answer", args=[asked.pk])}"' in text
    assert "sam@example.com" not in text


def test_the_mentor_can_read_the_profile_of_the_mentee_who_asked(client, chen, asked):
    client.force_login(chen.user)

    response = client.get(reverse("mentees:detail", args=[asked.mentee.pk]))

    assert response.status_code == HTTPStatus.OK
    assert "How to stay calm in a pediatric airway emergency." in text_of(response)


def test_the_inbox_holds_only_this_mentors_pending_requests(client, chen, park, sam, ana, asked):
    MentorshipRequest.objects.create(
        mentee=ana, mentor=chen, program=ana.program, drew_you="x", status=Status.DECLINED
    )
    MentorshipRequest.objects.create(mentee=ana, mentor=park, program=ana.program, drew_you="y")
    client.force_login(chen.user)

    text = text_of(client.get(reverse("pairings:inbox")))

    assert "Sam Whitfield" in text
    assert "Ana Ruiz" not in text


def test_an_empty_inbox_says_what_will_happen(client, chen):
    client.force_login(chen.user)

    text = text_of(client.get(reverse("pairings:inbox")))

    assert "No requests are waiting for you" in text


def test_the_request_page_offers_the_mentor_three_ways_to_answer(client, chen, asked):
    client.force_login(chen.user)

    text = text_of(client.get(reverse("pairings:request_answer", args=[asked.pk])))

    assert "Sam Whitfield asks you to mentor them" in text
    assert "Say yes to mentoring Sam" in text
    assert "What would help you say yes?" in text
    assert "A kind word for them" in text
    assert "Who might be a better fit, and why?" in text
    assert "Decline, with my note" in text
    assert "sam@example.com" not in text


# --- accept --------------------------------------------------------------------


def test_the_mentor_says_yes_and_the_pairing_starts(
    client, chen, sam, asked, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(chen.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = answer(client, asked, "accept", reply="Delighted. Coffee next week?")

    pairing = Pairing.objects.get()
    assert (pairing.mentor, pairing.mentee, pairing.status) == (chen, sam, Pairing.Status.ACTIVE)
    asked.refresh_from_db()
    assert (asked.status, asked.reply) == (Status.ACCEPTED, "Delighted. Coffee next week?")
    assert response.redirect_chain[-1][0] == pairing.get_absolute_url()
    text = text_of(response)
    assert "You and Sam Whitfield are paired." in text
    # Now, and only now, each sees the other's e-mail address.
    assert "sam@example.com" in text
    assert "chen@example.com" in text
    assert [m.to for m in mailoutbox] == [["sam@example.com"]]


def test_saying_yes_as_a_mentor_who_evaluates_residents_waits_for_a_director(
    client, chen, asked, program
):
    director = make_director()
    program.directors.add(director)
    make_role_term(chen.user, program, "program_director")
    client.force_login(chen.user)

    text = text_of(answer(client, asked, "accept"))

    pairing = Pairing.objects.get()
    assert (pairing.status, pairing.needs_conflict_approval) == (Pairing.Status.PROPOSED, True)
    assert "a program director looks at the pairing before it starts" in text
    assert "sam@example.com" not in text


def test_saying_yes_without_an_open_place_shows_why_and_keeps_the_kind_word(
    client, chen, ana, asked
):
    chen.capacity = 1
    chen.save()
    make_pairing(chen, ana)
    client.force_login(chen.user)

    response = answer(client, asked, "accept", reply="Happy to help, Sam.")

    text = text_of(response)
    assert response.status_code == HTTPStatus.OK
    assert "There are no open places with this mentor right now." in text
    assert "Happy to help, Sam." in text
    asked.refresh_from_db()
    assert asked.status == Status.PENDING


def test_answering_a_withdrawn_request_shows_why_and_keeps_the_text(client, chen, asked):
    asked.status = Status.WITHDRAWN
    asked.save()
    client.force_login(chen.user)

    text = text_of(answer(client, asked, "decline", reply="Sorry, a busy spring."))

    assert "This request is no longer waiting for an answer: it was withdrawn." in text
    assert "Sorry, a busy spring." in text
    assert "Sam withdrew this request." in text


# --- ask for more ----------------------------------------------------------------


def test_the_mentor_asks_for_more_and_the_mentee_hears_by_e_mail(
    client, chen, asked, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(chen.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = answer(client, asked, "ask", question="Could we meet twice a month?")

    asked.refresh_from_db()
    assert (asked.status, asked.question) == (Status.PENDING, "Could we meet twice a month?")
    assert response.redirect_chain[-1][0] == reverse("pairings:inbox")
    text = text_of(response)
    assert "Your question is with Sam Whitfield." in text
    assert "Waiting for Sam's answer" in text
    assert [m.to for m in mailoutbox] == [["sam@example.com"]]


def test_an_empty_question_is_refused_at_the_field(client, chen, asked):
    client.force_login(chen.user)

    response = answer(client, asked, "ask", question="  ")

    assert response.status_code == HTTPStatus.OK
    assert "Write the question you'd like answered." in text_of(response)
    asked.refresh_from_db()
    assert asked.question_asked_at is None


# --- decline -----------------------------------------------------------------------


def test_the_mentor_declines_kindly_and_suggests_a_colleague(
    client, chen, park, sam, asked, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(chen.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = answer(
            client,
            asked,
            "decline",
            reply="I'm away this spring.",
            referred_to=park.pk,
            referral_reason="Lee teaches blocks beautifully.",
        )

    asked.refresh_from_db()
    assert (asked.status, asked.referred_to, asked.reply) == (
        Status.DECLINED,
        park,
        "I'm away this spring.",
    )
    assert asked.referral_reason == "Lee teaches blocks beautifully."
    assert "We've let Sam Whitfield know, with your suggestion to ask Dr Lee Park." in (
        text_of(response)
    )
    assert [m.to for m in mailoutbox] == [["sam@example.com"]]
    assert not Pairing.objects.exists()

    client.force_login(sam.user)
    text = text_of(client.get(asked.get_absolute_url()))
    assert "I'm away this spring." in text
    assert f'href="{reverse("pairings:request_create", args=[park.pk])}"' in text


def test_the_referral_list_holds_only_other_approved_mentors_of_the_program(
    client, chen, park, asked, program
):
    make_mentor_profile(
        make_mentor("new@example.com", name="Dr Waiting"), programs=[program], approved=False
    )
    make_mentor_profile(
        make_mentor("far@example.com", name="Dr Far Away"), programs=[make_program("UCSF")]
    )
    client.force_login(chen.user)

    text = text_of(client.get(reverse("pairings:request_answer", args=[asked.pk])))

    assert f'<option value="{park.pk}">Dr Lee Park, Assistant Professor (Regional)</option>' in text
    assert "Dr Waiting" not in text
    assert "Dr Far Away" not in text
    assert f'<option value="{chen.pk}">' not in text


def test_a_referral_outside_the_list_is_refused_at_the_field(client, chen, asked):
    far = make_mentor_profile(
        make_mentor("far@example.com", name="Dr Far Away"), programs=[make_program("UCSF")]
    )
    client.force_login(chen.user)

    response = answer(client, asked, "decline", reply="Kind words.", referred_to=far.pk)

    text = text_of(response)
    assert "Choose a colleague from the list." in text
    assert "Kind words." in text
    asked.refresh_from_db()
    assert asked.status == Status.PENDING


def test_a_decline_without_a_referral_is_fine(client, chen, asked):
    client.force_login(chen.user)

    text = text_of(answer(client, asked, "decline"))

    asked.refresh_from_db()
    assert (asked.status, asked.referred_to) == (Status.DECLINED, None)
    assert "Thank you for answering. We've let Sam Whitfield know." in text


# --- who may answer ---------------------------------------------------------------


@pytest.mark.parametrize("decision", ["accept", "ask", "decline"])
def test_the_mentee_cannot_answer_their_own_request(client, sam, asked, decision):
    client.force_login(sam.user)

    response = answer(client, asked, decision, question="Me?")

    assert "Only the mentor who was asked can answer." in text_of(response)
    asked.refresh_from_db()
    assert (asked.status, asked.question) == (Status.PENDING, "")
    assert not Pairing.objects.exists()


def test_the_mentee_does_not_see_the_answer_forms(client, sam, asked):
    client.force_login(sam.user)

    text = text_of(client.get(reverse("pairings:request_answer", args=[asked.pk])))

    assert "Say yes to mentoring" not in text
    assert "Your request to Dr Dana Chen" in text


@pytest.mark.parametrize("who", ["another_mentor", "another_mentee", "director"])
def test_people_outside_the_request_cannot_answer_it(client, park, ana, asked, program, who):
    director = make_director()
    program.directors.add(director)
    client.force_login(
        {"another_mentor": park.user, "another_mentee": ana.user, "director": director}[who]
    )

    response = client.post(
        reverse("pairings:request_answer", args=[asked.pk]), {"decision": "accept"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert client.get(reverse("pairings:inbox")).status_code == HTTPStatus.OK
    assert "Sam Whitfield" not in text_of(client.get(reverse("pairings:inbox")))
    asked.refresh_from_db()
    assert asked.status == Status.PENDING


def test_an_unknown_answer_is_met_with_a_plain_message(client, chen, asked):
    client.force_login(chen.user)

    response = client.post(
        reverse("pairings:request_answer", args=[asked.pk]), {"decision": "maybe"}, follow=True
    )

    assert "Choose how you'd like to answer: say yes, ask a question, or decline." in (
        text_of(response)
    )
    asked.refresh_from_db()
    assert asked.status == Status.PENDING
