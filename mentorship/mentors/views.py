from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import (
    Case,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import get_text_list
from django.views.decorators.http import require_GET, require_http_methods

from mentorship.programs.models import Interest, Program

from .forms import FORMAT_FIELDS, DirectoryFilterForm, MentorProfileForm, back_param
from .models import MentorProfile
from .services import mentor_set_programs

PER_PAGE = 20
# What a search reads; on PostgreSQL, MentorProfile.search_document (migration
# mentors/0003 lists them again, in this order).
SEARCH_FIELDS = [
    "user__name",
    "title",
    "division",
    "how_i_help",
    "wish_told",
    "ask_me_about",
    "learning_now",
]


def _search(mentors: QuerySet, q: str) -> QuerySet:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        # These fields, as one indexed document the database keeps current.
        return mentors.filter(
            search_document=SearchQuery(q, search_type="websearch", config="english")
        )
    # Elsewhere (SQLite), as PostgreSQL does: every word, each in any of the fields.
    for word in q.split():
        if word := word.strip("\"'"):
            anywhere = Q()
            for field in SEARCH_FIELDS:
                anywhere |= Q(**{f"{field}__icontains": word})
            mentors = mentors.filter(anywhere)
    return mentors


def _filter(mentors: QuerySet, used: dict) -> QuerySet:
    through = MentorProfile.interests.through
    if interests := used.get("interests"):
        # Any of the interests; a subquery keeps each mentor once.
        mentors = mentors.filter(
            pk__in=Subquery(
                through.objects.filter(interest__in=interests).values("mentorprofile_id")
            )
        )
    if category := used.get("category"):
        mentors = mentors.filter(
            pk__in=Subquery(
                through.objects.filter(interest__category=category).values("mentorprofile_id")
            )
        )
    if fmt := used.get("format"):
        mentors = mentors.filter(**{FORMAT_FIELDS[fmt]: True})
    if used.get("open_only"):
        # Some place left: their open pairings (pairings.MentorLoad) hold fewer
        # places than they offer.
        mentors = mentors.alias(held=Coalesce(F("load__held"), Value(0))).filter(
            accepting_new=True, capacity__gt=F("held")
        )
    if q := used.get("q"):
        mentors = _search(mentors, q)
    return mentors


def _in_taxonomy_order(interests: QuerySet) -> QuerySet:
    """Categories in the order they are declared (clinical areas first), as the
    filter panel shows them, then names."""
    return interests.order_by(
        Case(
            *(
                When(category=category, then=Value(rank))
                for rank, category in enumerate(Interest.Category.values)
            ),
            default=Value(len(Interest.Category.values)),
        ),
        "name",
    )


def _in_shared_order(mentors: QuerySet, user) -> QuerySet:
    """Mentors sharing most of the viewer's interests (as a mentee) first, then those
    with most open places, then by name.

    Both counts come from database views (pairings.InterestsInCommon and MentorLoad,
    through their reverse names: mentors import no mentees and no pairings), which
    the database counts once for everyone instead of once per mentor."""
    # The viewer's own mentee profile, if any, through the user's reverse name.
    mine = get_user_model().objects.filter(pk=user.pk).order_by().values("mentee_profile")
    return (
        mentors.with_open_places(many=True)
        .annotate(
            in_common=FilteredRelation(
                "interests_in_common", condition=Q(interests_in_common__mentee=Subquery(mine))
            ),
            shared_count=Coalesce(F("in_common__shared"), Value(0)),
            # A mentor resting this season has no place to offer, whatever is left.
            places_to_offer=Case(When(accepting_new=True, then=F("open_places")), default=Value(0)),
        )
        .order_by("-shared_count", "-places_to_offer", "user__name", "pk")
    )


def _cards(ids: list[int], user) -> list[MentorProfile]:
    """The mentors of one page, in the page's order, with their open places and
    interests; each interest says whether the viewer shares it (`shared`), so a card
    can say what you share without a query of its own."""
    interests = _in_taxonomy_order(
        Interest.objects.annotate(
            shared=Exists(Interest.objects.filter(pk=OuterRef("pk"), mentee_profiles__user=user))
        )
    )
    mentors = (
        MentorProfile.objects.listed_for(user)
        .filter(pk__in=ids)
        .with_open_places()
        .select_related("user")
        .prefetch_related(Prefetch("interests", queryset=interests))
        .in_bulk()
    )
    cards = [mentors[pk] for pk in ids if pk in mentors]
    for mentor in cards:
        mentor.shared_names = [i.name for i in mentor.interests.all() if i.shared]
    return cards


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)
    form.is_valid()  # Whatever didn't clean is left out, never an error page.
    used = form.used()
    matching = _filter(MentorProfile.objects.listed_for(request.user), used)
    ranked = _in_shared_order(matching, request.user)
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
