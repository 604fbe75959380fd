"""The app's pages, and /bench/plain/: one query, 20 rows, no template, nobody
signed in. The floor a page of this app can reach on the same machine."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.utils.html import escape

from mentorship.programs.models import Interest


@login_not_required
def plain(request: HttpRequest) -> HttpResponse:
    names = Interest.objects.order_by("pk").values_list("name", flat=True)[:20]
    items = "".join(f"<li>{escape(name)}</li>" for name in names)
    return HttpResponse(f"<!doctype html><title>Plain</title><ul>{items}</ul>")


urlpatterns = [
    path("bench/plain/", plain),
    path("", include("mentorship.urls")),
]
