"""The people's side of pairings: the list, and each step of a pairing's life
(confirm, pause, resume, end, reflect). The pairing's own page, which shows its
meetings, is meetings/views/pairing.py. Every change goes through the services;
directors use the admin, so anyone but the two people gets a 404.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User

from .. import services
from ..forms import (
    EndForm,
    ReflectForm,
)
from ..models import Pairing
from ..services import PairingError


@require_GET
def pairing_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    pairings = sorted(
        Pairing.objects.involving(user).select_related("mentor__user", "mentee__user", "program"),
        key=lambda p: p.status == Pairing.Status.ENDED,  # current ones first, newest first within
    )
    context = {
        "as_mentee": [p for p in pairings if p.mentee.user_id == user.pk],
        "as_mentor": [p for p in pairings if p.mentor.user_id == user.pk],
    }
    return render(request, "pairings/pairing_list.html", context)


def _pairing(request: HttpRequest, pk: int) -> Pairing:
    return get_object_or_404(
        Pairing.objects.involving(request.user).select_related(
            "mentor__user", "mentee__user", "mentee__program", "program", "request"
        ),
        pk=pk,
    )


def _sides(pairing: Pairing, user: User) -> tuple[str, str]:
    side = pairing.side_of(user)
    return side, pairing.other_side_of(user)


@require_POST
def pairing_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    side, other_side = _sides(pairing, request.user)
    other = getattr(pairing, other_side).user.name
    try:
        pairing = services.pairing_confirm(pairing=pairing, by=request.user)
    except PairingError as error:
        messages.error(request, error.message)
        return redirect(pairing)
    if pairing.status == Pairing.Status.ACTIVE:
        messages.success(
            request,
            f"You and {other} are paired. Your e-mail addresses are below, so one of you "
            "can suggest a first meeting.",
        )
    elif getattr(pairing, f"{other_side}_confirmed_at") is None:
        messages.success(
            request, f"Thank you for confirming. We'll e-mail you both once {other} has too."
        )
    else:
        messages.success(
            request,
            "Thank you for confirming. A program director looks at this pairing before it "
            "starts; you'll both hear by e-mail.",
        )
    return redirect(pairing)


def _pause_or_resume(request: HttpRequest, pk: int, service, success: str) -> HttpResponse:
    """Pause or resume: call the service, then say what happened. `success` may
    name the other person as {other}."""
    pairing = _pairing(request, pk)
    other = getattr(pairing, _sides(pairing, request.user)[1]).user.name
    try:
        service(pairing=pairing, by=request.user)
    except PairingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success.format(other=other))
    return redirect(pairing)


@require_POST
def pairing_pause(request: HttpRequest, pk: int) -> HttpResponse:
    return _pause_or_resume(
        request,
        pk,
        services.pairing_pause,
        "The pairing is paused, and we've let {other} know. Your place together stays "
        "held; resume whenever you're both ready.",
    )


@require_POST
def pairing_resume(request: HttpRequest, pk: int) -> HttpResponse:
    return _pause_or_resume(
        request,
        pk,
        services.pairing_resume,
        "Welcome back. The pairing is active again, and we've let {other} know.",
    )


@require_http_methods(["GET", "POST"])
def pairing_end(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    if request.method == "GET" and pairing.status == Pairing.Status.ENDED:
        messages.info(request, "This pairing has already ended.")
        return redirect(pairing)
    side, other_side = _sides(pairing, request.user)
    form = EndForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.pairing_end(pairing=pairing, by=request.user, **form.cleaned_data)
        except PairingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"The pairing has ended, and we've let {getattr(pairing, other_side).user.name} "
                "know. Thank you for the time you gave each other.",
            )
            return redirect(pairing)
    context = {"pairing": pairing, "form": form, "ending": True, "side": side}
    return render(request, "pairings/pairing_close.html", context)


@require_http_methods(["GET", "POST"])
def pairing_reflect(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = _pairing(request, pk)
    side, other_side = _sides(pairing, request.user)
    if request.method == "GET" and not pairing.awaits_reflection_from(side):
        if pairing.status == Pairing.Status.ENDED:
            messages.info(request, "Your reflection is already saved.")
        else:
            messages.info(request, "Reflections come when a pairing ends.")
        return redirect(pairing)
    form = ReflectForm(request.POST if request.method == "POST" else None)
    if (
        form.is_valid()
        and pairing.status == Pairing.Status.ENDED
        and not pairing.awaits_reflection_from(side)
    ):
        # Each side adds theirs once; the other person may already have read it.
        form.add_error(None, "Your reflection is already saved; it is on the pairing page.")
    if form.is_valid():
        try:
            services.pairing_reflect(pairing=pairing, by=request.user, **form.cleaned_data)
        except PairingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"Your reflection is saved. {getattr(pairing, other_side).user.name} can read "
                "it on this page.",
            )
            return redirect(pairing)
    context = {"pairing": pairing, "form": form, "ending": False, "side": side}
    return render(request, "pairings/pairing_close.html", context)
