"""Keeping or carrying a commitment, from the pairing page (or wherever the
person came from). Commitments come through Commitment.objects.visible_to, so
anyone but the two people gets a 404; every write goes through services."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import formats, timezone
from django.views.decorators.http import require_POST

from mentorship.redirects import redirect_back
from mentorship.refusal import Refusal

from .. import services
from ..forms import CarryForm
from ..models import Commitment


def _commitment(request: HttpRequest, pk: int) -> Commitment:
    return get_object_or_404(
        Commitment.objects.visible_to(request.user).select_related("pairing"), pk=pk
    )


def _back(request: HttpRequest, commitment: Commitment) -> HttpResponse:
    """Back where the person came from, when that is a page of this site."""
    return redirect_back(request, request.POST.get("next"), commitment.pairing)


@require_POST
def commitment_done(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _commitment(request, pk)
    try:
        services.commitment_complete(commitment=commitment, by=request.user)
    except Refusal as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Done: “{commitment.what}”. That's a promise kept.")
    return _back(request, commitment)


@require_POST
def commitment_carry(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _commitment(request, pk)
    form = CarryForm(request.POST, today=timezone.localdate())
    if not form.is_valid():
        messages.error(
            request,
            f"“{commitment.what}” stays as it was: {form.errors['due_on'][0]}",
        )
        return _back(request, commitment)
    try:
        services.commitment_carry(
            commitment=commitment, by=request.user, due_on=form.cleaned_data["due_on"]
        )
    except Refusal as error:
        messages.error(request, error.message)
    else:
        due = formats.date_format(form.cleaned_data["due_on"], "j F")
        messages.success(request, f"Carried forward to {due}: “{commitment.what}”.")
    return _back(request, commitment)
