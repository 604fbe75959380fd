"""A mentee asks a mentor, follows their requests, answers a question, withdraws."""

import html
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest
from tests.factories import (
    make_director,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
    make_request,
    make_role_term,
    make_user,
)
from tests.pairings.service_support import DREW_YOU

pytestmark = pytest.mark.django_db

Status = MentorshipRequest.Status
ANSWERS = {
    "drew_you": "Your talk on pediatric airways at grand rounds.",
    "explore": "Whether pediatric anesthesia is the fellowship for me.",
    "help_now": "Reading list for my first peds rotation.",
}


def text_of(response) -> str:
    """The page as a person reads it: entities such as ' turned back into text."""
    return html.unescape(response.content.decode())


def ask_url(mentor) -> str:
    return reverse("pairings:request_create", args=[mentor.pk])


# --- access ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, method",
    [
        ("pairings:request_list", "get"),
        ("pairings:request_detail", "get"),
        ("pairings:request_withdraw", "post"),
        ("pairings:question_answer", "post"),
    ],
)
def test_someone_not_logged_in_is_sent_to_log_in(client, sam, chen, name, method):
    asked = make_request(chen, sam)
    url = reverse(name) if name == "pairings:request_list" else reverse(name, args=[asked.pk])

    response = getattr(client, method)(url)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")
    assert MentorshipRequest.objects.get().status == Status.PENDING


def test_someone_not_logged_in_is_sent_to_log_in_before_asking(client, chen):
    response = client.get(ask_url(chen))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_a_mentor_of_another_program_is_not_found(client, sam):
    elsewhere = make_mentor_profile(
        make_mentor("far@example.com", name="Dr Far"), programs=[make_program("UCSF")]
    )
    client.force_login(sam.user)

    assert client.get(ask_url(elsewhere)).status_code == HTTPStatus.NOT_FOUND
    assert client.post(ask_url(elsewhere), ANSWERS).status_code == HTTPStatus.NOT_FOUND
    assert not MentorshipRequest.objects.exists()


def test_a_mentor_waiting_for_approval_is_not_found(client, sam, program):
    waiting = make_mentor_profile(
        make_mentor("new@example.com", name="Dr New"), programs=[program], approved=False
    )
    client.force_login(sam.user)

    assert client.get(ask_url(waiting)).status_code == HTTPStatus.NOT_FOUND


def test_someone_who_is_not_a_mentee_is_sent_to_choose_their_roles(client, chen, program):
    colleague = make_mentor_profile(make_mentor("b@example.com", name="Dr B"), programs=[program])
    client.force_login(colleague.user)

    response = client.get(ask_url(chen), follow=True)

    assert response.redirect_chain[0][0] == reverse("onboarding")
    assert "To ask for a mentor, first tell us you'd like one." in text_of(response)


def test_a_mentee_without_a_profile_is_sent_to_write_it_first(client, chen, program):
    # Sees the mentor through the program they direct, but has no mentee profile.
    user = make_user("new@example.com", name="Noor New", is_mentee=True)
    program.directors.add(user)
    client.force_login(user)

    response = client.get(ask_url(chen), follow=True)

    assert response.redirect_chain[0][0] == reverse("mentees:profile_edit")
    assert "Write your profile first: Dr Dana Chen will read it" in text_of(response)


def test_a_mentor_cannot_ask_themselves(client, chen):
    client.force_login(chen.user)

    response = client.get(ask_url(chen), follow=True)

    assert response.redirect_chain[0][0] == chen.get_absolute_url()
    assert "you can't ask yourself" in text_of(response)


# --- asking ------------------------------------------------------------------


def test_asking_is_framed_as_a_gift_with_the_three_prompts(client, sam, chen):
    client.force_login(sam.user)

    text = text_of(client.get(ask_url(chen)))

    assert "<h1>Ask Dr Dana Chen to mentor you</h1>" in text
    assert (
        "Asking is a gift: it lets Dr Dana Chen be generous. Most mentors answer within a week."
        in text
    )
    assert "What drew you to this mentor?" in text
    assert "What would you love to explore together?" in text
    assert "What is one thing you could use help with right now?" in text
    assert "Send my request to Dr Dana Chen" in text
    assert "holds a role in which they evaluate residents" not in text


def test_a_mentor_who_evaluates_residents_is_named_so_before_asking(client, sam, chen):
    make_role_term(chen.user, sam.program, "ccc_member")
    client.force_login(sam.user)

    text = text_of(client.get(ask_url(chen)))

    assert (
        "Before you ask: Dr Dana Chen holds a role in which they evaluate residents "
        "(Clinical Competency Committee member)."
    ) in text


def test_a_mentee_sends_a_request_and_the_mentor_hears_by_e_mail(
    client, sam, chen, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url(chen), ANSWERS, follow=True)

    asked = MentorshipRequest.objects.get()
    assert (asked.mentee, asked.mentor, asked.status) == (sam, chen, Status.PENDING)
    assert asked.drew_you == ANSWERS["drew_you"]
    assert asked.help_now == ANSWERS["help_now"]
    assert response.redirect_chain[-1][0] == asked.get_absolute_url()
    text = text_of(response)
    assert (
        "Your request is with Dr Dana Chen. You'll hear back by e-mail; most mentors "
        "answer within a week."
    ) in text
    assert ANSWERS["explore"] in text
    assert [m.to for m in mailoutbox] == [["chen@example.com"]]


def test_a_request_without_what_drew_you_comes_back_with_everything_typed(client, sam, chen):
    client.force_login(sam.user)

    response = client.post(ask_url(chen), {**ANSWERS, "drew_you": "  "})

    text = text_of(response)
    assert response.status_code == HTTPStatus.OK
    assert "Tell them what drew you to them; a sentence or two is enough." in text
    assert ANSWERS["explore"] in text
    assert ANSWERS["help_now"] in text
    assert not MentorshipRequest.objects.exists()


def test_a_refusal_by_the_service_is_shown_with_everything_typed(
    client, sam, chen, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(sam.user)
    client.get(ask_url(chen))
    # Between opening the form and sending it, the mentor pauses new requests.
    chen.accepting_new = False
    chen.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url(chen), ANSWERS)

    text = text_of(response)
    assert "This mentor isn't taking new mentees this season." in text
    assert ANSWERS["drew_you"] in text
    assert ANSWERS["explore"] in text
    assert not MentorshipRequest.objects.exists()
    assert mailoutbox == []


def test_asking_the_same_mentor_twice_is_refused_with_the_reason(client, sam, chen):
    first = make_request(chen, sam)
    client.force_login(sam.user)

    page = text_of(client.get(ask_url(chen)))
    response = client.post(ask_url(chen), ANSWERS)

    assert "You have already asked Dr Dana Chen; your request is waiting for an answer." in page
    assert f'href="{first.get_absolute_url()}"' in page
    assert "You have already asked this mentor; your request is waiting for an answer." in (
        text_of(response)
    )
    assert MentorshipRequest.objects.count() == 1


def test_too_many_pending_requests_are_refused_with_the_programs_limit(
    client, sam, chen, park, program
):
    program.max_pending_requests = 1
    program.save()
    make_request(park, sam)
    client.force_login(sam.user)

    response = client.post(ask_url(chen), ANSWERS)

    assert (
        "You have 1 requests waiting for an answer, the most Stanford Anesthesiology allows "
        "at once."
    ) in text_of(response)
    assert MentorshipRequest.objects.count() == 1


# --- the button on the mentor's profile ----------------------------------------


def profile_text(client, mentor) -> str:
    return text_of(client.get(mentor.get_absolute_url()))


def test_the_mentor_page_offers_to_ask_when_asking_is_possible(client, sam, chen):
    client.force_login(sam.user)

    text = profile_text(client, chen)

    assert f'href="{ask_url(chen)}"' in text
    assert "Ask Dr Dana Chen to mentor you</a>" in text


def test_the_mentor_page_links_to_the_request_already_sent(client, sam, chen):
    asked = make_request(chen, sam)
    client.force_login(sam.user)

    text = profile_text(client, chen)

    assert f'href="{ask_url(chen)}"' not in text
    assert "You have already asked Dr Dana Chen; your request is waiting for an answer." in text
    assert f'href="{asked.get_absolute_url()}"' in text


def test_the_mentor_page_says_when_you_are_already_paired(client, sam, chen):
    pairing = make_pairing(chen, sam)
    client.force_login(sam.user)

    text = profile_text(client, chen)

    assert f'href="{ask_url(chen)}"' not in text
    assert "You and Dr Dana Chen are already paired." in text
    assert f'href="{pairing.get_absolute_url()}"' in text


def test_the_mentor_page_says_when_there_are_no_open_places(client, sam, ana, chen):
    chen.capacity = 1
    chen.save()
    make_pairing(chen, ana)
    client.force_login(sam.user)

    text = profile_text(client, chen)

    assert f'href="{ask_url(chen)}"' not in text
    assert "Dr Dana Chen has no open places right now." in text


def test_the_mentor_page_says_when_the_mentor_is_resting_for_a_season(client, sam, chen):
    chen.accepting_new = False
    chen.save()
    client.force_login(sam.user)

    text = profile_text(client, chen)

    assert f'href="{ask_url(chen)}"' not in text
    assert "Dr Dana Chen isn't taking new mentees this season." in text


def test_the_mentor_page_offers_no_asking_on_your_own_profile_or_to_colleagues(client, chen, park):
    client.force_login(chen.user)
    assert f'href="{ask_url(chen)}"' not in profile_text(client, chen)
    assert f'href="{ask_url(park)}"' not in profile_text(client, park)


# --- the mentee's requests ------------------------------------------------------


def test_a_mentee_sees_their_requests_newest_first_with_their_status(client, sam, ana, chen, park):
    older = make_request(chen, sam, status=Status.DECLINED)
    older.created_at = timezone.now() - timezone.timedelta(days=3)
    older.save()
    make_request(park, sam)
    make_request(chen, ana)  # someone else's
    client.force_login(sam.user)

    text = text_of(client.get(reverse("pairings:request_list")))

    assert text.index("Dr Lee Park") < text.index("Dr Dana Chen")
    assert '<span class="badge badge--pending">Waiting for an answer</span>' in text
    assert '<span class="badge badge--ended">Declined</span>' in text
    assert text.count("Withdraw this request") == 1
    assert "Ana Ruiz" not in text


def test_a_mentee_with_no_requests_is_shown_the_way_to_the_directory(client, sam):
    client.force_login(sam.user)

    text = text_of(client.get(reverse("pairings:request_list")))

    assert "You haven't asked anyone yet" in text
    assert f'href="{reverse("mentors:directory")}"' in text


def test_a_mentee_withdraws_a_pending_request_and_the_mentor_is_told(
    client, sam, chen, mailoutbox, django_capture_on_commit_callbacks
):
    asked = make_request(chen, sam)
    client.force_login(sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pairings:request_withdraw", args=[asked.pk]), follow=True)

    asked.refresh_from_db()
    assert asked.status == Status.WITHDRAWN
    assert response.redirect_chain[-1][0] == reverse("pairings:request_list")
    assert "You withdrew your request to Dr Dana Chen." in text_of(response)
    assert [m.to for m in mailoutbox] == [["chen@example.com"]]


def test_withdrawing_an_answered_request_shows_why_it_cannot(client, sam, chen):
    asked = make_request(chen, sam, status=Status.DECLINED)
    client.force_login(sam.user)

    response = client.post(reverse("pairings:request_withdraw", args=[asked.pk]), follow=True)

    assert "This request is no longer waiting for an answer: it was declined." in (
        text_of(response)
    )
    asked.refresh_from_db()
    assert asked.status == Status.DECLINED


def test_the_mentor_cannot_withdraw_the_mentees_request(client, sam, chen):
    asked = make_request(chen, sam)
    client.force_login(chen.user)

    response = client.post(reverse("pairings:request_withdraw", args=[asked.pk]), follow=True)

    assert "Only the mentee who asked can do this." in text_of(response)
    asked.refresh_from_db()
    assert asked.status == Status.PENDING


@pytest.mark.parametrize("who", ["another_mentee", "another_mentor", "director"])
def test_people_outside_the_request_get_not_found(client, sam, ana, chen, park, program, who):
    asked = make_request(chen, sam)
    director = make_director()
    program.directors.add(director)
    client.force_login(
        {"another_mentee": ana.user, "another_mentor": park.user, "director": director}[who]
    )

    for name in ("pairings:request_detail", "pairings:request_answer"):
        assert client.get(reverse(name, args=[asked.pk])).status_code == HTTPStatus.NOT_FOUND
    for name in ("pairings:request_withdraw", "pairings:question_answer"):
        response = client.post(reverse(name, args=[asked.pk]), {"answer": "Hello"})
        assert response.status_code == HTTPStatus.NOT_FOUND
    asked.refresh_from_db()
    assert asked.status == Status.PENDING


def test_a_request_that_does_not_exist_is_not_found(client, sam):
    client.force_login(sam.user)

    response = client.get(reverse("pairings:request_detail", args=[999999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


# --- the request page ----------------------------------------------------------


def test_the_request_page_shows_the_answers_and_hides_the_mentors_e_mail(client, sam, chen):
    asked = make_request(chen, sam, **{k: v for k, v in ANSWERS.items() if k != "drew_you"})
    client.force_login(sam.user)

    text = text_of(client.get(asked.get_absolute_url()))

    assert "Your request to Dr Dana Chen" in text
    for answer in ANSWERS.values():
        assert answer in text
    assert "chen@example.com" not in text
    assert "Withdraw this request" in text


def test_a_declined_request_shows_the_kind_word_and_the_referral_with_a_way_to_ask(
    client, sam, chen, park
):
    asked = make_request(
        chen,
        sam,
        status=Status.DECLINED,
        reply="I'm on leave this spring; I'm sorry.",
        referred_to=park,
        referral_reason="Lee loves teaching regional blocks.",
    )
    client.force_login(sam.user)

    text = text_of(client.get(asked.get_absolute_url()))

    assert "I'm on leave this spring; I'm sorry." in text
    assert "They suggest Dr Lee Park" in text
    assert "Lee loves teaching regional blocks." in text
    assert f'href="{ask_url(park)}">Ask Dr Lee Park to mentor you</a>' in text
    assert "Withdraw this request" not in text


def test_the_referral_link_opens_the_form_for_the_suggested_mentor(client, sam, chen, park):
    make_request(chen, sam, status=Status.DECLINED, referred_to=park)
    client.force_login(sam.user)

    text = text_of(client.get(ask_url(park)))

    assert "Send my request to Dr Lee Park" in text


# --- the mentor's question -------------------------------------------------------


@pytest.fixture
def questioned(sam, chen):
    return make_request(
        chen,
        sam,
        question="How often could you meet, given nights?",
        question_asked_at=timezone.now(),
    )


def test_a_mentee_sees_the_mentors_question_with_a_form_to_answer(client, sam, questioned):
    client.force_login(sam.user)

    text = text_of(client.get(questioned.get_absolute_url()))

    assert "Dr Dana Chen asks" in text
    assert "How often could you meet, given nights?" in text
    assert "Waiting for your answer" in text
    assert f'action="{reverse("pairings:question_answer", args=[questioned.pk])}"' in text
    assert "Send my answer" in text


def test_a_mentee_answers_the_question_and_the_mentor_hears_by_e_mail(
    client, sam, questioned, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("pairings:question_answer", args=[questioned.pk]),
            {"answer": "Every other Thursday works."},
            follow=True,
        )

    questioned.refresh_from_db()
    assert questioned.question_answer == "Every other Thursday works."
    text = text_of(response)
    assert "Your answer is with Dr Dana Chen. You'll hear back by e-mail." in text
    assert "Every other Thursday works." in text
    assert "Send my answer" not in text
    assert [m.to for m in mailoutbox] == [["chen@example.com"]]


def test_an_empty_answer_is_refused_at_the_field(client, sam, questioned):
    client.force_login(sam.user)

    response = client.post(
        reverse("pairings:question_answer", args=[questioned.pk]), {"answer": " "}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Write your answer before sending it" in text_of(response)
    questioned.refresh_from_db()
    assert questioned.question_answered_at is None


def test_answering_when_no_question_waits_shows_why(client, sam, chen):
    asked = make_request(chen, sam)
    client.force_login(sam.user)

    response = client.post(
        reverse("pairings:question_answer", args=[asked.pk]), {"answer": "Typed anyway."}
    )

    text = text_of(response)
    assert "There is no question waiting for your answer." in text
    assert "Typed anyway." in text


def test_the_mentor_cannot_answer_their_own_question(client, chen, questioned):
    client.force_login(chen.user)

    response = client.post(
        reverse("pairings:question_answer", args=[questioned.pk]), {"answer": "Me"}, follow=True
    )

    assert "Only the mentee who asked can do this." in text_of(response)
    questioned.refresh_from_db()
    assert questioned.question_answered_at is None


# --- withdrawing asks first ---------------------------------------------------------


def test_withdrawing_asks_on_a_page_of_its_own_and_a_stray_tap_costs_nothing(
    client, sam, chen, mailoutbox, django_capture_on_commit_callbacks
):
    asked = make_request(chen, sam)
    client.force_login(sam.user)
    detail = text_of(client.get(reverse("pairings:request_detail", args=[asked.pk])))
    url = reverse("pairings:request_withdraw", args=[asked.pk])
    assert f'href="{url}"' in detail
    assert f'action="{url}"' not in detail  # no one-tap withdrawal on the request page

    with django_capture_on_commit_callbacks(execute=True):
        page = text_of(client.get(url))

    assert "Withdraw your request to Dr Dana Chen?" in page
    assert "Yes, withdraw my request" in page
    assert f'href="{asked.get_absolute_url()}"' in page  # keep it
    asked.refresh_from_db()
    assert asked.status == Status.PENDING
    assert mailoutbox == []


def test_the_list_of_requests_links_to_the_question_too(client, sam, chen):
    asked = make_request(chen, sam)
    client.force_login(sam.user)

    text = text_of(client.get(reverse("pairings:request_list")))

    url = reverse("pairings:request_withdraw", args=[asked.pk])
    assert f'href="{url}"' in text
    assert f'action="{url}"' not in text


@pytest.mark.parametrize("status", [Status.DECLINED, Status.WITHDRAWN, Status.ACCEPTED])
def test_the_question_is_not_asked_about_a_closed_request(client, sam, chen, status):
    asked = make_request(chen, sam, status=status)
    client.force_login(sam.user)

    response = client.get(reverse("pairings:request_withdraw", args=[asked.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == asked.get_absolute_url()


def test_the_mentor_is_not_asked_to_withdraw(client, sam, chen):
    asked = make_request(chen, sam)
    client.force_login(chen.user)

    response = client.get(reverse("pairings:request_withdraw", args=[asked.pk]))

    assert response["Location"] == asked.get_absolute_url()


@pytest.mark.parametrize("who", ["another_mentee", "another_mentor", "director", "anonymous"])
def test_the_withdraw_question_is_not_found_for_anyone_else(
    client, sam, ana, chen, park, program, who
):
    asked = make_request(chen, sam)
    director = make_director()
    program.directors.add(director)
    people = {"another_mentee": ana.user, "another_mentor": park.user, "director": director}
    if who in people:
        client.force_login(people[who])

    response = client.get(reverse("pairings:request_withdraw", args=[asked.pk]))

    expected = HTTPStatus.FOUND if who == "anonymous" else HTTPStatus.NOT_FOUND
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("setup", "code", "sentence"),
    [
        # Paired already, and the mentor resting: being paired is what matters.
        ("paired_and_resting", "already_paired", "You and Dr Dana Chen are already paired."),
        # No place left, and the mentee at their limit of waiting requests: the
        # place is what a new request can't change.
        (
            "full_and_at_the_limit",
            "no_open_places",
            "Dr Dana Chen has no open places right now.",
        ),
    ],
)
def test_the_page_explains_the_reason_the_request_form_would_give(
    client, program, sam, ana, chen, levin, setup, code, sentence
):
    """One rule, asking.obstacle: where two reasons apply, the mentor's page and
    request_create name the same one."""
    if setup == "paired_and_resting":
        make_pairing(chen, sam)
        chen.accepting_new = False
        chen.save()
    else:
        chen.capacity = 1
        chen.save()
        make_pairing(chen, ana)
        program.max_pending_requests = 1
        program.save()
        services.request_create(mentee=sam, mentor=levin, by=sam.user, drew_you=DREW_YOU)
    client.force_login(sam.user)

    assert sentence in profile_text(client, chen)
    with pytest.raises(services.PairingError) as refused:
        services.request_create(mentee=sam, mentor=chen, by=sam.user, drew_you=DREW_YOU)
    assert refused.value.code == code
