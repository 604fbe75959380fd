"""Words for a round's pages and e-mail, and the "Add to my list" button the
mentors' directory and pages show a mentee of a round taking lists."""

from dataclasses import dataclass

from django import template
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from ..models import Choice, Round, Seat

register = template.Library()

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]


@register.filter
def ordinal_choice(rank) -> str:
    """2 → "2nd choice"; 1 → "first choice"."""
    try:
        rank = int(rank)
    except (TypeError, ValueError):
        return ""
    if rank == 1:
        return "first choice"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix} choice"


@register.filter
def ordinal(rank) -> str:
    """2 → "2nd"."""
    try:
        rank = int(rank)
    except (TypeError, ValueError):
        return ""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


# --- "Add to my list" on the mentors' directory and pages -------------------------

# Where the viewer's open lists are kept for the rest of the request.
_OPEN_LISTS = "_rounds_open_lists"


@dataclass(frozen=True)
class ListPlace:
    """A mentor's place on the viewer's open list: the round, the mentor's rank there
    (None: not on it), and whether the list is full."""

    round_id: int
    round_name: str
    rank: int | None
    full: bool


def open_lists(request) -> dict[int, ListPlace]:
    """{mentor id: ListPlace} for every mentor with a seat in a round whose lists are
    open and that the viewer is a mentee of; read in one query, once per request,
    however many cards ask."""
    if request is None:
        return {}
    cached = getattr(request, _OPEN_LISTS, None)
    if cached is not None:
        return cached
    user = getattr(request, "user", None)
    places: dict[int, ListPlace] = {}
    if user is not None and user.is_authenticated and user.is_mentee:
        mine = Choice.objects.filter(round=OuterRef("round"), mentor=OuterRef("mentor")).filter(
            mentee__user=user
        )
        rows = list(
            Seat.objects.filter(
                round__state=Round.State.COLLECTING,
                round__mentee_deadline__gte=timezone.localdate(),
                round__entrants__mentee__user=user,
            )
            .exclude(mentor__user=user)
            .annotate(rank=Subquery(mine.values("rank")[:1]))
            .order_by("round__mentee_deadline", "round_id")
            .values_list("mentor_id", "round_id", "round__name", "round__list_max", "rank")
        )
        listed: dict[int, int] = {}
        for _, round_id, _, _, rank in rows:
            if rank is not None:
                listed[round_id] = listed.get(round_id, 0) + 1
        for mentor_id, round_id, name, list_max, rank in rows:
            full = listed.get(round_id, 0) >= list_max
            places.setdefault(mentor_id, ListPlace(round_id, name, rank, full))
    setattr(request, _OPEN_LISTS, places)
    return places


@register.inclusion_tag("rounds/includes/list_button.html", takes_context=True)
def add_to_my_list(context, mentor, card: bool = False):
    """For a mentee of a round taking lists in which this mentor has a seat: an
    "Add to my list" button, or where the mentor is on the list already. On a
    directory card (`card`), adding comes back to the card's button (#on-list-<id>)."""
    request = context.get("request")
    place = open_lists(request).get(mentor.pk)
    here = request.get_full_path() if request is not None else ""
    return {
        "place": place,
        "mentor": mentor,
        "next": f"{here}#on-list-{mentor.pk}" if card else here,
        "csrf_token": context.get("csrf_token"),
    }
