"""The home page says first what waits on you, with a link to it, for every role:
a mentor's question to a mentee, a request to a mentor, a pairing to confirm, a
reflection to add, and a director's approvals."""

import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import Pairing
from tests.factories import add_totp, make_mentee, make_mentee_profile, make_pairing
from tests.pairings.service_support import ask

pytestmark = pytest.mark.django_db


def home(client, user) -> str:
    client.force_login(user)
    return html.unescape(client.get(reverse("home")).content.decode())


def waiting_section(text: str) -> str:
    start = text.index('<section class="card waiting-on-you"')
    return text[start : text.index("</section>", start)]


def test_a_mentee_sees_first_the_question_that_waits_on_them(client, sam, chen, levin):
    asked_chen = ask(sam, chen)
    ask(sam, levin)
    services.request_ask_more(request=asked_chen, by=chen.user, question="Could we meet monthly?")

    text = home(client, sam.user)

    waiting = waiting_section(text)
    assert "Dr Dana Chen asked you a question before deciding: “Could we meet monthly?”" in waiting
    assert f'href="{asked_chen.get_absolute_url()}">Answer Dana</a>' in waiting
    assert "Ari" not in waiting  # Ari's answer waits on Ari, not on Sam
    # The first thing on the page, before the mentee's own section.
    assert text.index("Waiting on you") < text.index("Your mentors")
    assert "You have 1 request waiting for a mentor's answer." in text
    assert "2 requests" not in text


def test_a_mentor_sees_the_requests_waiting_for_their_answer_but_not_their_own_question(
    client, sam, chen, program
):
    noor = make_mentee_profile(make_mentee("noor@example.com", name="Noor Haddad"), program=program)
    ana = make_mentee_profile(make_mentee("ana@example.com", name="Ana Kowalski"), program=program)
    from_sam, from_noor, from_ana = ask(sam, chen), ask(noor, chen), ask(ana, chen)
    services.request_ask_more(request=from_noor, by=chen.user, question="Which rotation?")
    services.request_ask_more(request=from_ana, by=chen.user, question="When?")
    services.request_answer_question(request=from_ana, by=ana.user, answer="In May.")

    waiting = waiting_section(home(client, chen.user))

    assert (
        f"Sam Whitfield would like you as their mentor, since {timezone.localdate():%-d %B}."
        in waiting
    )
    assert f'href="{from_sam.get_absolute_url()}">Answer Sam</a>' in waiting
    assert (
        f'Ana Kowalski answered your question. <a href="{from_ana.get_absolute_url()}">' in waiting
    )
    assert "Noor" not in waiting  # waits on Noor
    text = home(client, chen.user)
    assert "2 residents are waiting for your answer." in text


def test_more_than_five_requests_send_the_mentor_to_the_inbox(client, chen, program):
    chen.capacity = 10
    chen.save()
    for i in range(7):
        mentee = make_mentee_profile(
            make_mentee(f"resident{i}@example.com", name=f"Resident {i}"), program=program
        )
        ask(mentee, chen)

    waiting = waiting_section(home(client, chen.user))

    assert waiting.count("would like you as their mentor") == 5
    assert f'2 more requests wait for you. <a href="{reverse("pairings:inbox")}">' in waiting


def test_a_proposal_waiting_for_your_yes_is_on_top_with_its_link(client, sam, chen, proposed):
    for person, other in ((sam.user, "Dr Dana Chen"), (chen.user, "Sam Whitfield")):
        waiting = waiting_section(home(client, person))
        assert f"A program director suggests you and {other}." in waiting
        assert f'href="{proposed.get_absolute_url()}"' in waiting

    services.pairing_confirm(pairing=proposed, by=sam.user)

    assert "suggests you and" not in home(client, sam.user)
    assert "A program director suggests you and Sam Whitfield." in home(client, chen.user)


def test_an_ended_pairing_invites_each_side_to_reflect_until_they_do(client, sam, chen):
    pairing = make_pairing(chen, sam, Pairing.Status.ENDED, ended_on=timezone.localdate())
    services.pairing_reflect(pairing=pairing, by=chen.user, learned="Patience.", carry_forward="")
    reflect = reverse("pairings:reflect", args=[pairing.pk])

    waiting = waiting_section(home(client, sam.user))

    assert "Your pairing with Dr Dana Chen ended on" in waiting
    assert f'href="{reflect}">Add your closing reflection</a>' in waiting
    assert "Waiting on you" not in home(client, chen.user)  # Dana has reflected


def test_a_long_ended_pairing_no_longer_waits(client, sam, chen):
    make_pairing(chen, sam, Pairing.Status.ENDED, ended_on=timezone.localdate() - timedelta(120))

    assert "Waiting on you" not in home(client, sam.user)


def test_a_director_sees_the_approvals_waiting_with_links_to_them(
    client, director, program, sam, grey, chen
):
    from tests.factories import make_mentor, make_mentor_profile

    add_totp(director)
    make_mentor_profile(
        make_mentor("new@example.com", name="Dr New"), programs=[program], approved=False
    )
    waiting_pairing = services.pairing_propose(mentor=grey, mentee=sam, by=director)

    waiting = waiting_section(home(client, director))

    mentors = reverse("admin:mentors_mentorprofile_changelist") + "?approved=no"
    pairings = reverse("admin:pairings_pairing_changelist") + "?approval=waiting"
    assert f'1 mentor waits for your approval. <a href="{mentors}">' in waiting
    assert "1 pairing with a mentor who evaluates residents waits for your approval." in waiting
    assert f'href="{pairings}"' in waiting
    listed = client.get(pairings).context["cl"].result_list
    assert list(listed) == [waiting_pairing]


def test_nothing_waiting_means_no_list_at_all(client, sam, chen):
    make_pairing(chen, sam)

    assert "Waiting on you" not in home(client, sam.user)
    assert "Waiting on you" not in home(client, chen.user)
