"""A real browser: Debian's Chromium driven by Playwright for Python.

Never `playwright install`: the browser comes from `apt-get install chromium`.
Without it these tests skip, except under CI, where they fail instead.

Every page a test opens, in every context, is checked with axe-core (accessibility.py);
a serious or critical finding fails the test.
"""

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # imported for real in the fixture, once Playwright is known to be there
    from tests.e2e.accessibility import AxeWatch

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"


def _missing_browser_reason() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -r requirements-dev.txt)"
    try:
        import axe_playwright_python  # noqa: F401
    except ImportError:
        return "axe-playwright-python is not installed (pip install -r requirements-dev.txt)"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _missing_browser_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"Browser tests cannot run under CI: {reason}")
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; the test's own
    # database calls are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def axe(request, browser, monkeypatch) -> Iterator["AxeWatch"]:
    """Watches every context the test makes, the `phone` fixture's and its own."""
    # Imported here: without Playwright the browser fixture has skipped already.
    from playwright.sync_api import Error as PlaywrightError

    from tests.e2e.accessibility import AxeWatch

    watch = AxeWatch()
    new_context = browser.new_context
    new_page = browser.new_page

    def watched_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        watch.watch_context(context)
        return context

    def watched_page(*args, **kwargs):
        page = new_page(*args, **kwargs)
        watch.watch_context(page.context)
        return page

    monkeypatch.setattr(browser, "new_context", watched_context)
    monkeypatch.setattr(browser, "new_page", watched_page)
    request.node.axe_watch = watch
    yield watch
    # Contexts a test left open would keep the live server's connections (and threads) alive.
    for context in watch.contexts:
        with contextlib.suppress(PlaywrightError):
            context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After a test that passed, its open pages are checked too, then the findings fail it."""
    result = yield
    watch = getattr(item, "axe_watch", None)
    if watch is not None:
        watch.settle_all()
        if watch.findings or watch.errors:
            pytest.fail(watch.report(), pytrace=False)
    return result


@pytest.fixture
def phone(browser, axe):
    """A page the size of a small phone, 360 px wide."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
