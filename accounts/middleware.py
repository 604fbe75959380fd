import time
from collections.abc import Callable

from allauth.usersessions.models import UserSession
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control


class NoStoreMiddleware:
    """Keep signed-in pages and account pages out of every cache.

    A resident may read the app on a shared workstation; the back button or a
    proxy must not show the next person someone else's pairings or notes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        confidential = request.user.is_authenticated or request.path.startswith(
            ("/accounts/", "/admin/")
        )
        if confidential:
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response


# A signed-in session is written at most this often by page views alone.
SEEN_EVERY = 60 * 60  # seconds
SEEN_AT = "seen_at"


class SeenHourlyMiddleware:
    """Keep a signed-in session alive, and its "last seen" current, with at most
    one write an hour.

    A session lasts two weeks of inactivity: saving it moves its expiry on. Doing
    that, and allauth's activity tracking, on every page view meant two write
    transactions for pages that change nothing. Here both happen on the first
    page of each hour; within the hour a page view only reads.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if request.user.is_authenticated and session.session_key:
            now = int(time.time())
            if now - session.get(SEEN_AT, 0) >= SEEN_EVERY:
                session[SEEN_AT] = now  # saved by SessionMiddleware, expiry moved on
                UserSession.objects.create_from_request(request)
        return self.get_response(request)
