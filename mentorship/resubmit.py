"""After a form comes back with a mistake, Back shows the app, never the
browser's "Confirm form resubmission" page.

A form that comes back with its mistakes marked is the answer to a POST: in the
browser's history it is a page that can only be shown again by posting again.
So when a browser's own form submission (a navigation: `Sec-Fetch-Mode:
navigate`) gets a page back instead of a redirect, the page is kept in the
session and the browser is sent to fetch it with a GET (303 See Other), which
shows it once, exactly as it was drawn. The history then holds only GETs, and
Back from the page after the fixed submit lands on the form as the app draws it.
Requests that aren't a browser's navigation (scripts, the test client) get the
page at once, as before.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

KEY = "pages_after_post"
KEPT = 5  # one per tab is plenty


class PostRedirectGetMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "GET" and (page := self._kept_page(request)):
            return page
        response = self.get_response(request)
        if self._is_a_page_answering_a_form(request, response):
            return self._keep(request, response)
        return response

    @staticmethod
    def _is_a_page_answering_a_form(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            request.method == "POST"
            and request.headers.get("Sec-Fetch-Mode") == "navigate"
            and response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and hasattr(request, "session")
            and "Content-Disposition" not in response
        )

    @staticmethod
    def _keep(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        path = request.get_full_path()
        pages = {k: v for k, v in request.session.get(KEY, {}).items() if k != path}
        pages[path] = {
            "user": request.user.pk,
            "html": response.content.decode(response.charset),
            "content_type": response["Content-Type"],
        }
        request.session[KEY] = dict(list(pages.items())[-KEPT:])
        redirect = HttpResponseRedirect(path, status=303)
        redirect.cookies = response.cookies
        return redirect

    @staticmethod
    def _kept_page(request: HttpRequest) -> HttpResponse | None:
        session = getattr(request, "session", None)
        if session is None or KEY not in session:
            return None
        pages = dict(session[KEY])
        page = pages.pop(request.get_full_path(), None)
        if page is None:
            return None
        session[KEY] = pages  # shown once: a reload draws the form afresh
        if page["user"] != request.user.pk:
            return None
        return HttpResponse(page["html"], content_type=page["content_type"])
