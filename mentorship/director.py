"""The gate of every /director/ page: the admin's (active staff with two-step
verification on). Which programs a director sees is each page's `directed_by`.
It imports no app, so any app's director pages may use it."""

from functools import wraps

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


def director_page(view):
    """The admin's gate: staff, with two-step verification on."""

    @wraps(view)
    def gated(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not (user.is_active and user.is_staff):
            raise Http404("Not a director's page for you.")
        if not is_mfa_enabled(user):
            messages.info(
                request,
                "Program directors turn on two-step verification before opening their "
                "programs' pages. It takes a minute with an authenticator app.",
            )
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.path})}")
        return view(request, *args, **kwargs)

    return gated
