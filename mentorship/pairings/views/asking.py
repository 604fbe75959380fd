"""Where asking starts: a mentor's page, with whether you may ask them and why
not, and the request form itself. The rules are pairings/asking.py's."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from mentorship.mentors.forms import directory_url
from mentorship.mentors.models import MentorProfile
from mentorship.once import already_made, form_token, posted_token
from mentorship.programs.models import Interest

from .. import services
from ..asking import asking_status
from ..forms import RequestForm
from ..models import MentorshipRequest
from ..services import PairingError


def _roles_phrase(mentor: MentorProfile) -> str:
    """“a residency program director and a Clinical Competency Committee member”."""
    roles = [
        phrase
        for flag, phrase in (
            (mentor.holds_program_director_title, "a residency program director"),
            (mentor.is_associate_program_director, "an associate program director"),
            (mentor.is_ccc_member, "a Clinical Competency Committee member"),
        )
        if flag
    ]
    if len(roles) > 1:
        return ", ".join(roles[:-1]) + " and " + roles[-1]
    return roles[0] if roles else ""


@require_GET
def mentor_page(request: HttpRequest, pk: int) -> HttpResponse:
    mentor = get_object_or_404(
        MentorProfile.objects.visible_to(request.user)
        .with_open_places()
        .with_near_peer_level()
        .select_related("user")
        .with_memberships()
        .prefetch_related("interests"),
        pk=pk,
    )
    labels = dict(Interest.Category.choices)
    interests_by_category: dict[str, list[Interest]] = {}
    for interest in mentor.interests.all():
        interests_by_category.setdefault(labels.get(interest.category, "Other"), []).append(
            interest
        )
    context = {
        "mentor": mentor,
        # The directory as the person left it, when they came from it.
        "directory_url": directory_url(request.GET.get("back", "")),
        "is_owner": mentor.user_id == request.user.pk,
        "interests_by_category": interests_by_category,
        "prompts": mentor.answered_prompts,
        "roles_phrase": _roles_phrase(mentor),
        "asking": asking_status(request.user, mentor),
        # The directory's filters, when the person came from it (`?back=`).
        "back": request.GET.get("back", ""),
    }
    return render(request, "pairings/mentor_page.html", context)


@require_http_methods(["GET", "POST"])
def request_create(request: HttpRequest, mentor_id: int) -> HttpResponse:
    user = request.user
    mine = MentorshipRequest.objects.involving(user).filter(mentee__user=user)
    if made := already_made(request, mine):
        messages.info(
            request, "You sent this request already, so nothing was sent twice. Here it is."
        )
        return redirect(made)
    mentor = get_object_or_404(
        MentorProfile.objects.visible_to(user)
        .with_open_places()
        .select_related("user")
        .prefetch_related("memberships"),
        pk=mentor_id,
    )
    if mentor.user_id == user.pk:
        messages.info(request, "This is your own profile: you can't ask yourself.")
        return redirect(mentor)
    if not user.is_mentee:
        messages.info(request, "To ask for a mentor, first tell us you'd like one.")
        return redirect("onboarding")
    asking = asking_status(user, mentor)
    if asking.mentee is None:
        messages.info(
            request,
            f"Write your profile first: {mentor.user.name} will read it with your request. "
            "A few lines are enough.",
        )
        return redirect("mentees:profile_edit")
    form = RequestForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            sent = services.request_create(
                mentee=asking.mentee,
                mentor=mentor,
                by=user,
                form_token=posted_token(request),
                **form.cleaned_data,
            )
        except PairingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"Your request is with {mentor.user.name}. You'll hear back by e-mail; "
                "most mentors answer within a week.",
            )
            return redirect(sent)
    context = {"mentor": mentor, "asking": asking, "form": form, "once": form_token(request)}
    return render(request, "pairings/mentorshiprequest_form.html", context)
