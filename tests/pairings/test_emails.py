"""E-mail about requests and pairings: who gets it, what it says, where it links."""

import pytest
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from mentorship.pairings import services
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
)

# The program has its director in every test, so one who is not written to is seen not to be.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("director")]

SITE = "https://mentorship.example.org"
DREW_YOU = "Your talk on pediatric airways, and how you listened to every question."
EXPLORE = "Whether pediatric anesthesia is for me."
HELP_NOW = "Preparing for my first difficult airway rotation."


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def priya(program):
    return make_mentor_profile(
        make_mentor("priya@example.com", name="Dr Priya Raman"),
        programs=[program],
        division="Critical Care Medicine",
        roles=["ccc_member"],
    )


def ask(mentee, mentor):
    return services.request_create(
        mentee=mentee,
        mentor=mentor,
        by=mentee.user,
        drew_you=DREW_YOU,
        explore=EXPLORE,
        help_now=HELP_NOW,
    )


def html(message) -> str:
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return content


def the_one_to(outbox, email):
    messages = [m for m in outbox if m.to == [email]]
    assert len(messages) == 1, [m.subject for m in outbox]
    return messages[0]


def request_url(request) -> str:
    return SITE + reverse("pairings:request_detail", args=[request.pk])


def pairing_url(pairing) -> str:
    return SITE + reverse("meetings:pairing", args=[pairing.pk])


# --- requests ---------------------------------------------------------------


def test_a_new_request_tells_the_mentor_what_drew_the_mentee_and_links_to_it(
    chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(sam, chen)

    [message] = mailoutbox
    assert message.to == ["chen@example.com"]
    assert message.subject == "[Mentorship] Sam Whitfield would like you as their mentor"
    assert message.body.startswith(
        "Hi Dana,\n\nSam Whitfield (CA-1) would like you as their mentor."
    )
    for answer in (DREW_YOU, EXPLORE, HELP_NOW):
        assert answer in message.body
        assert answer in html(message)
    assert request_url(request) in message.body
    assert f'href="{request_url(request)}"' in html(message)
    assert "The request stays open for 21 days." in message.body
    assert "!" not in message.body


def test_plain_text_keeps_apostrophes_and_the_html_part_escapes_them(
    chen, program, mailoutbox, django_capture_on_commit_callbacks
):
    liam = make_mentee_profile(
        make_mentee("liam@example.com", name="Liam O'Brien"), program=program
    )

    with django_capture_on_commit_callbacks(execute=True):
        ask(liam, chen)

    [message] = mailoutbox
    assert message.subject == "[Mentorship] Liam O'Brien would like you as their mentor"
    assert "Liam O'Brien (CA-1)" in message.body
    assert "&#x27;" not in message.body
    assert "Liam O&#x27;Brien" in html(message)


def test_a_withdrawn_request_tells_the_mentor_there_is_nothing_to_answer(
    chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, chen)

    with django_capture_on_commit_callbacks(execute=True):
        services.request_withdraw(request=request, by=sam.user)

    [message] = mailoutbox
    assert message.to == ["chen@example.com"]
    assert message.subject == "[Mentorship] Sam Whitfield withdrew their request"
    assert "so there is nothing for you to answer" in message.body
    assert SITE + reverse("pairings:inbox") in message.body
    assert f'href="{SITE}{reverse("pairings:inbox")}"' in html(message)


def test_an_accepted_request_sends_the_mentee_the_kind_word_and_the_pairing_link(
    chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, chen)

    with django_capture_on_commit_callbacks(execute=True):
        pairing = services.request_accept(
            request=request, by=chen.user, reply="I would love to. Coffee next week?"
        )

    [message] = mailoutbox
    assert message.to == ["sam@example.com"]
    assert message.subject == "[Mentorship] Dr Dana Chen said yes"
    assert "Hi Sam," in message.body
    assert "I would love to. Coffee next week?" in message.body
    assert "Your pairing has started." in message.body
    assert "chen@example.com" in message.body
    assert pairing_url(pairing) in message.body
    assert f'href="{pairing_url(pairing)}"' in html(message)


def test_a_yes_from_a_mentor_who_evaluates_residents_waits_for_a_director(
    priya, sam, director, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, priya)

    with django_capture_on_commit_callbacks(execute=True):
        pairing = services.request_accept(request=request, by=priya.user)

    assert sorted(m.to[0] for m in mailoutbox) == ["okafor@example.com", "sam@example.com"]
    to_sam = the_one_to(mailoutbox, "sam@example.com")
    assert "a program director approves the pairing before it starts" in to_sam.body
    assert "Clinical Competency Committee member" in to_sam.body
    assert pairing_url(pairing) in to_sam.body

    to_maya = the_one_to(mailoutbox, "okafor@example.com")
    assert to_maya.subject == "[Mentorship] A pairing with Dr Priya Raman waits for your approval"
    assert to_maya.body.startswith("Hi Maya,")
    admin_url = f"{SITE}/admin/pairings/pairing/{pairing.pk}/change/"
    assert admin_url in to_maya.body
    assert f'href="{admin_url}"' in html(to_maya)


def test_e_mail_to_directors_holds_none_of_the_mentees_answers(
    priya, sam, director, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, priya)
    services.request_ask_more(request=request, by=priya.user, question="What do you hope for?")
    services.request_answer_question(
        request=request, by=sam.user, answer="Honest feedback on how I lead a room."
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.request_accept(request=request, by=priya.user)

    to_maya = the_one_to(mailoutbox, "okafor@example.com")
    for private in (DREW_YOU, EXPLORE, HELP_NOW, "Honest feedback", "What do you hope for?"):
        assert private not in to_maya.body
        assert private not in html(to_maya)
    assert "Sam Whitfield" in to_maya.body


def test_a_decline_with_a_referral_gives_the_mentee_the_suggestion_and_why(
    chen, priya, sam, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, chen)

    with django_capture_on_commit_callbacks(execute=True):
        services.request_decline(
            request=request,
            by=chen.user,
            reply="I'm full this year, and you deserve someone with time.",
            referred_to=priya,
            referral_reason="Priya runs the critical care research group you mentioned.",
        )

    [message] = mailoutbox
    assert message.to == ["sam@example.com"]
    assert message.subject == "[Mentorship] An answer from Dr Dana Chen"
    assert "not about you" in message.body
    assert "I'm full this year, and you deserve someone with time." in message.body
    assert "They suggest you ask Dr Priya Raman, and here is why:" in message.body
    assert "Priya runs the critical care research group you mentioned." in message.body
    assert "You can ask Priya in one click from your request page:" in message.body
    assert request_url(request) in message.body
    assert f'href="{request_url(request)}"' in html(message)
    assert "See the suggestion" in html(message)


def test_a_decline_without_a_referral_points_to_the_directory(
    chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, chen)

    with django_capture_on_commit_callbacks(execute=True):
        services.request_decline(request=request, by=chen.user)

    [message] = mailoutbox
    assert "They suggest" not in message.body
    assert "They wrote" not in message.body
    assert SITE + reverse("mentors:directory") in message.body
    assert request_url(request) in message.body


def test_a_question_from_the_mentor_reaches_the_mentee_with_a_link_to_answer(
    chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, chen)

    with django_capture_on_commit_callbacks(execute=True):
        services.request_ask_more(
            request=request, by=chen.user, question="How much time could you give each month?"
        )

    [message] = mailoutbox
    assert message.to == ["sam@example.com"]
    assert message.subject == "[Mentorship] Dr Dana Chen has a question for you"
    assert "How much time could you give each month?" in message.body
    assert request_url(request) in message.body
    assert "Answer the question" in html(message)


def test_the_mentees_answer_reaches_the_mentor(
    chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, chen)
    services.request_ask_more(request=request, by=chen.user, question="How much time?")

    with django_capture_on_commit_callbacks(execute=True):
        services.request_answer_question(
            request=request, by=sam.user, answer="An hour a month, more before interviews."
        )

    [message] = mailoutbox
    assert message.to == ["chen@example.com"]
    assert message.subject == "[Mentorship] Sam Whitfield answered your question"
    assert "How much time?" in message.body
    assert "An hour a month, more before interviews." in message.body
    assert request_url(request) in message.body


def test_an_expired_request_gently_points_the_mentee_to_the_directory(
    chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, chen)

    with django_capture_on_commit_callbacks(execute=True):
        services.request_expire(request=request)

    [message] = mailoutbox
    assert message.to == ["sam@example.com"]
    assert message.subject == "[Mentorship] Your request to Dr Dana Chen has closed"
    assert "not about you" in message.body
    assert SITE + "/mentors/" in message.body
    assert f'href="{SITE}/mentors/"' in html(message)


# --- pairings ---------------------------------------------------------------


def test_a_proposed_pairing_asks_both_people_to_confirm(
    chen, sam, director, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pairing = services.pairing_propose(mentor=chen, mentee=sam, by=director)

    to_dana = the_one_to(mailoutbox, "chen@example.com")
    to_sam = the_one_to(mailoutbox, "sam@example.com")
    assert len(mailoutbox) == 2
    assert to_dana.subject == "[Mentorship] A pairing with Sam Whitfield for you to confirm"
    assert to_sam.subject == "[Mentorship] A pairing with Dr Dana Chen for you to confirm"
    assert "Dr Maya Okafor, a director of Stanford Anesthesiology" in to_sam.body
    assert "you as mentor to Sam Whitfield (CA-1)" in to_dana.body
    assert "Dr Dana Chen (Associate Professor, Pediatric Anesthesia) as your mentor" in to_sam.body
    for message in (to_dana, to_sam):
        assert pairing_url(pairing) in message.body
        assert f'href="{pairing_url(pairing)}"' in html(message)


def test_a_pairing_that_begins_tells_both_people_how_to_reach_each_other(
    chen, sam, director, mailoutbox, django_capture_on_commit_callbacks
):
    pairing = services.pairing_propose(mentor=chen, mentee=sam, by=director)
    services.pairing_confirm(pairing=pairing, by=chen.user)

    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_confirm(pairing=pairing, by=sam.user)

    to_dana = the_one_to(mailoutbox, "chen@example.com")
    to_sam = the_one_to(mailoutbox, "sam@example.com")
    assert to_dana.subject == "[Mentorship] Your mentorship with Sam Whitfield has begun"
    assert to_sam.subject == "[Mentorship] Your mentorship with Dr Dana Chen has begun"
    assert "You can reach Sam at sam@example.com." in to_dana.body
    assert "You can reach Dana at chen@example.com." in to_sam.body
    assert pairing_url(pairing) in to_sam.body


def test_a_pause_tells_the_other_side_who_paused(
    active, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_pause(pairing=active, by=active.mentee.user)

    [message] = mailoutbox
    assert message.to == ["chen@example.com"]
    assert message.subject == "[Mentorship] Your mentorship with Sam Whitfield is paused"
    assert "Sam Whitfield has paused your mentorship pairing." in message.body
    assert pairing_url(active) in message.body


def test_a_pause_by_a_director_tells_both_people(
    active, director, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_pause(pairing=active, by=director)

    to_sam = the_one_to(mailoutbox, "sam@example.com")
    to_dana = the_one_to(mailoutbox, "chen@example.com")
    assert (
        "Dr Maya Okafor, a director of Stanford Anesthesiology, has paused your mentorship "
        "pairing with Dr Dana Chen." in to_sam.body
    )
    assert "pairing with Sam Whitfield." in to_dana.body


def test_a_resumed_pairing_tells_the_other_side(
    active, mailoutbox, django_capture_on_commit_callbacks
):
    services.pairing_pause(pairing=active, by=active.mentee.user)

    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_resume(pairing=active, by=active.mentor.user)

    [message] = mailoutbox
    assert message.to == ["sam@example.com"]
    assert message.subject == "[Mentorship] Your mentorship with Dr Dana Chen is back on"
    assert "Dr Dana Chen has resumed your mentorship pairing." in message.body
    assert pairing_url(active) in message.body
    assert f'href="{pairing_url(active)}"' in html(message)


def test_an_ended_pairing_invites_a_reflection_but_never_quotes_one(
    active, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pairing_end(
            pairing=active,
            by=active.mentor.user,
            reason="Sam has found their path.",
            learned="That Sam teaches me patience.",
            carry_forward="Ask more questions before giving advice.",
        )

    [message] = mailoutbox
    assert message.to == ["sam@example.com"]
    assert message.subject == "[Mentorship] Your mentorship with Dr Dana Chen has ended"
    assert "Dr Dana Chen has ended your mentorship pairing." in message.body
    assert "add your closing reflection" in message.body
    assert pairing_url(active) in message.body
    for private in ("teaches me patience", "Ask more questions"):
        assert private not in message.body
        assert private not in html(message)


# --- only after commit ------------------------------------------------------


class RolledBack(Exception):
    pass


def test_a_change_that_rolls_back_sends_no_e_mail(
    chen, sam, mailoutbox, django_capture_on_commit_callbacks
):
    request = ask(sam, chen)

    with django_capture_on_commit_callbacks(execute=True):  # noqa: SIM117
        with pytest.raises(RolledBack), transaction.atomic():
            services.request_accept(request=request, by=chen.user, reply="Yes, gladly.")
            raise RolledBack

    assert mailoutbox == []
    request.refresh_from_db()
    assert request.status == "pending"


# --- in the task table --------------------------------------------------------


def test_a_queued_e_mail_holds_ids_and_no_word_of_the_request_until_the_worker_sends_it(
    chen, sam, task_table, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(sam, chen)

    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"] == {
        "template": "pairings/email/request_new",
        "recipient": chen.user.pk,
        "objects": {"request": ["pairings.mentorshiprequest", request.pk]},
        "values": {"url": request_url(request)},
        "site_url": SITE,
    }
    for answer in (DREW_YOU, EXPLORE, HELP_NOW, "would like you as their mentor"):
        assert answer not in task_table.text()
    assert mailoutbox == []

    task_table.run()

    [message] = mailoutbox
    assert message.subject == "[Mentorship] Sam Whitfield would like you as their mentor"
    assert DREW_YOU in message.body
