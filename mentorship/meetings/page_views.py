"""The pages around the sessions: planning the next meeting, its calendar file,
the meeting and note pages, and a person's export of their own notes.

Meetings come through Meeting.objects.visible_to and notes through
Note.objects.readable_by, so anyone else gets a 404.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import User
from mentorship.once import already_made, form_token, posted_token
from mentorship.pairings.models import Pairing
from mentorship.refusal import Refusal

from . import services
from .calendar import meeting_ics
from .export import FORMATS, export_file
from .models import Commitment, Meeting, Note
from .page_forms import NoteForm, PlanForm

PEOPLE = ("pairing__mentor__user", "pairing__mentee__user")


def _other(pairing: Pairing, user: User) -> User:
    """The other person of the pairing."""
    return pairing.mentee.user if pairing.mentor.user_id == user.pk else pairing.mentor.user


def _when(value) -> str:
    local = timezone.localtime(value)
    return f"{formats.date_format(local, 'l j F')} at {formats.time_format(local, 'H:i')}"


@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, pairing_id: int) -> HttpResponse:
    pairing = get_object_or_404(
        Pairing.objects.involving(request.user).select_related(
            "mentor__user", "mentee__user", "program"
        ),
        pk=pairing_id,
    )
    if made := already_made(request, Meeting.objects.visible_to(request.user)):
        messages.info(
            request,
            "You planned this meeting already, so nobody got a second invitation. Here it is.",
        )
        return redirect(made)
    other = _other(pairing, request.user)
    if pairing.status != Pairing.Status.ACTIVE:
        messages.info(
            request,
            "Meetings are planned while a pairing is active. "
            + (
                "Resume it first, whenever you're both ready."
                if pairing.status == Pairing.Status.PAUSED
                else "This one isn't active."
            ),
        )
        return redirect(pairing)
    form = PlanForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_plan(
                pairing=pairing,
                by=request.user,
                starts_at=data["starts_at"],
                minutes=data["minutes"],
                format=data["format"],
                place=data["place"],
                form_token=posted_token(request),
            )
        except Refusal as error:
            form.add_error("date" if error.code == "in_the_past" else None, error.message)
        else:
            messages.success(
                request,
                f"Your next meeting is planned for {_when(meeting.starts_at)}. We've e-mailed "
                f"you and {other.name} a calendar file, and we'll remind you both the day before.",
            )
            return redirect(pairing)
    context = {"pairing": pairing, "other": other, "form": form, "once": form_token(request)}
    return render(request, "meetings/meeting_plan.html", context)


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related(*PEOPLE, "pairing__program"),
        pk=pk,
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    pairing = meeting.pairing
    user = request.user
    other = _other(pairing, user)
    notes = list(Note.objects.readable_by(user).filter(meeting=meeting).select_related("author"))
    # Yours first, then what the other person shared; each in the order of the questions.
    groups = [
        (person, [note for note in notes if note.author_id == person.pk])
        for person in (user, other)
    ]
    commitments = Commitment.objects.visible_to(user).filter(meeting=meeting)
    context = {
        "meeting": meeting,
        "pairing": pairing,
        "other": other,
        "note_groups": [(person, group) for person, group in groups if group],
        "commitments": list(commitments),
        "today": timezone.localdate(),
        "is_upcoming": meeting.status == Meeting.Status.PLANNED
        and meeting.starts_at >= timezone.now(),
        "can_log": pairing.status in (Pairing.Status.ACTIVE, Pairing.Status.PAUSED),
    }
    return render(request, "meetings/meeting_detail.html", context)


@require_GET
def ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mentorship-{day}.ics"'
    return response


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
        "other": _other(pairing, request.user),
        "is_mine": note.author_id == request.user.pk,
    }
    return render(request, "meetings/note_detail.html", context)


@require_http_methods(["GET", "POST"])
def note_edit(request: HttpRequest, pk: int) -> HttpResponse:
    note = _note(request, pk, own=True)
    pairing = note.meeting.pairing
    other = _other(pairing, request.user)
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
