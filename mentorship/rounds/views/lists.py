"""A mentee's list in a round: add a mentor (from their page or the directory),
move one up or down, take one off, say what drew them, say the list is ready.
Each is a POST through one service; a refusal is a message, and a note that
can't be saved comes back in its field."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST

from mentorship.redirects import redirect_back

from .. import services
from ..models import Choice, Seat
from ..templatetags.rounds import ordinal
from .mine import NoteForm, Part, as_mentee, back_to_page, page, posted_id


def _own_choice(part: Part, choice_id: int) -> Choice:
    return get_object_or_404(
        Choice.objects.filter(round=part.round, mentee=part.entrant.mentee).select_related(
            "round", "mentor__user"
        ),
        pk=choice_id,
    )


@require_POST
def add(request: HttpRequest, pk: int) -> HttpResponse:
    part = as_mentee(request, pk)
    seat = get_object_or_404(
        Seat.objects.filter(round=part.round).select_related("mentor__user"),
        mentor=posted_id(request, "mentor"),
    )
    mentor = seat.mentor
    back = request.POST.get("next")
    try:
        choice = services.choice_add(round=part.round, mentor=mentor, by=request.user)
    except services.RoundError as error:
        messages.error(request, error.message)
        return redirect_back(request, back, reverse("rounds:mine", args=[pk]) + "#add")
    messages.success(
        request,
        f"{mentor.user.name} is {ordinal(choice.rank)} on your list for {part.round.name}. "
        "Move them up or down on your Match Day page.",
    )
    return redirect_back(request, back, reverse("rounds:mine", args=[pk]) + f"#choice-{choice.pk}")


@require_POST
def move(request: HttpRequest, pk: int, choice_id: int) -> HttpResponse:
    part = as_mentee(request, pk)
    choice = _own_choice(part, choice_id)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, "Choose Move up or Move down.")
        return back_to_page(part.round, f"choice-{choice.pk}")
    try:
        moved = services.choice_move(choice=choice, by=request.user, up=direction == "up")
    except services.RoundError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, f"{choice.mentor.user.name} is {ordinal(moved.rank)} on your list now."
        )
    return back_to_page(part.round, f"choice-{choice.pk}")


@require_POST
def remove(request: HttpRequest, pk: int, choice_id: int) -> HttpResponse:
    part = as_mentee(request, pk)
    choice = _own_choice(part, choice_id)
    try:
        services.choice_remove(choice=choice, by=request.user)
    except services.RoundError as error:
        messages.error(request, error.message)
        return back_to_page(part.round, f"choice-{choice.pk}")
    messages.success(
        request, f"{choice.mentor.user.name} is off your list; those below moved up one."
    )
    return back_to_page(part.round, "list")


@require_POST
def note(request: HttpRequest, pk: int, choice_id: int) -> HttpResponse:
    part = as_mentee(request, pk)
    choice = _own_choice(part, choice_id)
    form = NoteForm(request.POST, auto_id=f"note-{choice.pk}-%s")
    if form.is_valid():
        try:
            services.choice_note(
                choice=choice, by=request.user, drew_you=form.cleaned_data["drew_you"]
            )
        except services.RoundError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                f"Saved what drew you to {choice.mentor.user.name}. Only the program "
                "directors read it.",
            )
            return back_to_page(part.round, f"choice-{choice.pk}")
    return page(request, part, notes={choice.pk: form})


@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    part = as_mentee(request, pk)
    try:
        services.list_submit(round=part.round, by=request.user)
    except services.RoundError as error:
        messages.error(request, error.message)
        return back_to_page(part.round, "ready")
    round = part.round
    messages.success(
        request,
        f"Thank you: your list is in. You can still change it until "
        f"{round.mentee_deadline:%-d %B}; everyone hears their result on "
        f"{round.publish_on:%-d %B}.",
    )
    return back_to_page(round, "list")
