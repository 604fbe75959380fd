"""The demo profiles: the core mentors' and mentees' own words, and generated ones
composed by index from phrase lists, in bulk. Every mentor is in the residency
(one in ten generated ones waits for a director's approval); one is also in the
fellowship. Profiles already there are left alone, so a second run creates nothing.
"""

from accounts.models import User
from mentorship.demo.programs import FELLOWSHIP_MENTOR
from mentorship.demo.story_profiles import (
    ASK_ABOUT,
    ASK_ALSO,
    CAN_OFFER,
    CORE_MENTEES,
    CORE_MENTORS,
    CURIOUS_ABOUT,
    DIVISIONS,
    HELP_FIRST,
    HELP_THEN,
    LEARNING_NOW,
    MEANINGFUL_YEAR,
    MENTEE_LEVELS,
    MENTOR_HELP,
    TITLES,
    WISH_TOLD,
)
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership, MentorProfile
from mentorship.programs.models import Interest, Program


def pick(items: list, index: int, count: int) -> list:
    """`count` items spread over the list (stride 5 crosses categories), by index."""
    if not items:
        return []
    return list(dict.fromkeys(items[(index * 7 + k * 5) % len(items)] for k in range(count)))


def generated_mentor(index: int, interests: list[Interest]) -> dict:
    """A mentor profile's fields; every 10th is left for a director to approve."""
    return {
        "title": TITLES[index % len(TITLES)],
        "division": DIVISIONS[(index // 2) % len(DIVISIONS)],
        "capacity": 1 + index % 4,
        "accepting_new": index % 9 != 0,
        "meets_in_person": index % 3 != 0,
        "meets_by_video": index % 3 != 1,
        "meets_by_phone": index % 5 == 0,
        "how_i_help": f"{HELP_FIRST[index % len(HELP_FIRST)]} "
        f"{HELP_THEN[(index // len(HELP_FIRST)) % len(HELP_THEN)]}",
        "wish_told": WISH_TOLD[(index * 4) % len(WISH_TOLD)],
        "ask_me_about": f"{ASK_ABOUT[index % len(ASK_ABOUT)].capitalize()}, and "
        f"{ASK_ALSO[(index // 3) % len(ASK_ALSO)]}.",
        "learning_now": LEARNING_NOW[(index // 2) % len(LEARNING_NOW)],
        "interests": pick(interests, index, 2 + index % 4),
        "approved": index % 10 != 0,
    }


def generated_mentee(index: int, interests: list[Interest]) -> dict:
    return {
        "training_level": MENTEE_LEVELS[index % len(MENTEE_LEVELS)],
        "curious_about": CURIOUS_ABOUT[index % len(CURIOUS_ABOUT)],
        "meaningful_year": MEANINGFUL_YEAR[(index // 2) % len(MEANINGFUL_YEAR)],
        "mentor_help": MENTOR_HELP[(index * 5) % len(MENTOR_HELP)],
        "can_offer": CAN_OFFER[(index // 3) % len(CAN_OFFER)],
        "interests": pick(interests, index + 3, 2 + index % 3),
    }


def create_profiles(model, specs: dict[int, dict], memberships: dict[int, list[dict]]) -> int:
    """Profiles for the users (by pk) that have none, with their interests and, for
    mentors, their program memberships (each a dict of Membership fields).

    Profiles already there are left alone, so a second run creates nothing.
    """
    have = set(model.objects.filter(user_id__in=specs).values_list("user_id", flat=True))
    new = {user_id: spec for user_id, spec in specs.items() if user_id not in have}
    model.objects.bulk_create(
        [
            model(user_id=user_id, **{k: v for k, v in spec.items() if k != "interests"})
            for user_id, spec in new.items()
        ],
        batch_size=500,
    )
    profile_pks = dict(model.objects.filter(user_id__in=new).values_list("user_id", "pk"))
    fk = f"{model._meta.model_name}_id"
    model.interests.through.objects.bulk_create(
        [
            model.interests.through(**{fk: profile_pks[user_id]}, interest_id=interest.pk)
            for user_id, spec in new.items()
            for interest in spec["interests"]
        ],
        batch_size=1000,
    )
    if memberships:
        Membership.objects.bulk_create(
            [
                Membership(mentor_id=profile_pks[user_id], **fields)
                for user_id in new
                for fields in memberships[user_id]
            ],
            batch_size=1000,
        )
    return len(new)


def seed_profiles(
    user_pks: dict[str, int],
    residency: Program,
    fellowship: Program,
    director: User,
    mentors: int,
    mentees: int,
    now,
) -> tuple[int, int]:
    """Profiles for the core people and the generated ones that have none. Returns how
    many mentor and mentee profiles were created."""
    interests = list(Interest.objects.order_by("pk"))
    by_name = {interest.name: interest for interest in interests}

    mentor_specs = {
        email: {**spec, "interests": [by_name[n] for n in spec["interests"] if n in by_name]}
        for email, spec in CORE_MENTORS.items()
    }
    for i in range(1, mentors + 1):
        mentor_specs[f"mentor{i:04d}@example.com"] = generated_mentor(i, interests)
    mentor_rows, mentor_programs = {}, {}
    for email, spec in mentor_specs.items():
        spec = dict(spec)
        approval = (
            {"approved_at": now, "approved_by": director} if spec.pop("approved", True) else {}
        )
        mentor_rows[user_pks[email]] = spec
        mentor_programs[user_pks[email]] = [{"program": residency, **approval}]
        if email == FELLOWSHIP_MENTOR:
            # The fellowship's own directors haven't looked at this mentor yet.
            mentor_programs[user_pks[email]].append({"program": fellowship})

    # The year each resident started their current level: this academic year.
    year = now.year if now.month >= 7 else now.year - 1
    mentee_specs = {
        email: {**spec, "interests": [by_name[n] for n in spec["interests"] if n in by_name]}
        for email, spec in CORE_MENTEES.items()
    }
    for i in range(1, mentees + 1):
        mentee_specs[f"mentee{i:04d}@example.com"] = generated_mentee(i, interests)
    mentee_rows = {
        user_pks[email]: {**spec, "program": residency, "start_year": year}
        for email, spec in mentee_specs.items()
    }
    return (
        create_profiles(MentorProfile, mentor_rows, mentor_programs),
        create_profiles(MenteeProfile, mentee_rows, {}),
    )
