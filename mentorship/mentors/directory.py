"""The directory's questions, as QuerySet methods of MentorProfile (mixed into
MentorProfileQuerySet): search, each filter, and the order mentees see.

Counts of open places and interests in common come from database views
(pairings.MentorLoad and InterestsInCommon) through their reverse names ("load",
"interests_in_common"): mentors import no mentees and no pairings.
"""

from django.contrib.auth import get_user_model
from django.db import connection, models
from django.db.models import (
    Case,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from mentorship.programs.models import Interest
from mentorship.years.models import Appointment, Level

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

# The levels a mentor may be at this year, senior first: faculty, fellows, and
# residents far enough along to mentor those just starting (near-peers).
MENTOR_LEVELS = [Level.FACULTY, Level.FELLOW, Level.CA3, Level.CA2]

# A near-peer mentor is a resident at one of these levels this year: a senior
# resident who remembers the first year. Every other mentor is a faculty mentor.
NEAR_PEER_LEVELS = [Level.CA2, Level.CA3]


def near_peer_levels_for(mentee_level: str | None) -> list[str]:
    """The near-peer levels a mentee at `mentee_level` may be offered and may ask:
    only those above their own, so a CA-2 can't near-peer a CA-3 (nor another CA-2),
    and a fellow has no near-peers. Without a level (someone who isn't a mentee),
    every near-peer level. The one place this rule is decided."""
    if mentee_level not in Level.values:
        return list(NEAR_PEER_LEVELS)
    rank = Level.values.index(mentee_level)
    return [level for level in NEAR_PEER_LEVELS if Level.values.index(level) > rank]


def is_first_year(mentee_level: str | None) -> bool:
    """Students, interns and CA-1s: those the directory offers near-peers to first."""
    return mentee_level in (Level.STUDENT, Level.INTERN, Level.CA1)


# The directory's "how you'd meet" choices, and the field that says each.
FORMAT_FIELDS = {
    "in_person": "meets_in_person",
    "video": "meets_by_video",
    "phone": "meets_by_phone",
}


class DirectoryQuerySet(models.QuerySet):
    def search(self, q: str):
        """Mentors whose profile holds every word of `q` (web-search syntax on PostgreSQL)."""
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery

            # These fields, as one indexed document the database keeps current.
            return self.filter(
                search_document=SearchQuery(q, search_type="websearch", config="english")
            )
        # Elsewhere (SQLite), as PostgreSQL does: every word, each in any of the fields.
        mentors = self
        for word in q.split():
            if word := word.strip("\"'"):
                anywhere = Q()
                for field in SEARCH_FIELDS:
                    anywhere |= Q(**{f"{field}__icontains": word})
                mentors = mentors.filter(anywhere)
        return mentors

    def _with_interest(self, **lookup):
        # A subquery keeps each mentor once.
        links = self.model.interests.through.objects.filter(**lookup)
        return self.filter(pk__in=Subquery(links.values("mentorprofile_id")))

    def interested_in_any(self, interests):
        """Mentors with any of these interests."""
        return self._with_interest(interest__in=interests)

    def interested_in_category(self, category: str):
        """Mentors with an interest of this category (Interest.Category)."""
        return self._with_interest(interest__category=category)

    def meeting_by(self, fmt: str):
        """Mentors who meet this way: a key of FORMAT_FIELDS."""
        return self.filter(**{FORMAT_FIELDS[fmt]: True})

    def at_level(self, level: str, day=None):
        """Mentors whose appointment this academic year (of `day`) is at this level."""
        appointments = Appointment.objects.current(day).filter(user=OuterRef("user"), level=level)
        return self.filter(Exists(appointments))

    def _near_peer_appointments(self, levels, programs=None, day=None):
        appointments = Appointment.objects.current(day).filter(
            user=OuterRef("user"), level__in=levels
        )
        if programs is not None:
            appointments = appointments.filter(year__program__in=programs)
        return appointments

    def with_near_peer_level(self, programs=None, day=None):
        """`near_peer_level`: "ca2" or "ca3" for a near-peer mentor (their appointment
        this year, in one of `programs` when given), None for a faculty mentor."""
        appointments = self._near_peer_appointments(NEAR_PEER_LEVELS, programs, day)
        return self.annotate(
            near_peer_level=Subquery(appointments.order_by("-level").values("level")[:1])
        )

    def near_peers(self, programs=None, day=None):
        """Near-peer mentors: residents at NEAR_PEER_LEVELS this year."""
        return self.filter(Exists(self._near_peer_appointments(NEAR_PEER_LEVELS, programs, day)))

    def near_peers_for(self, mentee_level: str | None, programs=None, day=None):
        """The near-peer mentors a mentee at this level may have (near_peer_levels_for)."""
        levels = near_peer_levels_for(mentee_level)
        return self.filter(Exists(self._near_peer_appointments(levels, programs, day)))

    def offered_to(self, mentee_level: str | None, programs=None, day=None):
        """Faculty mentors, and the near-peers a mentee at this level may have: the
        near-peers at their own level or below are left out."""
        refused = [lvl for lvl in NEAR_PEER_LEVELS if lvl not in near_peer_levels_for(mentee_level)]
        if not refused:
            return self
        return self.exclude(Exists(self._near_peer_appointments(refused, programs, day)))

    def with_a_place(self):
        """Taking new mentees, with some place left: their open pairings
        (pairings.MentorLoad) hold fewer places than they offer."""
        return self.alias(held=Coalesce(F("load__held"), Value(0))).filter(
            accepting_new=True, capacity__gt=F("held")
        )

    def matching(self, used: dict):
        """The directory's filters as DirectoryFilterForm.used() gives them."""
        mentors = self
        if interests := used.get("interests"):
            mentors = mentors.interested_in_any(interests)
        if category := used.get("category"):
            mentors = mentors.interested_in_category(category)
        if fmt := used.get("format"):
            mentors = mentors.meeting_by(fmt)
        if level := used.get("level"):
            mentors = mentors.at_level(level)
        if used.get("open_only"):
            mentors = mentors.with_a_place()
        if used.get("near_peer"):
            mentors = mentors.near_peers()
        if q := used.get("q"):
            mentors = mentors.search(q)
        return mentors

    def in_shared_order(self, user):
        """Mentors sharing most of the viewer's interests (as a mentee) first, then those
        with most open places, then by name.

        Both counts come from database views, which the database counts once for
        everyone instead of once per mentor."""
        # The viewer's own mentee profile, if any, through the user's reverse name.
        mine = get_user_model().objects.filter(pk=user.pk).order_by().values("mentee_profile")
        return (
            self.with_open_places(many=True)
            .annotate(
                in_common=FilteredRelation(
                    "interests_in_common", condition=Q(interests_in_common__mentee=Subquery(mine))
                ),
                shared_count=Coalesce(F("in_common__shared"), Value(0)),
                # A mentor resting this season has no place to offer, whatever is left.
                places_to_offer=Case(
                    When(accepting_new=True, then=F("open_places")), default=Value(0)
                ),
            )
            .order_by("-shared_count", "-places_to_offer", "user__name", "pk")
        )


def in_taxonomy_order(interests: QuerySet) -> QuerySet:
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
