"""Onboarding (which roles a person takes) and the favicon."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.http import require_GET, require_http_methods

from .forms import RolesForm
from .models import User
from .services import user_set_roles


@require_http_methods(["GET", "POST"])
def onboarding(request: HttpRequest) -> HttpResponse:
    user = request.user
    first_time = user.onboarded_at is None
    # Not `request.POST or None`: with both boxes unticked the POST is empty.
    form = RolesForm(request.POST if request.method == "POST" else None, instance=user)
    if form.is_valid():
        user_set_roles(
            user=user,
            is_mentee=form.cleaned_data["is_mentee"],
            is_mentor=form.cleaned_data["is_mentor"],
        )
        next_step = _missing_profile_form(user)
        if first_time and next_step == "home":
            messages.success(
                request,
                f"Welcome, {user.get_short_name()}. Here is your home in the program; "
                "it grows as you meet people.",
            )
        elif first_time:
            messages.success(
                request,
                f"Welcome, {user.get_short_name()}. Start with your profile: a few lines "
                "are enough, and you can add more later.",
            )
        else:
            messages.success(request, "Your roles are saved.")
        return redirect(next_step)
    return render(request, "accounts/onboarding.html", {"form": form, "first_time": first_time})


def _missing_profile_form(user: User) -> str:
    """The URL name of the first profile form this person still has to fill in."""
    # Through the reverse relations: accounts imports no app above it.
    people = User.objects.filter(pk=user.pk)
    if user.is_mentee and not people.filter(mentee_profile__isnull=False).exists():
        return "mentees:profile_edit"
    if user.is_mentor and not people.filter(mentor_profile__isnull=False).exists():
        return "mentors:profile_edit"
    return "home"


@login_not_required
@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("img/favicon.svg"), permanent=True)
