"""Match Day's director pages in a real browser, at a desk (1280 px) and on a small
phone (360 px): nothing makes the page scroll sideways (wide tables scroll in their
own region), and the chair's report prints without the site's menus or buttons."""

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from mentorship.rounds import services
from tests.factories import add_totp
from tests.rounds.director_support import solved_round

pytestmark = pytest.mark.django_db(transaction=True)

SIZES = {"desk": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}


def open_as(browser, live_server, user, size: str):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    context = browser.new_context(viewport=SIZES[size], device_scale_factor=1)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def fits(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("size", ["desk", "phone"])
def test_the_directors_round_pages_fit_a_desk_and_a_phone(
    browser,
    live_server,
    screenshot,
    program,
    director,
    sam,
    ana,
    noor,
    alex,
    chen,
    levin,
    park,
    grey,
    size,
):
    people = {
        "sam": sam,
        "ana": ana,
        "noor": noor,
        "alex": alex,
        "chen": chen,
        "levin": levin,
        "park": park,
        "grey": grey,
    }
    add_totp(director)
    round = solved_round(program, director, people)
    services.override_move(
        run=round.run, mentee=sam, to_mentor=park, by=director, reason="Regional, as he asked."
    )
    services.run_solve(
        round=round, by=director, what_if=True, changes={"capacities": {str(chen.pk): 2}}
    )
    tried = round.runs.get(is_draft=True)
    page = open_as(browser, live_server, director, size)
    base = f"{live_server.url}/director/rounds/{round.pk}"

    for name, path in [
        ("index", "/director/rounds/"),
        ("manage", f"/director/rounds/{round.pk}/"),
        ("check", f"/director/rounds/{round.pk}/check/"),
        ("review", f"/director/rounds/{round.pk}/review/"),
        ("mentee", f"/director/rounds/{round.pk}/mentees/{sam.pk}/"),
        ("mentor", f"/director/rounds/{round.pk}/mentors/{chen.pk}/"),
        ("what-if", f"/director/rounds/{round.pk}/runs/{tried.pk}/"),
        ("publish", f"/director/rounds/{round.pk}/publish/"),
        ("report", f"/director/rounds/{round.pk}/report/"),
    ]:
        page.goto(live_server.url + path)
        screenshot(page, f"match-day-{size}-{name}")
        assert fits(page), (size, name)

    page.goto(f"{base}/mentees/{sam.pk}/")
    assert page.get_by_text("Your 2nd, Dr Ari Levin, had room for you").is_visible()

    if size == "phone":
        return  # a printer's page is wider than a phone: the report prints from a desk
    page.goto(f"{base}/report/")
    page.emulate_media(media="print")
    screenshot(page, f"match-day-{size}-report-print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".round-nav").is_visible()
    assert page.get_by_role("heading", name="Runs and moves").is_visible()
    assert fits(page)
