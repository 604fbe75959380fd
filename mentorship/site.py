"""Where links in e-mail and calendar files point.

SITE_URL when it is set, as it is in production, where it always wins. Without
it, the address the current page was served on, so `make run PORT=8001` or a
`runserver` started by hand sends links that open the server that sent them;
outside a request, the address `make run` serves by default.
"""

from urllib.parse import urlsplit

from allauth.core import context
from django.conf import settings
from django.http import HttpRequest

DEFAULT_SITE_URL = "http://127.0.0.1:8000"


def site_url(request: HttpRequest | None = None) -> str:
    """The scheme and host links start with, without a trailing slash."""
    if settings.SITE_URL:
        return settings.SITE_URL
    # allauth's middleware keeps the request being served at hand.
    request = request or context.request
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return DEFAULT_SITE_URL


def absolute(path: str) -> str:
    return site_url() + path


class SiteRequest(HttpRequest):
    """A stand-in for the request an e-mail was queued in, for code that builds
    links from a request (allauth's) when the worker renders the e-mail."""

    def __init__(self, url: str):
        super().__init__()
        parts = urlsplit(url)
        self._site_scheme, self._site_host = parts.scheme, parts.netloc
        self.path = self.path_info = "/"
        self.META = {"SERVER_NAME": parts.hostname or "", "SERVER_PORT": str(parts.port or "")}

    def _get_scheme(self) -> str:
        return self._site_scheme

    def get_host(self) -> str:
        # The host came from settings or from a request that passed ALLOWED_HOSTS.
        return self._site_host
