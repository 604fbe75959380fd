"""Going back where a person came from, when that is a page of this site.

A `next` value comes from the request, so anyone can craft it. Only a path of
this host is a target: one leading slash (not `//` or `/\\`, which browsers
read as another host), no scheme, no host, no control characters. Anything
else falls back to a page the view names. The path is never looked up as a
URL name, so "2026-13-01" is not a NoReverseMatch.
"""

import unicodedata

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

# Django's own ceiling for a redirect target it will consider.
LONGEST = 2048


def local_path(request: HttpRequest, target: object) -> str | None:
    """`target` when it is a path of this site, otherwise None."""
    if not isinstance(target, str) or not 1 <= len(target) <= LONGEST:
        return None
    if not target.startswith("/") or target[1:2] in {"/", "\\"}:
        return None
    if any(unicodedata.category(char)[0] == "C" for char in target):
        return None
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    return target


def redirect_back(request: HttpRequest, target: object, fallback, *args) -> HttpResponseRedirect:
    """Redirect to `target` when it is a path of this site, otherwise to `fallback`
    (anything `redirect()` takes: a model, a URL name with its `args`, a URL)."""
    path = local_path(request, target)
    if path is not None:
        return HttpResponseRedirect(path)
    return redirect(fallback, *args)
