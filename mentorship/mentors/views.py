from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Subquery,
)
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import get_text_list
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mentorship.programs.models import Interest, Program
from mentorship.years.models import Appointment
from mentorship.years.terms import evaluative_terms_now

from .directory import in_taxonomy_order, is_first_year
from .forms import DirectoryFilterForm, MentorProfileForm, back_param
from .models import MentorProfile
from .services import mentor_pledge, mentor_set_programs

PER_PAGE = 20


def _cards(ids: list[int], user) -> list[MentorProfile]:
    """The mentors of one page, in the page's order, with their open places and
    interests; each interest says whether the viewer shares it (`shared`), so a card
    can say what you share without a query of its own."""
    interests = in_taxonomy_order(
        Interest.objects.annotate(
            shared=Exists(Interest.objects.filter(pk=OuterRef("pk"), mentee_profiles__user=user))
        )
    )
    mentors = (
        MentorProfile.objects.listed_for(user)
        .filter(pk__in=ids)
        .with_open_places()
        .with_near_peer_level()
        .select_related("user")
        .prefetch_related(
            Prefetch("interests", queryset=interests), evaluative_terms_now("user__role_terms")
        )
        .in_bulk()
    )
    cards = [mentors[pk] for pk in ids if pk in mentors]
    for mentor in cards:
        mentor.shared_names = [i.name for i in mentor.interests.all() if i.shared]
    return cards


def _viewer_level(user) -> tuple[str | None, int | None]:
    """The viewer's level as a mentee this year (their typed one until an appointment
    exists) and their program, in one query; (None, None) for someone who isn't one."""
    # Mentee profiles are a neighbouring app: reached by the user's reverse name.
    appointed = Appointment.objects.current().filter(
        user=OuterRef("pk"), year__program=OuterRef("mentee_profile__program")
    )
    row = (
        get_user_model()
        .objects.filter(pk=user.pk, mentee_profile__isnull=False)
        .annotate(appointed_level=Subquery(appointed.values("level")[:1]))
        .values_list("appointed_level", "mentee_profile__training_level", "mentee_profile__program")
        .first()
        if user.is_mentee
        else None
    )
    if row is None:
        return None, None
    appointed_level, typed_level, program = row
    return appointed_level or typed_level, program


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)
    form.is_valid()  # Whatever didn't clean is left out, never an error page.
    used = form.used()
    level, program = _viewer_level(request.user)
    matching = MentorProfile.objects.listed_for(request.user).matching(used)
    if level:
        # No near-peer at or below the mentee's own level (asking refuses them too).
        matching = matching.offered_to(level, programs=[program])
    ranked = matching.in_shared_order(request.user)
    # The order is worked out on the ids alone; only the page's 20 are read whole.
    paginator = Paginator(ranked.values_list("pk", flat=True), PER_PAGE)
    paginator.count = matching.count()  # counted without the joins the order needs
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = _cards(list(page.object_list), request.user)
    # The query string without the page, for links that keep the filters.
    query = request.GET.copy()
    query.pop("page", None)
    # This very page, for the mentors' pages to link back to.
    here = query.copy()
    if page.number > 1:
        here["page"] = str(page.number)
    context = {
        "form": form,
        "page": page,
        "filtered": bool(used),
        "query": query.urlencode(),
        "back": back_param(here.urlencode()),
        # Students, interns and CA-1s are offered near-peer mentors first.
        "offer_near_peers": is_first_year(level) and not used,
        "is_member": page.paginator.count > 0 or Program.objects.of_member(request.user).exists(),
    }
    return render(request, "mentors/mentorprofile_list.html", context)


@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_mentor:
        messages.info(request, "Tell us you'd like to mentor first.")
        return redirect("onboarding")
    # Only ever your own profile: there is no id in this URL.
    profile = MentorProfile.objects.filter(user=user).first()
    creating = profile is None
    form = MentorProfileForm(
        request.POST if request.method == "POST" else None,
        instance=profile or MentorProfile(user=user),
    )
    if form.is_valid():
        with transaction.atomic():
            profile = form.save()
            joined = mentor_set_programs(
                profile=profile, programs=form.cleaned_data["programs"], by=user
            )
        names = get_text_list([m.program.name for m in joined], "and")
        if creating:
            messages.success(
                request,
                f"Thank you. A director of {names} will look at your profile soon; "
                "you'll appear in the directory once it's approved, and we'll e-mail you.",
            )
        elif joined:
            messages.success(
                request,
                f"Your profile is saved. We've asked the directors of {names} to approve "
                "you there; you'll get an e-mail once you're listed.",
            )
        else:
            messages.success(request, "Your profile is saved.")
        return redirect(profile)
    return render(request, "mentors/mentorprofile_form.html", {"form": form, "creating": creating})


@require_POST
def pledge(request: HttpRequest) -> HttpResponse:
    """The mentor's yearly word that what they hear as a mentor stays out of evaluations.
    Only ever your own profile: there is no id in this URL."""
    profile = MentorProfile.objects.filter(user=request.user).first()
    if profile is None:
        messages.info(request, "Write your mentor profile first.")
        return redirect("mentors:profile_edit")
    if mentor_pledge(profile=profile, by=request.user):
        messages.success(
            request,
            "Thank you. Residents of your programs now read on your profile that you "
            "don't evaluate them, unless you hold a role in which you do. We'll ask "
            "again next academic year.",
        )
    else:
        messages.info(request, "Join a program first: the word is given to its residents.")
    return redirect(profile)
