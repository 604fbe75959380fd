from collections.abc import Callable

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
