"""Check-ins' e-mail: the opening and the reminders go to the person asked with their
link, how long it takes and when it closes; the directors' word about a pairing
quotes no answer."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from mentorship.checkins.models import Checkin, Kind
from mentorship.checkins.services import checkins_send_due
from tests.checkins.factories import make_checkin, question
from tests.factories import add_totp, make_pairing

pytestmark = pytest.mark.django_db

SITE = "https://mentorship.example.org"
DAY = date(2026, 3, 10)  # no program-wide survey is open in March
WHY = "We never find a time, and I dread our meetings."


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def by_recipient(mailoutbox) -> dict:
    return {message.to[0]: message for message in mailoutbox}


def test_a_pairing_fit_check_in_goes_to_both_with_its_link_and_closing_day(
    sam, chen, mailoutbox, django_capture_on_commit_callbacks
):
    make_pairing(chen, sam, started_on=DAY - timedelta(days=21))

    with django_capture_on_commit_callbacks(execute=True):
        checkins_send_due(DAY)

    mail = by_recipient(mailoutbox)
    assert sorted(mail) == ["chen@example.com", "sam@example.com"]
    sams, chens = mail["sam@example.com"], mail["chen@example.com"]
    assert sams.subject == "[Mentorship] A three-minute check-in: how is your pairing going?"
    assert sams.body.startswith(
        "Hi Sam,\n\nYour pairing with Dana is a few weeks old. How does it feel so far?\n"
    )
    assert "Your pairing with Sam is a few weeks old." in chens.body
    for message in (sams, chens):
        checkin = Checkin.objects.get(person__email=message.to[0])
        url = f"{SITE}/checkins/{checkin.pk}/"
        html = message.alternatives[0][0]
        assert "about three minutes" in message.body and "about three minutes" in html
        assert "closes on 24 March" in message.body and "closes on 24 March" in html
        assert url in message.body
        assert f'href="{url}"' in html
        assert "The Stanford Anesthesiology mentorship team" in message.body
        assert "Answer the check-in" in html


def test_the_reminder_on_day_three_says_it_is_still_open(
    program, pairing, sam, mailoutbox, django_capture_on_commit_callbacks
):
    pulse = make_checkin(sam.user, program=program, pairing=pairing, days_ago=3)

    with django_capture_on_commit_callbacks(execute=True):
        checkins_send_due()

    (message,) = [m for m in mailoutbox if "still open" in m.body]
    assert message.to == ["sam@example.com"]
    assert message.subject == (
        "[Mentorship] Three minutes, when you have them: your pulse closes on "
        f"{pulse.closes_on:%-d %B}"
    )
    assert f"{SITE}/checkins/{pulse.pk}/" in message.body
    assert "How is your mentorship with Dana going?" in message.body


def test_a_directors_reminder_goes_once_a_day_and_not_on_the_automatic_days(
    client, program, pairing, sam, ana, director, mailoutbox, django_capture_on_commit_callbacks
):
    due = make_checkin(sam.user, program=program, pairing=pairing, days_ago=5, period="midyear")
    make_checkin(ana.user, program=program, days_ago=5, period="midyear", status="answered")
    add_totp(director)
    client.force_login(director)
    url = reverse("checkins:remind", args=[due.pk])

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url)
    assert "A reminder is on its way to 1 person" in client.get(first["Location"]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url)
    assert "No reminder sent" in client.get(again["Location"]).content.decode()

    assert [m.to for m in mailoutbox] == [["sam@example.com"]]
    assert "still open" in mailoutbox[0].body
    on_day_three = make_checkin(ana.user, program=program, days_ago=3, period="midyear-b")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("checkins:remind", args=[on_day_three.pk]))
    assert len(mailoutbox) == 1


def test_not_a_good_fit_tells_the_directors_without_a_word_of_the_answer(
    client, program, pairing, sam, director, mailoutbox, django_capture_on_commit_callbacks
):
    fit = make_checkin(sam.user, program=program, pairing=pairing, kind=Kind.FIT, period="fit")
    client.force_login(sam.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            fit.get_absolute_url(),
            {f"q{question('fit', 'fit').pk}": "1", f"q{question('fit', 'fit_why').pk}": WHY},
        )

    (message,) = mailoutbox
    assert message.to == [director.email]
    assert message.subject == (
        "[Mentorship] A pairing would like a word from you: Dr Dana Chen and Sam Whitfield"
    )
    html = message.alternatives[0][0]
    url = f"{SITE}{reverse('checkins:follow_ups')}"
    assert "A check-in asks you to reach out about the pairing of Dr Dana Chen and Sam" in (
        message.body.replace("\n", " ")
    )
    assert url in message.body and f'href="{url}"' in html
    for text in (message.subject, message.body, html):
        assert WHY not in text
        assert "not a good fit" not in text.lower()
        assert "dread" not in text
