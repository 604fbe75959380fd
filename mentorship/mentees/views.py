from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from mentorship.years.services import appointment_set

from .forms import MenteeProfileForm
from .models import MenteeProfile


@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    """Write or edit your own mentee profile: always request.user's, never by id."""
    user = request.user
    if not user.is_mentee:
        messages.info(request, "Tell us you'd like a mentor first.")
        return redirect("onboarding")
    profile = MenteeProfile.objects.filter(user=user).first()
    first_time = profile is None
    # Someone the program brought in (an incoming class) starts at the level and in
    # the program it set: their form leaves both out and says what they are.
    upcoming = profile.upcoming_appointment() if profile else None
    form = MenteeProfileForm(
        request.POST if request.method == "POST" else None,
        instance=profile or MenteeProfile(user=user),
        level_set_by=upcoming,
    )
    if form.is_valid():
        with transaction.atomic():
            profile = form.save()
            if upcoming is None:
                # The level typed here is this year's appointment in the program.
                appointment_set(user=user, program=profile.program, level=profile.training_level)
        if first_time:
            messages.success(
                request,
                "Your profile is ready. Mentors will see what you're curious about "
                "when you ask them.",
            )
        else:
            messages.success(request, "Your profile is saved.")
        return redirect("home")
    return render(
        request,
        "mentees/menteeprofile_form.html",
        {"form": form, "first_time": first_time, "upcoming": upcoming},
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_object_or_404(
        MenteeProfile.objects.visible_to(request.user)
        .select_related("user", "program")
        .prefetch_related("interests"),
        pk=pk,
    )
    return render(
        request,
        "mentees/menteeprofile_detail.html",
        {
            "profile": profile,
            "prompts": profile.answered_prompts,
            "is_owner": profile.user_id == request.user.pk,
        },
    )
