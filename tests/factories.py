"""Explicit test data: every value a test relies on is passed in or named here."""

from datetime import date

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from accounts.models import User
from accounts.roles import ensure_directors_group
from accounts.services import user_appoint_director

PASSWORD = "a-long-test-password-42"


def make_user(
    email: str = "sam@example.com",
    *,
    name: str = "Sam Whitfield",
    password: str = PASSWORD,
    verified: bool = True,
    onboarded: bool = True,
    is_mentee: bool = False,
    is_mentor: bool = False,
    **extra,
) -> User:
    user = User.objects.create_user(
        email=email,
        password=password,
        name=name,
        is_mentee=is_mentee,
        is_mentor=is_mentor,
        onboarded_at=timezone.now() if onboarded else None,
        **extra,
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def make_mentee(email: str = "mentee@example.com", **kwargs) -> User:
    kwargs.setdefault("name", "Sam Whitfield")
    return make_user(email, is_mentee=True, **kwargs)


def make_mentor(email: str = "mentor@example.com", **kwargs) -> User:
    kwargs.setdefault("name", "Dr Dana Chen")
    return make_user(email, is_mentor=True, **kwargs)


def make_director(email: str = "director@example.com", *, with_mfa: bool = True, **kwargs) -> User:
    kwargs.setdefault("name", "Dr Maya Okafor")
    user = make_user(email, **kwargs)
    ensure_directors_group()
    user_appoint_director(user=user, by=user)
    if with_mfa:
        add_totp(user)
    return User.objects.get(pk=user.pk)


def add_totp(user: User) -> Authenticator:
    """A TOTP authenticator with a known secret, as allauth stores it."""
    from allauth.mfa.totp.internal.auth import TOTP

    return TOTP.activate(user, "JBSWY3DPEHPK3PXP").instance


# --- programs and profiles ---------------------------------------------------


def make_program(name: str = "Stanford Anesthesiology", *, slug: str | None = None, directors=()):
    from django.utils.text import slugify

    from mentorship.programs.models import Program

    program = Program.objects.create(name=name, slug=slug or slugify(name))
    program.directors.add(*directors)
    return program


def interest(name: str):
    """An interest of the starting taxonomy (migration programs/0002), by name."""
    from mentorship.programs.models import Interest

    return Interest.objects.get(name=name)


def make_mentor_profile(
    user=None,
    *,
    programs=(),
    approved: bool = True,
    title: str = "Associate Professor",
    division: str = "Pediatric Anesthesia",
    capacity: int = 2,
    accepting_new: bool = True,
    interests=(),
    how_i_help: str = "I like to listen first, then help you map the next step.",
    roles=(),
    **fields,
):
    """`roles`: role terms ("ccc_member", …) in every program given, in force since
    ROLES_SINCE and still open."""
    from django.utils import timezone

    from mentorship.mentors.models import MentorProfile

    user = user or make_mentor()
    profile = MentorProfile.objects.create(
        user=user,
        title=title,
        division=division,
        capacity=capacity,
        accepting_new=accepting_new,
        how_i_help=how_i_help,
        **fields,
    )
    # `approved`: approved in every program given (each program approves on its own).
    profile.programs.add(
        *programs, through_defaults={"approved_at": timezone.now() if approved else None}
    )
    profile.interests.add(*[interest(n) if isinstance(n, str) else n for n in interests])
    for program in programs:
        for role in roles:
            make_role_term(user, program, role)
    return profile


ROLES_SINCE = date(2024, 7, 1)


def make_role_term(user, program, role: str, *, starts_on=ROLES_SINCE, ends_on=None, note=""):
    """One person's role in a program from `starts_on` to `ends_on` (open if None)."""
    from mentorship.years.terms import RoleTerm

    return RoleTerm.objects.create(
        user=user, program=program, role=role, starts_on=starts_on, ends_on=ends_on, note=note
    )


def make_mentee_profile(
    user=None,
    *,
    program,
    training_level: str = "ca1",
    start_year: int = 2026,
    interests=(),
    curious_about: str = "How to stay calm in a pediatric airway emergency.",
    **fields,
):
    from mentorship.mentees.models import MenteeProfile

    user = user or make_mentee()
    profile = MenteeProfile.objects.create(
        user=user,
        program=program,
        training_level=training_level,
        start_year=start_year,
        curious_about=curious_about,
        **fields,
    )
    profile.interests.add(*[interest(n) if isinstance(n, str) else n for n in interests])
    return profile


# --- pairings ------------------------------------------------------------------

_TODAY = object()


def make_pairing(mentor, mentee, status=None, *, program=None, started_on=_TODAY, **fields):
    """A pairing in a given state (active unless told), straight into the database: in the
    mentee's program, started today unless it is only proposed or `started_on` is given."""
    from mentorship.pairings.models import Pairing

    status = status or Pairing.Status.ACTIVE
    if started_on is _TODAY:
        started_on = None if status == Pairing.Status.PROPOSED else timezone.localdate()
    return Pairing.objects.create(
        mentor=mentor,
        mentee=mentee,
        program=program or mentee.program,
        status=status,
        started_on=started_on,
        **fields,
    )


def make_request(mentor, mentee, *, days_ago: int = 0, **fields):
    """A request from this mentee to this mentor, straight into the database: waiting
    unless told, in the mentee's program, made `days_ago` days ago."""
    from datetime import timedelta

    from mentorship.pairings.models import MentorshipRequest

    fields.setdefault("drew_you", "Your talk on pediatric airways at grand rounds.")
    return MentorshipRequest.objects.create(
        mentor=mentor,
        mentee=mentee,
        program=mentee.program,
        created_at=timezone.now() - timedelta(days=days_ago),
        **fields,
    )


def make_appointment(user, *, program, level: str, day=None):
    """This person's level in the program's academic year of `day` (today)."""
    from mentorship.years.models import AcademicYear, Appointment

    year = AcademicYear.objects.for_day(program, day)
    return Appointment.objects.create(user=user, year=year, level=level)


# --- matching rounds -----------------------------------------------------------


def make_round(
    program,
    *,
    mentees=(),
    mentors=(),
    state: str = "collecting",
    name: str = "Match Day 2027",
    list_min: int = 3,
    list_max: int = 7,
    days_left: int = 7,
    **fields,
):
    """A round of `program`, collecting lists unless told, straight into the database:
    opened a week ago, mentees' lists due in `days_left` days, mentors' answers three
    days after, results a week after that; `mentees` (profiles) are its entrants and
    `mentors` (profiles) have its seats, their places not yet confirmed."""
    from datetime import timedelta

    from mentorship.rounds.models import Entrant, Round, Seat

    today = timezone.localdate()
    fields.setdefault("opens_on", today - timedelta(days=7))
    fields.setdefault("mentee_deadline", today + timedelta(days=days_left))
    fields.setdefault("mentor_deadline", fields["mentee_deadline"] + timedelta(days=3))
    fields.setdefault("publish_on", fields["mentor_deadline"] + timedelta(days=7))
    if state != "draft":
        fields.setdefault("opened_at", timezone.now() - timedelta(days=7))
    round = Round.objects.create(
        program=program,
        name=name,
        cohort=Round.Cohort.UNMATCHED,
        state=state,
        list_min=list_min,
        list_max=list_max,
        **fields,
    )
    Entrant.objects.bulk_create(Entrant(round=round, mentee=m) for m in mentees)
    Seat.objects.bulk_create(Seat(round=round, mentor=m) for m in mentors)
    return round


# --- matching rounds, for the director's pages ------------------------------------


def make_director_round(
    program,
    *,
    mentees=(),
    mentors=(),
    state: str = "draft",
    name: str = "Match Day 2027",
    list_min: int = 2,
    list_max: int = 7,
    by=None,
    **fields,
):
    """A round of `program` for every mentee without a mentor, a draft unless told,
    straight into the database: lists opened yesterday and due in a week, mentors'
    answers three days after, results a week after that. `mentees` (profiles) are its
    entrants and `mentors` (profiles) have its seats, their places not yet confirmed."""
    from datetime import timedelta

    from mentorship.rounds.models import Entrant, Round, Seat

    today = timezone.localdate()
    fields.setdefault("opens_on", today - timedelta(days=1))
    fields.setdefault("mentee_deadline", today + timedelta(days=7))
    fields.setdefault("mentor_deadline", fields["mentee_deadline"] + timedelta(days=3))
    fields.setdefault("publish_on", fields["mentor_deadline"] + timedelta(days=7))
    if state != "draft":
        fields.setdefault("opened_at", timezone.now() - timedelta(days=1))
    round = Round.objects.create(
        program=program,
        name=name,
        cohort=Round.Cohort.UNMATCHED,
        state=state,
        list_min=list_min,
        list_max=list_max,
        created_by=by,
        **fields,
    )
    Entrant.objects.bulk_create(Entrant(round=round, mentee=m) for m in mentees)
    Seat.objects.bulk_create(Seat(round=round, mentor=m) for m in mentors)
    return round
