"""The invitation's link: one page that confirms the address, sets a password
and signs the person in, landing on their profile.

Every way the link can go wrong (a mistyped or older link, expired, already
used, someone else signed in on this browser) gets a page that says so and what
to do next; none makes an account, since the account was made with the
invitation."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .forms import JoinForm
from .models import Invitation
from .services import InvitationRefusal, invitation_accept, invitation_opened

BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@login_not_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    invitation = Invitation.objects.select_related("program", "user").filter(pk=pk).first()
    send = invitation.key_send(key) if invitation else None
    if send is None:
        return _problem(request, "unknown", invitation=None, status=404)
    if invitation.joined_at:
        if request.user == invitation.user:
            return redirect("mentees:profile_edit")
        return _problem(request, "joined", invitation)
    if send != invitation.times_sent:
        return _problem(request, "replaced", invitation, status=410)
    if invitation.state() == Invitation.State.EXPIRED:
        return _problem(request, "expired", invitation, status=410)
    if request.user.is_authenticated and request.user != invitation.user:
        return _problem(request, "someone_else", invitation, status=403)

    user = invitation.user
    form = JoinForm(
        request.POST if request.method == "POST" else None,
        initial={"name": invitation.name},
        user=user,
    )
    if request.method == "GET":
        invitation_opened(invitation=invitation)
    elif form.is_valid():
        try:
            with transaction.atomic():
                user = invitation_accept(invitation=invitation, name=form.cleaned_data["name"])
                user.set_password(form.cleaned_data["password1"])
                user.save(update_fields=["password"])
        except InvitationRefusal as refusal:
            return _problem(request, refusal.code, invitation, status=410)
        login(request, user, backend=BACKEND)
        messages.success(
            request,
            f"Welcome, {user.get_short_name()}. You're in. Start with what you're curious "
            "about: a few lines are enough, and mentors read them when you ask.",
        )
        return redirect("mentees:profile_edit")
    return render(request, "invitations/join.html", {"invitation": invitation, "form": form})


def _problem(request, reason: str, invitation, status: int = 200) -> HttpResponse:
    directors = list(invitation.program.directors.all()) if invitation else []
    return render(
        request,
        "invitations/join_problem.html",
        {"reason": reason, "invitation": invitation, "directors": directors},
        status=status,
    )
