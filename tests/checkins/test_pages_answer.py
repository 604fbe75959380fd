"""The page a person answers a check-in on: only they find it, every question says
who reads the answer, nothing typed is lost, and the thank-you says what happened."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from mentorship.checkins.models import (
    SCALE_LABELS,
    Answer,
    Audience,
    Checkin,
    FollowUp,
    Kind,
)
from mentorship.pairings.models import Pairing
from mentorship.support.models import SupportMessage, SupportSetup
from tests.checkins.factories import answered, make_checkin, make_question, question
from tests.factories import add_totp, make_mentee, make_mentee_profile, make_user

pytestmark = pytest.mark.django_db

HELP = "More time to talk about the ICU month, please."


@pytest.fixture
def pulse(program, pairing):
    return make_checkin(pairing.mentee.user, program=program, pairing=pairing)


def page(client, checkin) -> str:
    return client.get(checkin.get_absolute_url()).content.decode()


def post(client, checkin, **answers):
    """Answers by question key of the check-in's kind: {key: value as posted}."""
    data = {f"q{question(checkin.kind, key).pk}": value for key, value in answers.items()}
    return client.post(checkin.get_absolute_url(), data)


# --- who may open it -----------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, pulse):
    for method in ("get", "post"):
        response = getattr(client, method)(pulse.get_absolute_url())
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("account_login"))


def test_the_person_asked_opens_it(client, pulse, sam):
    client.force_login(sam.user)

    assert client.get(pulse.get_absolute_url()).status_code == HTTPStatus.OK


@pytest.mark.parametrize("who", ["mentor", "other mentee", "director", "superuser"])
def test_nobody_else_finds_it_not_even_the_mentor_or_a_director(
    client, pulse, chen, ana, director, superuser, program, who
):
    user = {"mentor": chen.user, "other mentee": ana.user, "director": director}.get(who, superuser)
    add_totp(user)
    client.force_login(user)

    assert client.get(pulse.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    response = post(client, pulse, useful="5", met="1")
    assert response.status_code == HTTPStatus.NOT_FOUND
    pulse.refresh_from_db()
    assert pulse.status == Checkin.Status.OPEN
    assert not Answer.objects.exists()


def test_another_persons_check_in_is_a_404_even_for_the_owner_of_one(client, pulse, sam, ana):
    theirs = make_checkin(ana.user, program=ana.program, kind=Kind.MIDYEAR, period="midyear-2026")
    client.force_login(sam.user)

    assert client.get(theirs.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.get("/checkins/999999/").status_code == HTTPStatus.NOT_FOUND


# --- the questions -------------------------------------------------------------


def test_every_question_says_who_reads_its_answer(client, pulse, sam):
    client.force_login(sam.user)

    text = page(client, pulse)

    for key in ("useful", "met", "help", "outside"):
        asked = question(Kind.PULSE, key)
        assert escape(asked.text) in text
        audience = escape(Audience(asked.audience).label)
        assert f'<p class="checkin-audience" id="audience-{asked.pk}">{audience}</p>' in text
    assert text.count('class="checkin-audience"') == 4
    assert "never yours alone" in text  # the total's promise
    assert "not your mentor" in text  # the wellness contact's


def test_scales_are_labelled_radios_and_words_a_box(client, pulse, sam):
    client.force_login(sam.user)

    text = page(client, pulse)

    useful = question(Kind.PULSE, "useful")
    for value, label in SCALE_LABELS.items():
        assert f'value="{value}"' in text
        assert label in text
    assert text.count(f'name="q{useful.pk}"') == 5
    assert f'type="radio" name="q{useful.pk}"' in text
    assert f'<textarea name="q{question(Kind.PULSE, "help").pk}"' in text
    # Required ones say so; the optional ones don't.
    assert text.count("(required)") == 2
    assert "about three minutes" in text
    assert f"Closes on {pulse.closes_on:%A %-d %B}" in text


def test_at_most_six_questions_are_asked_with_the_programs_own_after(client, pulse, sam, program):
    for n in range(4):
        make_question(program, key=f"own{n}", text=f"Our own question {n}?", order=n)
    client.force_login(sam.user)

    text = page(client, pulse)

    assert text.count('class="checkin-audience"') == 6
    assert "Our own question 1?" in text
    assert "Our own question 2?" not in text
    assert "6 short questions" in text


def test_the_pairing_fit_asks_a_mentor_about_their_mentee(client, program, pairing, chen):
    fit = make_checkin(
        chen.user, program=program, pairing=pairing, kind=Kind.FIT, period="fit", side="mentor"
    )
    client.force_login(chen.user)

    text = page(client, fit)

    assert "How is it going with Sam so far?" in text
    assert "A good fit" in text and "Still deciding" in text and "Not a good fit" in text


# --- answering -----------------------------------------------------------------


def test_answering_saves_the_answers_with_their_promise_and_says_thank_you(client, pulse, sam):
    client.force_login(sam.user)

    response = post(client, pulse, useful="4", met="1", help=HELP, outside="0")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == pulse.get_absolute_url()
    pulse.refresh_from_db()
    assert pulse.status == Checkin.Status.ANSWERED
    saved = {a.question.key: (a.number, a.text, a.audience) for a in pulse.answers.all()}
    assert saved == {
        "useful": (4, "", "total"),
        "met": (1, "", "total"),
        "help": (None, HELP, "director"),
        "outside": (0, "", "wellness"),
    }
    text = client.get(response["Location"]).content.decode()
    assert "Thank you: your answers are in." in text
    assert f"You answered on {timezone.localdate():%-d %B %Y}" in text
    assert "Agree" in text and HELP in text  # their own answers, in words
    assert '<form method="post" class="form checkin-form">' not in text


def test_a_missing_required_answer_comes_back_with_everything_as_typed(client, pulse, sam):
    client.force_login(sam.user)

    response = post(client, pulse, met="0", help=HELP)

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "Please answer this one" in text
    assert HELP in text
    met = question(Kind.PULSE, "met")
    checked = re.findall(rf'<input type="radio" name="q{met.pk}" value="(\d)"[^>]* checked', text)
    assert checked == ["0"]
    pulse.refresh_from_db()
    assert pulse.status == Checkin.Status.OPEN
    assert not Answer.objects.exists()


def test_a_crafted_answer_is_refused_at_its_question(client, pulse, sam):
    client.force_login(sam.user)

    response = post(client, pulse, useful="9", met="yes")

    assert response.status_code == HTTPStatus.OK
    assert "Please choose one of the answers offered." in response.content.decode()
    assert not Answer.objects.exists()


def test_a_second_submit_is_thanked_and_changes_nothing(client, pulse, sam):
    client.force_login(sam.user)
    post(client, pulse, useful="4", met="1")

    response = post(client, pulse, useful="1", met="0")

    assert response.status_code == HTTPStatus.FOUND
    text = client.get(response["Location"]).content.decode()
    assert "You&#x27;ve already answered this check-in. Thank you" in text
    assert list(pulse.answers.order_by("question__order").values_list("number", flat=True)) == [
        4,
        1,
    ]


def test_a_closed_check_in_says_when_it_closed_and_takes_no_answer(client, program, pairing, sam):
    closed = make_checkin(sam.user, program=program, pairing=pairing, status="closed", days_ago=20)
    client.force_login(sam.user)

    text = page(client, closed)
    assert f"This check-in closed on {timezone.localdate():%-d %B %Y}" in text
    assert "Send my answers" not in text

    response = post(client, closed, useful="4", met="1")
    assert response.status_code == HTTPStatus.FOUND
    assert "closed on" in client.get(response["Location"]).content.decode()
    assert not Answer.objects.exists()


def test_an_answered_check_in_shows_only_the_persons_own_answers(client, program, pairing, sam):
    mine = answered(make_checkin(sam.user, program=program, pairing=pairing), useful=2, met=1)
    other = make_mentee_profile(make_mentee("tia@example.com", name="Tia Moss"), program=program)
    answered(
        make_checkin(other.user, program=program, period="pulse-30"),
        useful=5,
        help="Tia's own words",
    )
    client.force_login(sam.user)

    text = page(client, mine)

    assert "Disagree" in text
    assert "Tia" not in text
    assert "Strongly agree" not in text


# --- what an answer sets going ---------------------------------------------------


def test_asking_for_outside_support_without_a_wellness_contact_links_to_support(client, pulse, sam):
    client.force_login(sam.user)

    response = post(client, pulse, useful="4", met="1", outside="1")

    text = client.get(response["Location"]).content.decode()
    assert "hasn't named a wellness contact yet, so no one was told" in text
    assert f'<a href="{reverse("support:support")}">Get support</a>' in text


def test_asking_for_outside_support_tells_the_wellness_contact(client, pulse, sam, program):
    contact = make_user("well@example.com", name="Dr Rosa Lind")
    SupportSetup.objects.create(program=program, contact=contact)
    client.force_login(sam.user)

    response = post(client, pulse, useful="4", met="1", outside="1")

    text = client.get(response["Location"]).content.decode()
    assert "wellness contact has your request for support" in text
    assert SupportMessage.objects.filter(recipient=contact, sender=sam.user).count() == 1


def test_asking_for_outside_support_never_tells_ones_own_mentor(client, pulse, sam, program):
    SupportSetup.objects.create(program=program, contact=pulse.pairing.mentor.user)
    client.force_login(sam.user)

    response = post(client, pulse, useful="4", met="1", outside="1")

    text = client.get(response["Location"]).content.decode()
    assert "wellness contact is your own mentor, so nothing was sent" in text
    assert not SupportMessage.objects.exists()


def test_not_a_good_fit_asks_the_director_to_help_find_a_new_mentor(
    client, program, pairing, sam, director
):
    fit = make_checkin(sam.user, program=program, pairing=pairing, kind=Kind.FIT, period="fit")
    client.force_login(sam.user)

    response = post(client, fit, fit="1", fit_why="We never find a time.")

    text = client.get(response["Location"]).content.decode()
    assert "Your program director will be in touch to help you find a new mentor" in text
    assert "Dana isn&#x27;t told" in text
    assert FollowUp.objects.get().reason == FollowUp.Reason.NOT_A_FIT


def test_a_closing_reflection_reaches_the_partner_on_the_pairing_page(client, program, sam, chen):
    pairing = Pairing.objects.create(
        mentor=chen,
        mentee=sam,
        program=program,
        status=Pairing.Status.ENDED,
        started_on=timezone.localdate() - timezone.timedelta(days=200),
        ended_on=timezone.localdate(),
    )
    closing = make_checkin(
        sam.user, program=program, pairing=pairing, kind=Kind.CLOSING, period="closing"
    )
    client.force_login(sam.user)
    post(
        client,
        closing,
        learned="That asking early is a strength.",
        carry="Checklists before every block.",
        useful="5",
    )

    client.force_login(chen.user)
    text = client.get(pairing.get_absolute_url()).content.decode()
    assert "That asking early is a strength." in text
    assert "Checklists before every block." in text
