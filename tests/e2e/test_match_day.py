"""Match Day in a real browser, start to finish: two interns build their lists on a
phone, the director closes the lists, checks, runs, reads one intern's why, moves
one pairing with a reason and publishes; the intern then sees their mentor."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mentorship.pairings.models import Pairing
from mentorship.rounds import services
from mentorship.rounds.models import Round
from tests.e2e.test_admin_desk import _signed_in
from tests.factories import (
    make_appointment,
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)

pytestmark = pytest.mark.django_db(transaction=True)
expect = pytest.importorskip("playwright.sync_api").expect

PHONE = {"width": 360, "height": 740}


def _on_a_phone(browser, live_server, user):
    _, page = _signed_in(browser, live_server, user)
    page.set_viewport_size(PHONE)
    return page


def test_interns_list_on_a_phone_and_the_director_runs_explains_moves_and_publishes(
    browser, live_server, screenshot
):
    director = make_director("okafor@example.com", name="Dr Maya Okafor")
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    ana, ben, cara = (
        make_mentor_profile(
            make_mentor(f"{who}@example.com", name=name), programs=[program], capacity=1
        )
        for who, name in (
            ("ana", "Dr Ana Alvarez"),
            ("ben", "Dr Ben Brooks"),
            ("cara", "Dr Cara Chen"),
        )
    )
    sam, tia = (
        make_mentee_profile(make_mentee(f"{who}@example.com", name=name), program=program)
        for who, name in (("sam", "Sam Lee"), ("tia", "Tia Moss"))
    )
    for mentee in (sam, tia):
        make_appointment(mentee.user, program=program, level="ca1")
    today = timezone.localdate()
    round = Round.objects.create(
        program=program,
        name="Match Day 2027",
        level="ca1",
        opens_on=today,
        mentee_deadline=today + timedelta(days=7),
        mentor_deadline=today + timedelta(days=10),
        publish_on=today + timedelta(days=14),
        list_min=1,
        created_by=director,
    )
    services.round_open(round=round, by=director)

    # Sam builds a list on a phone: two mentors, then Dr Alvarez moved to the top.
    page = _on_a_phone(browser, live_server, sam.user)
    page.goto(f"{live_server.url}/rounds/{round.pk}/")
    expect(page.get_by_role("heading", name="Your list", exact=True)).to_be_visible()
    page.get_by_role("button", name="Add to my list Dr Ben Brooks").click()
    page.get_by_role("button", name="Add to my list Dr Ana Alvarez").click()
    page.get_by_role("button", name="Move up Dr Ana Alvarez").click()
    first = page.locator(".match-list > li").first
    expect(first).to_contain_text("Dr Ana Alvarez")
    first.get_by_label("What drew you?").fill("Her airway course, and how calm she is.")
    first.get_by_role("button", name=re.compile("Save what drew me")).click()
    page.get_by_role("button", name="My list is ready").click()
    expect(page.locator(".match-list > li").nth(1)).to_contain_text("Dr Ben Brooks")
    screenshot(page, "match-day-01-list-phone")
    page.context.close()

    # Tia lists Dr Alvarez only, and Dr Alvarez puts Tia first.
    services.choice_add(round=round, mentor=ana, by=tia.user)
    services.mentor_ranking_set(round=round, by=ana.user, mentee_ids=[tia.pk, sam.pk])

    # The director, at the desk: close, check, run.
    _, desk = _signed_in(browser, live_server, director)
    desk.goto(f"{live_server.url}/director/rounds/{round.pk}/")
    desk.get_by_role("button", name="Close the lists").click()
    desk.get_by_role("link", name="Check, then run").click()
    expect(desk.get_by_role("heading", name="Check Match Day 2027 before the run")).to_be_visible()
    screenshot(desk, "match-day-02-check")
    desk.get_by_role("button", name="Run the round").click()
    expect(desk.get_by_role("heading", name="Review Match Day 2027")).to_be_visible()
    screenshot(desk, "match-day-03-review")

    # Why did Sam get Dr Brooks?
    desk.get_by_role("link", name="Sam Lee").first.click()
    expect(
        desk.get_by_text(re.compile(r"Matched to your 2nd choice, Dr Ben Brooks\."))
    ).to_be_visible()
    expect(
        desk.get_by_text(
            re.compile(
                r"Your 1st, Dr Ana Alvarez, was full with a mentee Dr Ana Alvarez ranked higher \(Tia Moss\)"
            )
        )
    ).to_be_visible()
    expect(desk.get_by_text("Her airway course, and how calm she is.")).to_be_visible()
    screenshot(desk, "match-day-04-why")

    # A move needs a reason: without one the form says so and keeps the choice.
    desk.get_by_label("Move them to").select_option(label="Dr Cara Chen (0 of 1 places taken)")
    desk.get_by_role("button", name="Move Sam Lee").click()
    expect(desk.get_by_label("Move them to")).to_have_value(str(cara.pk))
    desk.get_by_label("Why this move?").fill("Dr Chen runs the research Sam asked about.")
    desk.get_by_role("button", name="Move Sam Lee").click()
    expect(
        desk.get_by_text(re.compile("Sam Lee and Dr Ben Brooks would both prefer each other"))
    ).to_be_visible()
    screenshot(desk, "match-day-05-moved")

    # Publish: one action, every result at once.
    desk.goto(f"{live_server.url}/director/rounds/{round.pk}/publish/")
    mail.outbox.clear()
    desk.get_by_role("button", name=re.compile(r"Publish: pair 2 people")).click()
    expect(desk.get_by_role("heading", name="What publishing did")).to_be_visible()
    screenshot(desk, "match-day-06-published")
    assert set(
        Pairing.objects.filter(origin=Pairing.Origin.MATCHING).values_list("mentee", "mentor")
    ) == {(sam.pk, cara.pk), (tia.pk, ana.pk)}
    assert {m.to[0] for m in mail.outbox} >= {
        "sam@example.com",
        "tia@example.com",
        "ana@example.com",
        "cara@example.com",
    }

    # Sam sees their mentor.
    page = _on_a_phone(browser, live_server, sam.user)
    page.goto(f"{live_server.url}/rounds/{round.pk}/")
    expect(page.get_by_text(re.compile("Your mentor is Dr Cara Chen"))).to_be_visible()
    screenshot(page, "match-day-07-result-phone")
