"""Get support: resources, a private message to the wellness contact that nobody
else reads, the contact's inbox, and directors' monthly counts from 4 only."""

import uuid
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from mentorship.support.models import SupportMessage, SupportResource, SupportSetup
from mentorship.support.services import support_message_send
from tests.factories import add_totp, make_mentee, make_mentee_profile

pytestmark = pytest.mark.django_db

SUPPORT = reverse("support:support")
INBOX = reverse("support:inbox")
SECRET = "I have been struggling since the night on call in the ICU."


@pytest.fixture
def setup(program, park):
    """Dr Lee Park is the program's wellness contact; two resources."""
    setup = SupportSetup.objects.create(
        program=program, contact=park.user, intro="Lee has listened to many of us."
    )
    SupportResource.objects.create(
        setup=setup, title="Employee Assistance Program", url="https://eap.example.org/", order=0
    )
    SupportResource.objects.create(
        setup=setup, title="988 Suicide & Crisis Lifeline", url="https://988lifeline.org/", order=1
    )
    return setup


@pytest.fixture
def sent(setup, sam, program):
    return support_message_send(program=program, by=sam.user, body=SECRET)


def message_url(message) -> str:
    return reverse("support:message", args=[message.pk])


# --- access -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["support", "inbox"])
def test_anonymous_people_are_sent_to_log_in(client, name):
    response = client.get(reverse(f"support:{name}"))
    assert response.status_code == HTTPStatus.FOUND
    assert "/login/" in response["Location"]


def test_anonymous_people_are_sent_to_log_in_from_a_message(client, sent):
    for url in [
        message_url(sent),
        reverse("support:sent", args=[sent.pk]),
        reverse("support:message_read", args=[sent.pk]),
    ]:
        response = client.get(url) if "read" not in url else client.post(url)
        assert response.status_code == HTTPStatus.FOUND
        assert "/login/" in response["Location"]


def test_a_resident_sees_the_resources_the_contact_and_who_reads(client, sam, setup):
    client.force_login(sam.user)

    response = client.get(SUPPORT)

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'href="https://eap.example.org/" rel="noopener noreferrer"' in text
    assert "988 Suicide &amp; Crisis Lifeline" in text
    assert "Lee has listened to many of us." in text
    assert "Only Lee reads this" in text
    assert "program directors never read it" in text
    assert text.index("Employee Assistance") < text.index("988 Suicide")


def test_every_resident_page_offers_get_support(client, sam):
    client.force_login(sam.user)
    assert f'href="{SUPPORT}"' in client.get(reverse("home")).content.decode()


def test_a_program_without_a_contact_says_so_and_offers_no_form(client, sam):
    client.force_login(sam.user)

    response = client.get(SUPPORT)
    client.post(SUPPORT, {"body": SECRET})

    assert response.status_code == HTTPStatus.OK
    assert "hasn't named a wellness contact yet" in response.content.decode()
    assert response.context["form"] is None
    assert not SupportMessage.objects.exists()


def test_someone_outside_any_program_gets_a_page_that_teaches(client, chen):
    client.force_login(chen.user)

    response = client.get(SUPPORT)

    assert response.status_code == HTTPStatus.OK
    assert "once you've joined a program" in response.content.decode()


# --- sending --------------------------------------------------------------------


def test_a_resident_sends_a_message_that_reaches_the_contact_alone(
    client, sam, setup, park, task_table, django_capture_on_commit_callbacks
):
    client.force_login(sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUPPORT, {"body": SECRET, "once": uuid.uuid4().hex})

    message = SupportMessage.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("support:sent", args=[message.pk])
    assert (message.sender, message.recipient, message.body) == (sam.user, park.user, SECRET)
    page = client.get(response["Location"]).content.decode()
    assert "Your message is with Dr Lee Park" in page
    # The task table names the message by id: what Sam wrote never waits there.
    assert SECRET not in task_table.text()
    assert task_table.run() == 1
    (email,) = mail.outbox
    assert email.to == ["park@example.com"]
    assert SECRET not in email.body
    assert SECRET not in email.alternatives[0][0]
    assert message_url(message) in email.body


def test_sending_the_same_form_twice_sends_one_message(client, sam, setup):
    client.force_login(sam.user)
    token = uuid.uuid4().hex

    first = client.post(SUPPORT, {"body": SECRET, "once": token})
    second = client.post(SUPPORT, {"body": SECRET, "once": token})

    assert SupportMessage.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_message_that_is_too_long_comes_back_as_typed(client, sam, setup):
    client.force_login(sam.user)
    long = "I need to talk. " * 300

    response = client.post(SUPPORT, {"body": long})

    assert response.status_code == HTTPStatus.OK
    assert "Please keep this under 4000 characters" in response.content.decode()
    assert response.context["form"]["body"].value() == long
    assert not SupportMessage.objects.exists()


def test_an_empty_message_asks_for_a_few_words(client, sam, setup):
    client.force_login(sam.user)

    response = client.post(SUPPORT, {"body": "   "})

    assert "Write a few words first" in response.content.decode()
    assert not SupportMessage.objects.exists()


def test_a_message_goes_to_the_contact_of_the_day_it_was_sent(sam, program, setup, park, chen):
    message = support_message_send(program=program, by=sam.user, body=SECRET)
    setup.contact = chen.user
    setup.save()

    assert SupportMessage.objects.visible_to(park.user).get() == message
    assert not SupportMessage.objects.visible_to(chen.user).exists()


# --- reading --------------------------------------------------------------------


def test_the_contact_reads_their_message_and_marks_it_read(client, park, sent):
    client.force_login(park.user)

    listed = client.get(INBOX).content.decode()
    page = client.get(message_url(sent)).content.decode()
    response = client.post(reverse("support:message_read", args=[sent.pk]))

    assert "Sam Whitfield" in listed and SECRET not in listed
    assert SECRET in page
    assert response.status_code == HTTPStatus.FOUND
    sent.refresh_from_db()
    assert sent.read_at is not None


@pytest.mark.parametrize("who", ["other mentee", "sender", "director", "superuser", "mentor"])
def test_nobody_but_the_contact_reads_a_message(
    client, who, sent, sam, ana, director, superuser_with_mfa, chen
):
    add_totp(director)
    user = {
        "other mentee": ana.user,
        "sender": sam.user,
        "director": director,
        "superuser": superuser_with_mfa,
        "mentor": chen.user,
    }[who]
    client.force_login(user)

    assert client.get(message_url(sent)).status_code == HTTPStatus.NOT_FOUND
    read = client.post(reverse("support:message_read", args=[sent.pk]))
    assert read.status_code == HTTPStatus.NOT_FOUND
    assert SECRET not in client.get(INBOX).content.decode()
    sent.refresh_from_db()
    assert sent.read_at is None


def test_another_resident_cant_see_someone_elses_sent_page(client, sent, ana):
    client.force_login(ana.user)
    assert client.get(reverse("support:sent", args=[sent.pk])).status_code == 404


@pytest.mark.parametrize("pk", [0, 99999, 2**31])
def test_crafted_ids_are_not_found(client, park, sent, pk):
    client.force_login(park.user)
    assert client.get(f"/support/messages/{pk}/").status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"/support/sent/{pk}/").status_code == HTTPStatus.NOT_FOUND
    assert client.post(f"/support/messages/{pk}/read/").status_code == HTTPStatus.NOT_FOUND


# Pinned: the same for 10 and 40 rows (the page frame every signed-in page costs, and one
# query for the messages with their senders and programs).
INBOX_QUERIES = 12


@pytest.mark.parametrize("count", [10, 40])
def test_the_inbox_costs_the_same_for_10_or_many_messages(
    client, park, program, setup, count, django_assert_num_queries
):
    for i in range(count):
        mentee = make_mentee_profile(
            make_mentee(f"resident{i}@example.com", name=f"Resident {i}"), program=program
        )
        SupportMessage.objects.create(
            program=program, sender=mentee.user, recipient=park.user, body=f"Message {i}"
        )
    client.force_login(park.user)

    with django_assert_num_queries(INBOX_QUERIES):
        response = client.get(INBOX)

    assert len(response.context["support_messages"]) == count


# --- directors ------------------------------------------------------------------


def test_messages_have_no_admin(client, director):
    with pytest.raises(NoReverseMatch):
        reverse("admin:support_supportmessage_changelist")
    add_totp(director)
    client.force_login(director)
    assert client.get("/admin/support/supportmessage/").status_code == HTTPStatus.NOT_FOUND


def test_the_wellness_contact_cant_be_a_director(client, director, program, chen):
    add_totp(director)
    chen.user.name = "Dr Dana Chen"
    program.directors.add(chen.user)
    client.force_login(director)

    response = client.post(
        reverse("admin:support_supportsetup_add"),
        {
            "program": program.pk,
            "contact": chen.user.pk,
            "intro": "Dana listens.",
            "resources-TOTAL_FORMS": "0",
            "resources-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "Dr Dana Chen directs this program" in text
    assert "Dana listens." in text
    assert not SupportSetup.objects.exists()


def test_a_director_names_a_contact_and_resources(client, director, program, park):
    add_totp(director)
    client.force_login(director)

    response = client.post(
        reverse("admin:support_supportsetup_add"),
        {
            "program": program.pk,
            "contact": park.user.pk,
            "intro": "Lee listens.",
            "resources-TOTAL_FORMS": "1",
            "resources-INITIAL_FORMS": "0",
            "resources-0-title": "GME wellness office",
            "resources-0-url": "https://wellness.example.org/",
            "resources-0-order": "0",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    setup = SupportSetup.objects.get()
    assert setup.contact == park.user
    assert [r.title for r in setup.resources.all()] == ["GME wellness office"]


def _messages(program, setup, sam, count, when):
    for _ in range(count):
        message = SupportMessage.objects.create(
            program=program, sender=sam.user, recipient=setup.contact, body=SECRET
        )
        SupportMessage.objects.filter(pk=message.pk).update(created_at=when)


def test_directors_see_a_months_count_only_from_4(client, director, program, setup, sam):
    add_totp(director)
    now = timezone.now()
    this_month = now.replace(day=15, hour=12)
    last_month = this_month - timedelta(days=31)
    _messages(program, setup, sam, 3, this_month)
    _messages(program, setup, sam, 4, last_month)
    client.force_login(director)

    text = client.get(reverse("admin:support_supportsetup_change", args=[setup.pk])).content
    text = text.decode()

    assert f"{this_month:%B %Y}: fewer than 4" in text
    assert f"{last_month:%B %Y}: 4 messages" in text
    assert "3 messages" not in text
    assert "Shown only as a total of 4 or more" in text


def test_message_bodies_and_senders_never_reach_a_director_or_the_admin(
    client, director, superuser_with_mfa, program, setup, sam
):
    add_totp(director)
    _messages(program, setup, sam, 5, timezone.now())
    pages = [
        reverse("admin:index"),
        reverse("admin:support_supportsetup_changelist"),
        reverse("admin:support_supportsetup_change", args=[setup.pk]),
        reverse("admin:app_list", args=["support"]),
        SUPPORT,
        INBOX,
    ]
    for user in [director, superuser_with_mfa]:
        client.force_login(user)
        for url in pages:
            response = client.get(url)
            assert response.status_code == HTTPStatus.OK, url
            assert SECRET not in response.content.decode(), url
        change = client.get(pages[2]).content.decode()
        assert "5 messages" in change
        assert "Sam Whitfield" not in change


def test_a_director_sees_only_their_programs_setups(client, other_director, setup):
    add_totp(other_director)
    client.force_login(other_director)

    listed = client.get(reverse("admin:support_supportsetup_changelist"))
    change = client.get(reverse("admin:support_supportsetup_change", args=[setup.pk]), follow=True)

    assert list(listed.context["cl"].result_list) == []
    assert change.redirect_chain[-1][0] == reverse("admin:index")


@pytest.mark.parametrize("role", ["associate_program_director", "ccc_member"])
def test_the_wellness_contact_cant_hold_an_evaluative_term_in_the_program(
    client, director, program, chen, role
):
    from tests.factories import make_role_term

    add_totp(director)
    make_role_term(chen.user, program, role)
    client.force_login(director)

    response = client.post(
        reverse("admin:support_supportsetup_add"),
        {
            "program": program.pk,
            "contact": chen.user.pk,
            "intro": "Dana listens.",
            "resources-TOTAL_FORMS": "0",
            "resources-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert "evaluates its residents" in response.content.decode()
    assert not SupportSetup.objects.exists()
