"""A note's page, and its author's edit of it. Notes come through
Note.objects.readable_by (the author's own, and what the other person shared),
so anyone else gets a 404; every write goes through services."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from mentorship.refusal import Refusal

from .. import services
from ..forms import NoteForm
from ..models import Note


def _note(request: HttpRequest, pk: int, *, own: bool = False) -> Note:
    notes = Note.objects.readable_by(request.user)
    if own:
        notes = notes.filter(author=request.user)
    return get_object_or_404(
        notes.select_related(
            "author", "meeting__pairing__mentor__user", "meeting__pairing__mentee__user"
        ),
        pk=pk,
    )


@require_GET
def note(request: HttpRequest, pk: int) -> HttpResponse:
    note = _note(request, pk)
    pairing = note.meeting.pairing
    context = {
        "note": note,
        "meeting": note.meeting,
        "pairing": pairing,
        "other": pairing.other_person(request.user).user,
        "is_mine": note.author_id == request.user.pk,
    }
    return render(request, "meetings/note_detail.html", context)


@require_http_methods(["GET", "POST"])
def note_edit(request: HttpRequest, pk: int) -> HttpResponse:
    note = _note(request, pk, own=True)
    pairing = note.meeting.pairing
    other = pairing.other_person(request.user).user
    form = NoteForm(
        request.POST if request.method == "POST" else None,
        initial={"answer": note.answer, "shared": note.is_shared},
        question=note.get_prompt_display(),
        other_name=other.get_short_name(),
    )
    if form.is_valid():
        try:
            note = services.note_update(
                note=note,
                by=request.user,
                answer=form.cleaned_data["answer"],
                shared=form.cleaned_data["shared"],
            )
        except Refusal as error:
            form.add_error("answer", error.message)
        else:
            messages.success(
                request,
                f"Your note is saved. {other.name} can read it too."
                if note.is_shared
                else "Your note is saved. Only you can read it.",
            )
            return redirect(note)
    context = {"note": note, "meeting": note.meeting, "pairing": pairing, "other": other}
    return render(request, "meetings/note_form.html", {**context, "form": form})
