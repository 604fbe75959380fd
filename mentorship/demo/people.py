"""The demo people: the core cast and any generated mentors and mentees, each with a
verified e-mail address, and the director appointed.

Passwords are set only for people it creates, so a second run signs nobody out:
Django ends a person's sessions when their password changes.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from accounts.models import User
from accounts.roles import ensure_directors_group
from accounts.services import user_appoint_director
from mentorship.demo.story_people import (
    CORE_PEOPLE,
    DEMO_PASSWORD,
    FIRST_NAMES,
    LAST_NAMES,
    STORY_LINES,
)


def generated_name(index: int) -> str:
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return f"{first} {last}"


def seed_people(mentors: int, mentees: int, now) -> tuple[int, User, dict[str, int]]:
    """The core people and `mentors` and `mentees` generated ones, created or brought
    back to their demo names and roles. Returns how many people there are, the
    director, and every demo person's primary key by e-mail."""
    password = make_password(DEMO_PASSWORD)
    ensure_directors_group()

    people = list(CORE_PEOPLE)
    people += [
        (f"mentor{i:04d}@example.com", f"Dr {generated_name(i)}", False, True)
        for i in range(1, mentors + 1)
    ]
    people += [
        (f"mentee{i:04d}@example.com", generated_name(i + 7), True, False)
        for i in range(1, mentees + 1)
    ]

    existing = {u.email: u for u in User.objects.filter(email__in=[p[0] for p in people])}
    new, changed = [], []
    for email, name, is_mentee, is_mentor in people:
        user = existing.get(email)
        if user is None:
            new.append(
                User(
                    email=email,
                    name=name,
                    password=password,
                    is_mentee=is_mentee,
                    is_mentor=is_mentor,
                    onboarded_at=now,
                )
            )
        else:
            user.name, user.is_mentee, user.is_mentor = name, is_mentee, is_mentor
            user.is_active = True
            user.onboarded_at = user.onboarded_at or now
            changed.append(user)
    User.objects.bulk_create(new, batch_size=500)
    User.objects.bulk_update(
        changed,
        ["name", "is_mentee", "is_mentor", "is_active", "onboarded_at"],
        batch_size=500,
    )

    users = User.objects.filter(email__in=[p[0] for p in people]).only("pk", "email")
    have_address = set(EmailAddress.objects.filter(user__in=users).values_list("email", flat=True))
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=u, email=u.email, verified=True, primary=True)
            for u in users
            if u.email not in have_address
        ],
        batch_size=500,
    )
    EmailAddress.objects.filter(user__in=users).update(verified=True)

    director = User.objects.get(email="director@example.com")
    user_appoint_director(user=director, by=director)
    return len(people), director, {u.email: u.pk for u in users}


def log_ins() -> list[str]:
    """The core people's log-ins, each with what they find, as printed after a run."""
    lines = []
    for email, name, is_mentee, is_mentor in CORE_PEOPLE:
        roles = [r for r, on in (("mentee", is_mentee), ("mentor", is_mentor)) if on]
        if email == "director@example.com":
            roles = ["program director"]
        lines.append(f"  {email:<24} {name:<18} {', '.join(roles)}")
        if email in STORY_LINES:
            lines.append(f"  {'':<24} {STORY_LINES[email]}")
    return lines
