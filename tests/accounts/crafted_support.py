"""The machinery of the crafted-input sweep: find the pages a person can open by
following links from the URLconf's pages, read their forms from the HTML, and
send each form back with crafted values, undoing every change afterwards."""

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

HOST = "testserver"
ADDRESSES = ["//evil.example", "http://evil.example/", "javascript:alert(1)", "\\\\evil"]
CRAFTED = [
    "2026-13-01",
    *ADDRESSES,
    "²",
    "-1",
    "99999999999999999999",
    "' OR 1=1 --",
    "<script>",
    "",
    "x" * 20_000,
    "\x00",
]
# A box a person types into reads an address or markup like any other text, so
# such a field gets one of those when it is crafted alone (and all of them with
# every field at once); hidden fields, where addresses lead, get every value.
TYPED = [value for value in CRAFTED if value not in ADDRESSES and value != "<script>"]
# Pages of one URL pattern opened at most this many times (three pairings, three
# users' change pages…): more of the same adds time, not forms.
PAGES_PER_PATTERN = 3
REDIRECTS = {301, 302, 303, 307, 308}


# --- the URLconf ------------------------------------------------------------------


def url_names() -> set[str]:
    """Every named pattern of the URLconf, with its namespace ("meetings:pairing")."""

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                inner = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns, None))


def url_name_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name if match.url_name else match.route


# --- forms and links in a page ----------------------------------------------------


@dataclass
class Form:
    page: str
    method: str
    action: str
    # In page order, as a browser sends them; None for a box left unticked or a
    # select with nothing chosen: a name to craft that sends nothing by itself.
    fields: list[tuple[str, str | None]] = field(default_factory=list)
    hidden: set[str] = field(default_factory=set)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # named submit buttons
    # Free-text boxes and yes-or-no boxes: each behaves like the others of its form.
    alike: dict[str, str] = field(default_factory=dict)
    # The first value of boxes with values left unticked (the admin's rows).
    offered: dict[str, str] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        seen = [name for name, _ in self.fields] + [name for name, _ in self.buttons]
        return list(dict.fromkeys(seen))

    @property
    def kinds(self) -> list[str]:
        """One name of each kind: `c1_what` stands for `c2_what`, `done_7` for `done_9`,
        the first free-text box for the others, the first yes-or-no box for the others."""
        firsts: dict[str, str] = {}
        for name in self.names:
            firsts.setdefault(self.alike.get(name) or numbered(name), name)
        return list(firsts.values())

    @property
    def endpoint(self) -> tuple[str, str | None]:
        name = url_name_of(urlsplit(self.action).path) or ""
        # An admin's add and change pages send the same form.
        return (self.method, re.sub(r"^(admin:.*)_(add|change)$", r"\1_form", name))

    @property
    def shape(self) -> frozenset[str]:
        # A search form's hidden fields only carry the query its page was opened
        # with (the admin's ?o=2, ?_facets): one such form per address is enough.
        if self.method == "get":
            return frozenset()
        return frozenset(numbered(name) for name in self.names)


def numbered(name: str) -> str:
    return re.sub(r"\d+", "#", name)


class PageParser(HTMLParser):
    """The links and the forms of a page, with what a browser would send."""

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: tuple[str, bool, list[tuple[str, bool]]] | None = None
        self._option: list | None = None
        self._textarea: list | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "a" and "href" in a:
            self.links.append(urljoin(self.url, a["href"]))
        elif tag == "form":
            action = urljoin(self.url, a.get("action") or self.url)
            self._form = Form(self.url, (a.get("method") or "get").lower(), action)
        elif self._form is None or "disabled" in a:
            return
        elif tag == "input" and a.get("name"):
            self._input(a)
        elif tag == "button" and a.get("name") and a.get("type", "submit") == "submit":
            self._form.buttons.append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select = (a["name"], "multiple" in a, [])
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value"), "selected" in a, ""]
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]
            self._form.alike[a["name"]] = "free text"

    def _input(self, a):
        kind = a.get("type", "text").lower()
        name, value = a["name"], a.get("value", "")
        if kind in {"submit", "image"}:
            self._form.buttons.append((name, value))
        elif kind in {"checkbox", "radio"}:
            if kind == "checkbox" and "value" not in a:
                self._form.alike[name] = "yes or no"
            if "checked" in a:
                self._form.fields.append((name, value or "on"))
            elif all(n != name for n, _ in self._form.fields):
                self._form.fields.append((name, None))
            if "value" in a:
                self._form.offered.setdefault(name, value)
        elif kind not in {"button", "reset", "file"}:
            self._form.fields.append((name, value))
            if kind == "hidden":
                self._form.hidden.add(name)

    def handle_data(self, data):
        if self._option is not None:
            self._option[2] += data
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "option" and self._option is not None and self._select is not None:
            value, selected, text = self._option
            self._select[2].append((text.strip() if value is None else value, selected))
            self._option = None
        elif tag == "select" and self._select is not None and self._form is not None:
            name, multiple, options = self._select
            chosen = [v for v, selected in options if selected and v]
            if not chosen and options and not multiple:
                # A real choice, rather than the "---------" a browser would send,
                # lets the other fields go further (an admin action runs).
                chosen = [next((v for v, _ in options if v), options[0][0])]
            self._form.fields.extend((name, v) for v in chosen)
            if not chosen:
                self._form.fields.append((name, None))
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            name, text = self._textarea
            self._form.fields.append((name, text.removeprefix("\n")))
            self._textarea = None
        elif tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None


def local(url: str) -> str | None:
    """The path and query of a link into this site, None for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in {"", "http", "https"} or parts.netloc not in {"", HOST}:
        return None
    if not parts.path.startswith("/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def not_a_path_here(location: str) -> bool:
    """True unless a redirect's Location is a path of this site (or a URL of this host):
    not another host, not `//host` or `\\host` (which browsers read as one), not an
    address relative to the page ("2026-13-01")."""
    browser_reads = location.replace("\\", "/")
    parts = urlsplit(browser_reads)
    if parts.scheme or parts.netloc:
        return parts.scheme not in {"http", "https"} or parts.netloc != HOST
    if re.search(r"[\x00-\x1f\x7f]", location):
        return True
    return not browser_reads.startswith("/") or browser_reads.startswith("//")


# --- crawling ---------------------------------------------------------------------


@dataclass
class Site:
    pages: dict[tuple, int] = field(default_factory=dict)  # (path, parameters) -> status
    forms: list[Form] = field(default_factory=list)
    reached: set[str] = field(default_factory=set)  # URL names opened or posted to
    problems: list[str] = field(default_factory=list)
    shapes: dict = field(default_factory=dict)

    def add(self, forms: list[Form], shapes: dict) -> None:
        """Keep the forms not seen yet (here or in another person's crawl): the same
        form for another row or another person adds nothing new."""
        for form in forms:
            seen = shapes.setdefault(form.endpoint, [])
            if not any(form.shape <= shape for shape in seen):
                seen.append(form.shape)
                self.forms.append(form)
            if (action := url_name_of(urlsplit(form.action).path)) is not None:
                self.reached.add(action)


def crawl(
    client: Client,
    starts: list[str],
    shapes: dict | None = None,
    limit: int = 400,
) -> Site:
    """Open every page reachable from `starts` by links and redirects, and keep the
    forms not in `shapes` (the forms found already, by another person's crawl too)."""
    site = Site()
    queue = list(dict.fromkeys(starts))
    opened: Counter = Counter()
    shapes = {} if shapes is None else shapes
    while queue:
        if len(site.pages) >= limit:
            site.problems.append(f"stopped after {limit} pages: raise the limit")
            break
        url = queue.pop(0)
        parts = urlsplit(url)
        path, name = parts.path, url_name_of(parts.path)
        # A page once per path and set of parameters: /accounts/login/?next=… has
        # a field that /accounts/login/ lacks; ?o=1 and ?o=2 add nothing.
        page = (path, frozenset(key for key, _ in parse_qsl(parts.query)))
        if page in site.pages or opened[name] >= PAGES_PER_PATTERN:
            continue
        opened[name] += 1
        try:
            response = client.get(url)
        except Exception as error:  # the test client re-raises what a view let through
            site.problems.append(f"GET {url}: {type(error).__name__}: {error}"[:300])
            site.pages[page] = 500
            continue
        site.pages[page] = response.status_code
        if name is not None and response.status_code == 200:
            site.reached.add(name)
        if response.status_code in REDIRECTS:
            location = response["Location"]
            if not_a_path_here(location):
                site.problems.append(
                    f"GET {url}: redirects to {location!r}, not a path of this site"
                )
            elif (target := local(urljoin(url, location))) is not None:
                queue.append(target)
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = PageParser(f"http://{HOST}{url}")
        parser.feed(response.content.decode())
        site.add(parser.forms, shapes)
        queue.extend(target for link in parser.links if (target := local(link)) is not None)
    site.shapes = shapes
    return site


# --- sending crafted forms --------------------------------------------------------


def base_of(form: Form, good: dict[str, str]) -> dict[str, list[str]]:
    """What the form sends as the page has it, with an empty field filled from `good`
    and, where nothing is ticked, the first box with a value ticked: with a row
    chosen, an admin action runs (or asks its question on a page of its own)."""
    base: dict[str, list[str]] = {}
    for name, value in form.fields:
        values = base.setdefault(name, [])
        if not value and name in good:
            base[name] = [good[name]]
        elif value is not None:
            values.append(value)
    for name, value in form.offered.items():
        if not base.get(name):
            base[name] = [value]
    return base


def submissions(form: Form, good: dict[str, str]) -> Iterator[tuple[str, dict]]:
    """(what was crafted, the data) for each crafted value: every hidden field at once;
    every field at once (once for each button the form can be sent with); then each
    field in turn, one of each kind, the others as the page had them (or as `good`
    fills them in when the page left them empty)."""
    base = base_of(form, good)
    # A button's value is never read, only which one was pressed. The admin's
    # "_save", "_continue", "_addanother" choose only the page that follows a save.
    buttons = [b for b in form.buttons if not b[0].startswith("_")] or form.buttons[:1]
    variants = [{**base, name: [value]} for name, value in buttons] or [base]
    pressed = {name for name, _ in form.buttons}
    # The CSRF token is crafted with the other hidden fields; alone it is only ever
    # read by the CSRF middleware, which refuses a wrong one.
    hidden = [n for n in form.hidden if n != "csrfmiddlewaretoken"]
    # Yes-or-no boxes read any value as "yes": every-field-at-once covers them.
    in_turn = [
        n
        for n in form.kinds
        if n != "csrfmiddlewaretoken" and n not in pressed and form.alike.get(n) != "yes or no"
    ]
    every = [n for n in form.names if n not in pressed]
    # With a single field, every field at once is that field in turn.
    several = len(set(every) - {"csrfmiddlewaretoken"}) > 1 or len(variants) > 1
    for value in CRAFTED:
        label = repr(value[:20])
        if hidden or not in_turn:
            crafted = dict.fromkeys([*hidden, "csrfmiddlewaretoken"], [value])
            yield (f"every hidden field = {label}", {**variants[0], **crafted})
        if several:
            for variant in variants:
                yield (f"every field = {label}", {**variant, **dict.fromkeys(every, [value])})
        for name in in_turn:
            if name in form.hidden or value in TYPED:
                yield (f"{name} = {label}", {**variants[0], name: [value]})


@contextmanager
def undone(client: Client):
    """Whatever a request changes is rolled back, and the browser forgets it too:
    each crafted post meets the same pages, people and session."""
    cookies = {key: morsel.value for key, morsel in client.cookies.items()}
    try:
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        client.cookies.clear()
        for key, value in cookies.items():
            client.cookies[key] = value
        cache.clear()  # rate limits, counted in the cache


def send(client: Client, form: Form, data: dict, then=None) -> str | None:
    """Send one form; what went wrong, or None. `then(response)` reads the answer
    before its changes are undone."""
    url = local(form.action)
    label = f"{form.method.upper()} {url} (from {local(form.page)})"
    try:
        with undone(client):
            response = (client.post if form.method == "post" else client.get)(url, data)
            if then is not None:
                then(response)
    except Exception as error:  # the test client re-raises what a view let through
        return f"{label}: {type(error).__name__}: {error}"[:400]
    if response.status_code >= 500:
        return f"{label}: answered {response.status_code}"
    if response.status_code in REDIRECTS and not_a_path_here(response["Location"]):
        return f"{label}: redirects to {response['Location'][:80]!r}, not a path of this site"
    return None


def sweep(client: Client, site: Site, good: dict[str, str]) -> list[str]:
    """Send every form as the page has it, then crafted. A form sent as it is may
    answer with a page of its own (an admin action's question): its forms join in."""
    problems = list(site.problems)
    forms = site.forms
    for form in forms:  # grows while it runs

        def read(response, form=form):
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                parser = PageParser(form.action)
                parser.feed(response.content.decode())
                site.add(parser.forms, site.shapes)

        if (problem := send(client, form, base_of(form, good), then=read)) is not None:
            problems.append(f"{problem}\n    as the page has it")
        for crafted, data in submissions(form, good):
            if (problem := send(client, form, data)) is not None:
                problems.append(f"{problem}\n    with {crafted}")
    return problems
