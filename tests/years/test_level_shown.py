"""Wherever a mentee's level is shown, it is this year's appointment once there is
one ("CA-2 in 2026–27"), and what they typed until then."""

import pytest
from django.urls import reverse

from mentorship.years.models import AcademicYear, Level
from mentorship.years.services import appointment_set
from tests.factories import make_pairing, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def label(program):
    return AcademicYear.objects.for_day(program).label


def page(client, user, url) -> str:
    client.force_login(user)
    return client.get(url).content.decode()


def test_the_inbox_and_the_request_say_the_level_of_the_year(client, program, sam, chen, label):
    asked = make_request(chen, sam)
    typed = f"{sam.get_training_level_display()} since {sam.start_year}"
    assert typed in page(client, chen.user, reverse("pairings:inbox"))

    appointment_set(user=sam.user, program=program, level=Level.CA2)

    assert f"CA-2 in {label}" in page(client, chen.user, reverse("pairings:inbox"))
    assert f"CA-2 in {label}" in page(client, chen.user, asked.get_absolute_url())


def test_the_pairing_page_tells_the_mentor_the_mentees_level_this_year(
    client, program, sam, chen, label
):
    pairing = make_pairing(chen, sam)
    appointment_set(user=sam.user, program=program, level=Level.CA3)

    assert f"CA-3 in {label}" in page(client, chen.user, pairing.get_absolute_url())


def test_the_new_request_e_mail_names_the_level_of_the_year(
    program, sam, chen, mailoutbox, django_capture_on_commit_callbacks
):
    from mentorship.pairings import services
    from tests.pairings.service_support import DREW_YOU

    assert sam.training_level == "ca1"  # as typed; this year's appointment says CA-2
    appointment_set(user=sam.user, program=program, level=Level.CA2)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_create(mentee=sam, mentor=chen, by=sam.user, drew_you=DREW_YOU)

    [message] = mailoutbox
    assert f"{sam.user} (CA-2) would like you as their mentor" in message.body
