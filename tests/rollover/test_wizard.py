from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import reverse

from mentorship.rollover.models import AlumniOffer, CapacityConfirmation, Rollover, RolloverChoice
from mentorship.years.models import Level
from tests.rollover.support import BEFORE_APRIL, appoint, years

pytestmark = pytest.mark.django_db


@pytest.fixture
def residents(program, sam, ana, chen):
    this, _ = years(program)
    appoint(sam.user, this, Level.CA3)
    appoint(ana.user, this, Level.CA1)
    appoint(chen.user, this, Level.FACULTY)
    return this


def url(program, name="wizard", *args):
    return reverse(f"rollover:{name}", args=[program.slug, *args])


def test_the_wizard_shows_what_will_change(desk, program, residents, in_may):
    page = desk.get(url(program)).content.decode()

    assert "Prepare 2027–28 in Stanford Anesthesiology" in page
    assert "Graduate: 1." in page
    assert "Advance to the next level or stay: 2" in page
    assert "Confirm and schedule for 1 July" in page


def test_before_april_the_wizard_is_a_preview_that_says_when_it_opens(
    desk, program, residents, today
):
    today(BEFORE_APRIL)

    page = desk.get(url(program)).content.decode()

    assert "Preparing 2027–28 opens on 1 April 2027." in page
    assert "Graduate: 1." in page
    assert "Confirm and schedule" not in page
    response = desk.post(url(program, "confirm"), follow=True)
    assert "opens on 1 April 2027" in response.content.decode()
    assert not Rollover.objects.exists()


def test_a_director_holds_a_graduate_back(desk, program, residents, sam, in_may):
    response = desk.post(
        url(program, "choose", sam.user.pk),
        {f"p{sam.user.pk}-user": sam.user.pk, f"p{sam.user.pk}-choice": "hold_back"},
        follow=True,
    )

    assert "Sam Whitfield stays at their level next year." in response.content.decode()
    choice = RolloverChoice.objects.get(user=sam.user)
    assert choice.choice == "hold_back" and choice.made_by.email == "okafor@example.com"
    assert "Graduate: 0." in response.content.decode()


def test_an_extension_without_its_end_comes_back_with_what_was_typed(
    desk, program, residents, sam, in_may
):
    prefix = f"p{sam.user.pk}"
    response = desk.post(
        url(program, "choose", sam.user.pk),
        {f"{prefix}-user": sam.user.pk, f"{prefix}-choice": "extend", f"{prefix}-reason": "Leave"},
    )

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Give the new expected end of the extension." in page
    assert 'value="Leave"' in page
    assert not RolloverChoice.objects.exists()


def test_confirm_schedules_and_undo_takes_it_back(desk, program, residents, in_may):
    response = desk.post(url(program, "confirm"), follow=True)
    assert "Scheduled for 1 July 2027." in response.content.decode()
    rollover = Rollover.objects.get()
    assert rollover.state == Rollover.State.SCHEDULED

    response = desk.post(url(program, "undo"), follow=True)

    assert "Undone: nothing will change" in response.content.decode()
    rollover.refresh_from_db()
    assert rollover.state == Rollover.State.UNDONE


def test_asking_graduates_and_mentors_e_mails_each_once(
    desk, program, residents, in_may, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(url(program, "ask_alumni"))
        desk.post(url(program, "ask_capacity"))
        desk.post(url(program, "ask_alumni"))

    assert sorted(m.to[0] for m in mail.outbox) == ["chen@example.com", "sam@example.com"]
    assert AlumniOffer.objects.get().user.email == "sam@example.com"
    assert CapacityConfirmation.objects.get().user.email == "chen@example.com"


def test_a_graduate_says_yes_on_their_own_page(client, program, residents, sam, in_may):
    _, following = years(program)
    rollover = Rollover.objects.create(program=program, to_year=following)
    offer = AlumniOffer.objects.create(
        rollover=rollover, user=sam.user, asked_at="2027-04-02T09:00Z"
    )
    client.force_login(sam.user)

    assert (
        "Would you mentor in Stanford Anesthesiology"
        in client.get(offer.get_absolute_url()).content.decode()
    )
    response = client.post(offer.get_absolute_url(), {"answer": "yes"}, follow=True)

    assert "listed as an alumni mentor" in response.content.decode()
    offer.refresh_from_db()
    assert offer.accepted is True


def test_a_mentor_confirms_their_places(client, program, chen, in_may):
    _, following = years(program)
    confirmation = CapacityConfirmation.objects.create(
        user=chen.user, year=following, asked_at="2027-04-02T09:00Z"
    )
    client.force_login(chen.user)

    response = client.post(confirmation.get_absolute_url(), {"capacity": "25"})
    assert "Ensure this value is less than or equal to 20." in response.content.decode()
    response = client.post(confirmation.get_absolute_url(), {"capacity": "3"}, follow=True)

    assert "Thank you: 3 places from 1 July 2027." in response.content.decode()
    confirmation.refresh_from_db()
    assert confirmation.capacity == 3


def test_an_applied_rollover_can_no_longer_change(desk, program, residents, sam, in_may):
    _, following = years(program)
    Rollover.objects.create(program=program, to_year=following, state=Rollover.State.APPLIED)

    response = desk.post(
        url(program, "choose", sam.user.pk),
        {f"p{sam.user.pk}-user": sam.user.pk, f"p{sam.user.pk}-choice": "hold_back"},
        follow=True,
    )

    assert "the rollover is applied" in response.content.decode()
    assert not RolloverChoice.objects.exists()
