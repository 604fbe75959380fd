from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.http import require_GET, require_http_methods

from .forms import RolesForm
from .models import User
from .services import user_set_roles


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "accounts/welcome.html")
    user = request.user
    if user.onboarded_at is None:
        return redirect("onboarding")
    context = {"mfa_enabled": is_mfa_enabled(user)}
    if user.is_director:
        context["people"] = User.objects.filter(is_active=True).aggregate(
            mentors=Count("pk", filter=Q(is_mentor=True)),
            mentees=Count("pk", filter=Q(is_mentee=True)),
            not_onboarded=Count("pk", filter=Q(onboarded_at__isnull=True)),
        )
    return render(request, "accounts/dashboard.html", context)


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
        if first_time:
            messages.success(
                request,
                f"Welcome, {user.get_short_name()}. Here is your home in the program; "
                "it grows as you meet people.",
            )
        else:
            messages.success(request, "Your roles are saved.")
        return redirect("home")
    return render(request, "accounts/onboarding.html", {"form": form, "first_time": first_time})


@login_not_required
@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("img/favicon.svg"), permanent=True)
