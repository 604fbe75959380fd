"""axe-core on every page a browser test opens.

axe comes from axe-playwright-python, which bundles axe-core's script: nothing loads from a
CDN. Each context a test makes gets the script as an init script, and a small runner beside
it checks each page when it has loaded and reports back through an exposed binding. Both go
through the DevTools protocol, which the site's Content Security Policy (script-src 'self')
does not govern, so axe runs on the site's real pages under their real policy.

The check runs in the page, by itself, on the `load` event: a DevTools call made then could
be held by the browser until the next page arrives, if the test has already clicked on.
While a page is being checked, a route holds its next navigation, so a quick test can't
leave a page before its check is done; at the end of the test (and before a page or a
context closes) the watcher waits for checks still running.
"""

import re
from dataclasses import dataclass, field

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Error as PlaywrightError

# What fails a test. Moderate and minor findings are left to people to judge.
BLOCKING = ("serious", "critical")
# Every request but static files passes through the route (navigations are among them).
NOT_STATIC = re.compile(r"^(?!.*/static/)")
# How long a navigation or the end of a test waits for a check, in milliseconds.
PATIENCE = 15_000
# How long leaving a page waits for it to finish loading, so it can be checked.
LEAVING_PATIENCE = 3_000
POLL = 25

# Runs in every document of a watched context, after axe's own script. Only the top
# frame of a web page is checked: not about:blank, not a file shown instead of downloaded.
RUNNER = """
if (window === window.top && /^https?:$/.test(location.protocol)) {
  const report = window.__axeReport;
  report("loading", location.href);
  window.addEventListener("load", () => {
    if (document.contentType !== "text/html") {
      report("skipped", location.href);
      return;
    }
    report("checking", location.href);
    axe.run(document, {resultTypes: ["violations"]}).then(
      (results) => report("checked", location.href, results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map((node) => node.target.join(" ")),
      }))),
      (error) => report("failed", location.href, String(error)),
    );
  });
}
"""


@dataclass(frozen=True)
class Finding:
    url: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        targets = "".join(f"\n    {target}" for target in self.targets)
        return f"{self.url}\n  {self.rule} ({self.impact}): {self.help}{targets}"


@dataclass
class AxeWatch:
    """Watches the contexts a test makes; `findings` holds what axe reported."""

    findings: list[Finding] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    contexts: list = field(default_factory=list)
    # What each page's current document is at: loading, checking, checked or skipped.
    states: dict = field(default_factory=dict)

    def watch_context(self, context) -> None:
        self.contexts.append(context)
        context.expose_binding("__axeReport", self._report)
        context.add_init_script(script=AXE_SCRIPT + RUNNER)
        context.route(NOT_STATIC, self._before_request)
        for page in context.pages:
            self._watch_page(page)
        context.on("page", self._watch_page)
        close = context.close

        def settle_then_close(*args, **kwargs):
            for page in list(context.pages):
                self.settle(page)
            return close(*args, **kwargs)

        context.close = settle_then_close

    def _watch_page(self, page) -> None:
        close = page.close

        def settle_then_close(*args, **kwargs):
            self.settle(page)
            return close(*args, **kwargs)

        page.close = settle_then_close

    def _report(self, source, event: str, url: str, result=None) -> None:
        page = source["page"]
        if event == "loading" and self.states.get(page, (None,))[0] == "loading":
            previous = self.states[page][1]
            self.errors.append(f"{previous} was left before it loaded, so axe never checked it.")
        self.states[page] = (event, url)
        if event == "checked":
            self.checked.append(url)
            self.findings.extend(
                Finding(url, v["id"], v["impact"], v["help"], tuple(v["targets"]))
                for v in result
                if v["impact"] in BLOCKING
            )
        elif event == "failed":
            self.errors.append(f"axe could not check {url}: {result}")

    def _before_request(self, route) -> None:
        request = route.request
        if request.is_navigation_request():
            try:
                frame = request.frame
            except PlaywrightError:  # a popup's first request has no frame yet
                frame = None
            if frame is not None and frame.parent_frame is None:
                self.settle(frame.page, leaving=True)
        route.fallback()

    def settle(self, page, *, leaving: bool = False) -> None:
        """Wait for the page's document to load and be checked. A document the test
        leaves while it is still loading (a redirect passed through, a click before
        the load event) gets LEAVING_PATIENCE to finish; one that doesn't was never
        shown to the person, and is not reported as a problem."""
        waiting_for = ("loading", "checking")
        waited = 0
        try:
            while self.states.get(page, (None,))[0] in waiting_for and waited < PATIENCE:
                state = self.states[page][0]
                if leaving and state == "loading" and waited >= LEAVING_PATIENCE:
                    self.states[page] = ("left while loading", self.states[page][1])
                    return
                page.wait_for_timeout(POLL)
                waited += POLL
        except PlaywrightError:  # closed meanwhile
            return
        state, url = self.states.get(page, (None, page.url))
        if state in waiting_for:
            self.errors.append(f"axe did not finish checking {url} in {PATIENCE} ms.")
            self.states[page] = ("given up", url)

    def settle_all(self) -> None:
        for context in self.contexts:
            try:
                pages = list(context.pages)
            except PlaywrightError:  # closed already
                continue
            for page in pages:
                self.settle(page)

    def report(self) -> str:
        lines = [*self.errors]
        if self.findings:
            lines.append(
                f"axe-core found {len(self.findings)} serious or critical accessibility problem(s):"
            )
            lines.extend(map(str, self.findings))
        return "\n\n".join(lines)
