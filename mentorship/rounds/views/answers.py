"""A mentor's answers in a round: their places (0 to 5, or no preference), their
order of the mentees who listed them, and the mentees they shouldn't mentor, with
a reason only directors read. Each is a POST through one service; a refusal is a
message, with what was typed still in its field."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .. import services
from ..models import Exclusion
from ..templatetags.rounds import ordinal
from .mine import MarkForm, PlacesForm, as_mentor, back_to_page, listed, page, posted_id


@require_POST
def places(request: HttpRequest, pk: int) -> HttpResponse:
    part = as_mentor(request, pk)
    form = PlacesForm(request.POST, auto_id="places-%s")
    if form.is_valid():
        capacity = form.cleaned_data["capacity"]
        try:
            services.seat_confirm(
                round=part.round,
                by=request.user,
                capacity=capacity,
                no_preference=form.cleaned_data["no_preference"],
            )
        except services.RoundError as error:
            messages.error(request, error.message)
        else:
            if capacity == 0:
                text = (
                    f"Thank you for letting us know: no new mentees for you in {part.round.name}."
                )
            else:
                text = (
                    f"Thank you: {capacity} new mentee{'s' if capacity != 1 else ''} at "
                    f"most for you in {part.round.name}. You can change it until "
                    f"{part.round.mentor_deadline:%-d %B}."
                )
            messages.success(request, text)
            return back_to_page(part.round, "places")
    return page(request, part, places=form)


@require_POST
def ranking(request: HttpRequest, pk: int) -> HttpResponse:
    """Move one mentee up or down the mentor's order: the order as the page shows it,
    with the move, becomes the mentor's ranking."""
    part = as_mentor(request, pk)
    order = [m for m in listed(part) if not m.mark_id]
    mentee_id = posted_id(request, "mentee")
    at = next((n for n, m in enumerate(order) if m.pk == mentee_id), None)
    if at is None:
        raise Http404
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        messages.error(request, "Choose Move up or Move down.")
        return back_to_page(part.round, f"mentee-{mentee_id}")
    to = at - 1 if direction == "up" else at + 1
    if 0 <= to < len(order):
        order[at], order[to] = order[to], order[at]
    try:
        services.mentor_ranking_set(
            round=part.round, by=request.user, mentee_ids=[m.pk for m in order]
        )
    except services.RoundError as error:
        messages.error(request, error.message)
    else:
        place, mentee = next((n, m) for n, m in enumerate(order, start=1) if m.pk == mentee_id)
        messages.success(request, f"{mentee.user.name} is {ordinal(place)} in your order now.")
    return back_to_page(part.round, f"mentee-{mentee_id}")


@require_POST
def mark(request: HttpRequest, pk: int) -> HttpResponse:
    part = as_mentor(request, pk)
    mentee_id = posted_id(request, "mentee")
    mentee = next((m for m in listed(part) if m.pk == mentee_id), None)
    if mentee is None:
        raise Http404
    form = MarkForm(request.POST, auto_id=f"mark-{mentee.pk}-%s")
    if form.is_valid():
        try:
            services.exclusion_add(
                round=part.round,
                mentor=part.seat.mentor,
                mentee=mentee,
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.RoundError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                f"You won't be matched with {mentee.user.name} in {part.round.name}. "
                "Only the directors read why.",
            )
            return back_to_page(part.round, f"mentee-{mentee.pk}")
    return page(request, part, marks={mentee.pk: form})


@require_POST
def unmark(request: HttpRequest, pk: int, exclusion_id: int) -> HttpResponse:
    part = as_mentor(request, pk)
    exclusion = get_object_or_404(
        Exclusion.objects.filter(
            round=part.round,
            mentor=part.seat.mentor,
            source=Exclusion.Source.MENTOR,
            created_by=request.user,
        ).select_related("round__program", "mentee__user"),
        pk=exclusion_id,
    )
    try:
        services.exclusion_remove(exclusion=exclusion, by=request.user)
    except services.RoundError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{exclusion.mentee.user.name} can be matched with you again.")
    return back_to_page(part.round, f"mentee-{exclusion.mentee_id}")
