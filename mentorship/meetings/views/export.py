"""A person's export of their own notes and commitments (mentorship/meetings/export.py)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..export import FORMATS, export_file


@require_GET
def export(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("format")
    if kind not in FORMATS:
        # No format chosen yet: the page that offers both. An unknown one: the same, as a 400.
        status = 400 if kind else 200
        return render(request, "meetings/export.html", {"unknown": kind}, status=status)
    content, content_type, filename = export_file(request.user, kind)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
