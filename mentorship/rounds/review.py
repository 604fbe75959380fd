"""What the director's pages of a round read: everyone's names at once, the
headline figures, the rows of the mentee and mentor tables, suggestions for the
unmatched, a what-if's difference in words, the CSV's rows.

Each function reads a fixed number of queries whatever the size of the round:
the pages that use them are pinned by tests at two sizes.
"""

from dataclasses import dataclass, field

from django.db.models import CharField, Value

from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings.models import Pairing
from mentorship.programs.models import Interest
from mentorship.years.terms import RoleTerm

from .explain import ROLE_SHORT, Names, Story
from .models import Exclusion, Override, Round, Run
from .services import runs
from .templatetags.rounds import ordinal_choice

SUGGESTIONS_PER_MENTEE = 3
UNMATCHED_SHOWN = 50


def names_in(round: Round) -> Names:
    """Every mentee and mentor of the round by id, in one query."""
    mentees = MenteeProfile.objects.filter(round_entries__round=round).values_list(
        Value("mentee", output_field=CharField()), "pk", "user__name", "user__email", "user_id"
    )
    mentors = MentorProfile.objects.filter(round_seats__round=round).values_list(
        Value("mentor", output_field=CharField()), "pk", "user__name", "user__email", "user_id"
    )
    names = Names()
    for kind, pk, name, email, user_id in mentees.order_by().union(mentors.order_by(), all=True):
        if kind == "mentee":
            names.mentees[pk], names.mentee_users[pk] = name or email, user_id
        else:
            names.mentors[pk], names.mentor_users[pk] = name or email, user_id
    return names


def overrides_of(run: Run) -> list[Override]:
    return list(run.overrides.select_related("created_by").order_by("created_at", "pk"))


def story_of(run: Run, names: Names, **more) -> Story:
    """The run after its overrides (one query for them)."""
    return Story(run, names, overrides=overrides_of(run), **more)


def figures_of(story: Story) -> dict:
    """The run's headline figures; counted again after a director's moves."""
    if not story.overrides:
        return story.run.figures
    return runs.figures(story.inputs, story.matched)


@dataclass
class Load:
    mentors: int = 0
    full: int = 0
    with_room: int = 0
    no_places: int = 0
    places: int = 0
    taken: int = 0
    room: dict = field(default_factory=dict)  # {mentor: places left}


def load_of(figures: dict) -> Load:
    """How full the mentors are: {mentor: [held, capacity]} summed up."""
    load = Load()
    for mentor, (held, capacity) in figures.get("load", {}).items():
        load.mentors += 1
        load.places += capacity
        load.taken += held
        if capacity == 0:
            load.no_places += 1
        elif held >= capacity:
            load.full += 1
        else:
            load.with_room += 1
            load.room[int(mentor)] = capacity - held
    return load


# --- the unmatched, with suggestions ---------------------------------------------


@dataclass
class Suggestion:
    mentor: int
    name: str
    room: int
    shared: list[str]


@dataclass
class Unmatched:
    mentee: int
    name: str
    listed: int
    why: str
    suggestions: list[Suggestion]


def unmatched_with_suggestions(round: Round, story: Story, load: Load) -> list[Unmatched]:
    """The unmatched (the first UNMATCHED_SHOWN by name), each with mentors who have
    room and share an interest with them.

    Only mentors the mentee did not list are suggested. A mentor with room whom
    the mentee listed didn't take them because a rule left the pair out (a
    conflict, a past pairing, a mark): the round is stable, so no listed mentor
    with room would have taken them. Moving an unmatched mentee to a mentor they
    didn't list, who has room, makes no blocking pair: the mentee's own choices
    are as before, and the mentor, who had a free place, blocked with nobody
    before either (tests/rounds/test_review.py checks it). A mentor who evaluates
    the program's residents, was paired with the mentee before, or whom a
    director or the mentor left out with them, is not suggested.
    """
    names = story.names
    everyone = sorted(
        (m for m in story.inputs.entrants if m not in story.matched),
        key=lambda m: names.mentee(m).casefold(),
    )
    shown = everyone[:UNMATCHED_SHOWN]
    room = load.room
    if not shown:
        return []
    through_mentee = MenteeProfile.interests.through
    through_mentor = MentorProfile.interests.through
    mentee_interests: dict[int, set[int]] = {}
    for mentee, interest in through_mentee.objects.filter(menteeprofile_id__in=shown).values_list(
        "menteeprofile_id", "interest_id"
    ):
        mentee_interests.setdefault(mentee, set()).add(interest)
    mentor_interests: dict[int, set[int]] = {}
    for mentor, interest in through_mentor.objects.filter(
        mentorprofile_id__in=list(room)
    ).values_list("mentorprofile_id", "interest_id"):
        mentor_interests.setdefault(mentor, set()).add(interest)
    wanted = set().union(*mentee_interests.values()) if mentee_interests else set()
    interest_names = dict(
        Interest.objects.filter(pk__in=wanted).values_list("pk", "name") if wanted else []
    )
    evaluators = set(
        RoleTerm.objects.in_force()
        .evaluative()
        .filter(program=round.program_id)
        .values_list("user_id", flat=True)
    )
    apart = set(
        Exclusion.objects.filter(round=round, mentee__in=shown).values_list(
            "mentee_id", "mentor_id"
        )
    )
    apart |= set(
        Pairing.objects.filter(mentee__in=shown, mentor__in=list(room)).values_list(
            "mentee_id", "mentor_id"
        )
    )
    found = []
    for mentee in shown:
        listed = set(story.inputs.mentee_prefs.get(mentee, []))
        own = mentee_interests.get(mentee, set())
        options = []
        for mentor, places in room.items():
            user = names.mentor_users.get(mentor)
            if (
                mentor in listed
                or (mentee, mentor) in apart
                or user in evaluators
                or user == names.mentee_users.get(mentee)
            ):
                continue
            shared = own & mentor_interests.get(mentor, set())
            if shared:
                options.append(
                    Suggestion(
                        mentor,
                        names.mentor(mentor),
                        places,
                        sorted(interest_names.get(i, "") for i in shared),
                    )
                )
        options.sort(key=lambda s: (-len(s.shared), -s.room, s.name.casefold()))
        prefs = story.inputs.mentee_prefs.get(mentee, [])
        found.append(
            Unmatched(
                mentee,
                names.mentee(mentee),
                len(prefs),
                story.short(mentee),
                options[:SUGGESTIONS_PER_MENTEE],
            )
        )
    return found


# --- the tables -------------------------------------------------------------------


@dataclass
class MenteeRow:
    mentee: int
    name: str
    mentor: int | None
    mentor_name: str
    choice: str
    why: str
    moved: bool


def mentee_ids(story: Story, *, q: str = "", only: str = "") -> list[int]:
    """The round's mentees by name, filtered by a part of the name and by
    "unmatched", "moved" or "not_first"."""
    names = story.names
    q = q.strip().casefold()
    ids = story.inputs.entrants
    if q:
        ids = [m for m in ids if q in names.mentee(m).casefold()]
    if only == "unmatched":
        ids = [m for m in ids if m not in story.matched]
    elif only == "moved":
        ids = [m for m in ids if m in story.moved]
    elif only == "not_first":
        ids = [m for m in ids if m in story.matched and story.rank(m) != 1]
    return sorted(ids, key=lambda m: (names.mentee(m).casefold(), m))


def choice_words(story: Story, mentee: int) -> str:
    if mentee not in story.matched:
        return "no match"
    rank = story.rank(mentee)
    return ordinal_choice(rank) if rank else "not on their list"


def mentee_rows(story: Story, ids: list[int]) -> list[MenteeRow]:
    names = story.names
    rows = []
    for mentee in ids:
        mentor = story.matched.get(mentee)
        rows.append(
            MenteeRow(
                mentee,
                names.mentee(mentee),
                mentor,
                names.mentor(mentor) if mentor else "",
                choice_words(story, mentee),
                story.short(mentee),
                mentee in story.moved,
            )
        )
    return rows


@dataclass
class MentorRow:
    mentor: int
    name: str
    places: int
    held: int
    listed_by: int


def mentor_ids(story: Story, *, q: str = "") -> list[int]:
    names = story.names
    q = q.strip().casefold()
    ids = list(story.inputs.capacities)
    if q:
        ids = [m for m in ids if q in names.mentor(m).casefold()]
    return sorted(ids, key=lambda m: (names.mentor(m).casefold(), m))


def mentor_rows(story: Story, ids: list[int]) -> list[MentorRow]:
    listed: dict[int, int] = {}
    for prefs in story.inputs.mentee_prefs.values():
        for mentor in prefs:
            listed[mentor] = listed.get(mentor, 0) + 1
    held = story.load()
    return [
        MentorRow(
            m,
            story.names.mentor(m),
            story.inputs.capacities.get(m, 0),
            held.get(m, 0),
            listed.get(m, 0),
        )
        for m in ids
    ]


# --- a what-if against the round's run ---------------------------------------------


@dataclass
class Change:
    mentee: int
    name: str
    before: str
    after: str


def _placed(story: Story, mentee: int) -> str:
    mentor = story.matched.get(mentee)
    if mentor is None:
        return "no match"
    return f"{story.names.mentor(mentor)} ({choice_words(story, mentee)})"


def difference_in_words(base: Story, other: Story) -> dict[str, list[Change]]:
    """services.difference, with names and which choice each was."""
    found = runs.difference(base.run, other.run)
    names = base.names

    def told(ids):
        return sorted(
            (Change(m, names.mentee(m), _placed(base, m), _placed(other, m)) for m in ids),
            key=lambda c: c.name.casefold(),
        )

    return {
        "moved": told(found["moved"]),
        "newly_matched": told(found["newly_matched"]),
        "newly_unmatched": told(found["newly_unmatched"]),
    }


def changes_in_words(run: Run, names: Names) -> list[str]:
    return changes_in_words_of(run.input.get("changes") or {}, names)


def changes_in_words_of(changes: dict, names: Names) -> list[str]:
    """What a what-if changes: "Dr A: 3 places", "Sam Lee and Dr A left out"."""
    told = [
        f"{names.mentor(mentor)}: {places} place{'s' if int(places) != 1 else ''}"
        for mentor, places in changes.get("capacities", {}).items()
    ]
    told += [
        f"{names.mentee(a)} and {names.mentor(b)} left out" for a, b in changes.get("exclude", [])
    ]
    told += [
        f"{names.mentee(a)} and {names.mentor(b)} put back" for a, b in changes.get("restore", [])
    ]
    return told


def evaluative_roles(round: Round, mentors) -> dict[int, list[str]]:
    """{mentor: ["CCC"]}: the evaluative roles these mentors hold in the program now."""
    roles: dict[int, list[str]] = {}
    for mentor, role in (
        RoleTerm.objects.in_force()
        .evaluative()
        .filter(program=round.program_id, user__mentor_profile__in=list(mentors))
        .values_list("user__mentor_profile", "role")
        .order_by("role")
    ):
        roles.setdefault(mentor, []).append(ROLE_SHORT.get(role, role))
    return roles
