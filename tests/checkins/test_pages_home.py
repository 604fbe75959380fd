"""The home page's card of open check-ins: each with its link and closing day, until
answered, for the same number of queries however many there are."""

import pytest
from django.urls import reverse

from mentorship.checkins.models import Kind
from tests.checkins.factories import answered, make_checkin
from tests.dashboard.test_profile_cards import DASHBOARD_QUERIES

pytestmark = pytest.mark.django_db


def home(client) -> str:
    return client.get(reverse("home")).content.decode()


def test_an_open_check_in_waits_on_the_home_page_with_its_link_and_day(client, pairing, sam):
    pulse = make_checkin(sam.user, program=sam.program, pairing=pairing)
    client.force_login(sam.user)

    text = home(client)

    assert "A check-in for you" in text
    assert f'<a href="{pulse.get_absolute_url()}">Pulse: your pairing with Dr Dana Chen</a>' in text
    assert f"Closes on {pulse.closes_on:%A %-d %B}" in text


def test_a_program_check_in_names_the_program(client, sam, chen):
    midyear = make_checkin(
        chen.user, program=sam.program, kind=Kind.MIDYEAR, side="mentor", period="midyear-2026"
    )
    client.force_login(chen.user)

    assert (
        f'<a href="{midyear.get_absolute_url()}">Mid-year check-in: Stanford Anesthesiology</a>'
        in home(client)
    )


def test_answered_closed_and_other_peoples_check_ins_are_not_listed(client, pairing, sam, ana):
    answered(make_checkin(sam.user, program=sam.program, pairing=pairing), useful=4, met=1)
    make_checkin(sam.user, program=sam.program, pairing=pairing, period="pulse-30", status="closed")
    make_checkin(ana.user, program=ana.program, kind=Kind.MIDYEAR, period="midyear-2026")
    client.force_login(sam.user)

    text = home(client)

    assert "check-in for you" not in text
    assert "Check-ins for you" not in text


def test_the_card_costs_one_query_for_one_check_in_or_ten(
    client, program, pairing, sam, django_assert_max_num_queries
):
    client.force_login(sam.user)
    counts = []
    for n in (1, 10):
        for i in range(n):
            make_checkin(sam.user, program=program, pairing=pairing, period=f"p{n}-{i}")
        client.get(reverse("home"))
        with django_assert_max_num_queries(DASHBOARD_QUERIES) as captured:
            text = home(client)
        assert text.count('href="/checkins/') == (1 if n == 1 else 11)
        counts.append(len(captured))

    assert counts[0] == counts[1]
