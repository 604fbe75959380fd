"""Who may open each rollover page: the wizard only a director of the program
(with two-step verification on), each answer page only the person asked."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.rollover.models import AlumniOffer, CapacityConfirmation, Rollover
from mentorship.years.models import Level
from tests.factories import add_totp
from tests.rollover.support import appoint, years

pytestmark = pytest.mark.django_db

WIZARD_POSTS = ["confirm", "undo", "ask_alumni", "ask_capacity"]


@pytest.fixture
def setting(program, sam, chen):
    this, following = years(program)
    appoint(sam.user, this, Level.CA3)
    rollover = Rollover.objects.create(program=program, to_year=following)
    offer = AlumniOffer.objects.create(
        rollover=rollover, user=sam.user, asked_at="2027-04-02T09:00Z"
    )
    confirmation = CapacityConfirmation.objects.create(
        user=chen.user, year=following, asked_at="2027-04-02T09:00Z"
    )
    return offer, confirmation


def _wizard_urls(program, sam):
    return (
        [reverse("rollover:wizard", args=[program.slug])]
        + [reverse(f"rollover:{name}", args=[program.slug]) for name in WIZARD_POSTS]
        + [reverse("rollover:choose", args=[program.slug, sam.user.pk])]
    )


def test_anonymous_people_are_sent_to_log_in(client, program, sam, setting):
    offer, confirmation = setting
    for url in [
        *_wizard_urls(program, sam),
        offer.get_absolute_url(),
        confirmation.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND, url
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["mentee", "mentor", "other director"])
def test_only_the_programs_directors_open_the_wizard(
    client, program, sam, people, setting, who, in_may
):
    user = people[who]
    add_totp(user)
    client.force_login(user)
    wizard, *posts = _wizard_urls(program, sam)

    assert client.get(wizard).status_code == HTTPStatus.NOT_FOUND
    for url in posts:
        assert client.post(url).status_code == HTTPStatus.NOT_FOUND, url
    assert Rollover.objects.get().state == Rollover.State.DRAFT


def test_a_director_without_two_step_verification_turns_it_on_first(client, program, director):
    client.force_login(director)

    response = client.get(reverse("rollover:wizard", args=[program.slug]))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_the_director_opens_the_wizard(desk, program, setting):
    assert desk.get(reverse("rollover:wizard", args=[program.slug])).status_code == HTTPStatus.OK


def test_a_superuser_opens_any_programs_wizard(client, superuser_with_mfa, program):
    client.force_login(superuser_with_mfa)
    assert client.get(reverse("rollover:wizard", args=[program.slug])).status_code == HTTPStatus.OK


def test_crafted_wizard_addresses_are_404(desk, program, other_program, ana, in_may):
    # Another program's slug, a slug nobody has, someone with no appointment this year.
    for url in [
        reverse("rollover:wizard", args=[other_program.slug]),
        reverse("rollover:wizard", args=["no-such-program"]),
        reverse("rollover:choose", args=[program.slug, ana.user.pk]),
        reverse("rollover:choose", args=[program.slug, 999999]),
    ]:
        method = desk.post if "people" in url else desk.get
        assert method(url).status_code == HTTPStatus.NOT_FOUND, url


def test_a_crafted_choice_is_refused_without_an_error(desk, program, sam, setting, in_may):
    url = reverse("rollover:choose", args=[program.slug, sam.user.pk])
    prefix = f"p{sam.user.pk}"
    for data in [
        {f"{prefix}-user": "x", f"{prefix}-choice": "hold_back"},
        {f"{prefix}-user": sam.user.pk, f"{prefix}-choice": "promote"},
        {f"{prefix}-user": sam.user.pk + 1, f"{prefix}-choice": "hold_back"},
        {
            f"{prefix}-user": sam.user.pk,
            f"{prefix}-choice": "extend",
            f"{prefix}-expected_end": "soon",
        },
    ]:
        assert desk.post(url, data).status_code == HTTPStatus.OK, data
    assert not Rollover.objects.get().choices.exists()


def test_an_offer_is_answered_only_by_the_graduate_asked(client, people, setting):
    offer, _ = setting
    for who in ["mentor", "other mentor", "director", "other director"]:
        client.force_login(people[who])
        assert client.get(offer.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
        assert client.post(offer.get_absolute_url(), {"answer": "yes"}).status_code == 404
    client.force_login(people["mentee"])
    assert client.get(offer.get_absolute_url()).status_code == HTTPStatus.OK
    offer.refresh_from_db()
    assert offer.accepted is None


def test_a_crafted_answer_changes_nothing(client, sam, setting):
    offer, _ = setting
    client.force_login(sam.user)

    response = client.post(offer.get_absolute_url(), {"answer": "maybe"}, follow=True)

    assert "Choose yes or no." in response.content.decode()
    offer.refresh_from_db()
    assert offer.answered_at is None


def test_places_are_confirmed_only_by_the_mentor_asked(client, people, setting):
    _, confirmation = setting
    for who in ["mentee", "other mentor", "director", "other director"]:
        client.force_login(people[who])
        assert client.get(confirmation.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
        assert client.post(confirmation.get_absolute_url(), {"capacity": 1}).status_code == 404
    client.force_login(people["mentor"])
    assert client.get(confirmation.get_absolute_url()).status_code == HTTPStatus.OK
    confirmation.refresh_from_db()
    assert confirmation.confirmed_at is None


def test_answer_pages_of_ids_nobody_has_are_404(client, sam):
    client.force_login(sam.user)
    assert client.get(reverse("rollover:alumni", args=[999999])).status_code == 404
    assert client.get(reverse("rollover:capacity", args=[999999])).status_code == 404
