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
from mentorship.years.terms import RoleTerm, evaluative_terms_now

from .. import services
from ..asking import asking_status
from ..forms import RequestForm
from ..models import MentorshipRequest
from ..services import PairingError

ROLE_PHRASES = {
    RoleTerm.Role.PROGRAM_DIRECTOR.label: "a residency program director",
    RoleTerm.Role.ASSOCIATE_PROGRAM_DIRECTOR.label: "an associate program director",
    RoleTerm.Role.CCC_MEMBER.label: "a Clinical Competency Committee member",
    RoleTerm.Role.CCC_CHAIR.label: "the Clinical Competency Committee's chair",
}


def _roles_phrase(roles: list[str]) -> str:
    """“a residency program director and a Clinical Competency Committee member”."""
    phrases = [ROLE_PHRASES.get(label, label.lower()) for label in roles]
    if len(phrases) > 1:
        return ", ".join(phrases[:-1]) + " and " + phrases[-1]
    return phrases[0] if phrases else ""


def _roles_for(mentor: MentorProfile, mentee) -> list[str]:
    """The mentor's evaluative roles in force today: in the viewer's program when the
    viewer is a mentee there (the conflict rule's program), else in any program."""
    if mentee is not None:
        return mentor.evaluative_roles_in(mentee.program_id)
    return mentor.evaluative_roles


@require_GET
def mentor_page(request: HttpRequest, pk: int) -> HttpResponse:
    mentor = get_object_or_404(
        MentorProfile.objects.visible_to(request.user)
        .with_open_places()
        .with_near_peer_level()
        .select_related("user")
        .with_memberships()
        .prefetch_related("interests", evaluative_terms_now("user__role_terms")),
        pk=pk,
    )
    asking = asking_status(request.user, mentor)
    # The viewer as a mentee who could ask (None for the owner, a director, …).
    mentee = asking.mentee if asking else None
    roles = _roles_for(mentor, mentee)
    is_owner = mentor.user_id == request.user.pk
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
        "is_owner": is_owner,
        # The owner's yearly word, asked again until given for each program's year.
        "pledge_due": is_owner
        and any(not mentor.has_pledged_in(m.program_id) for m in mentor.memberships.all()),
        "interests_by_category": interests_by_category,
        "prompts": mentor.answered_prompts,
        "roles_phrase": _roles_phrase(roles),
        "asking": asking,
        # Said to a mentee only: the mentor's yearly word, and no evaluative role
        # in the mentee's program today.
        "does_not_evaluate": mentee is not None
        and not roles
        and mentor.has_pledged_in(mentee.program_id),
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
    context = {
        "mentor": mentor,
        "asking": asking,
        "form": form,
        "once": form_token(request),
        "evaluative_roles": mentor.evaluative_roles_in(asking.mentee.program_id),
    }
    return render(request, "pairings/mentorshiprequest_form.html", context)
