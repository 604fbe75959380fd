"""What people put in a round: a mentee's list of mentors in order, a mentor's
places and ranking, and the pairs marked to leave out."""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MAX_CAPACITY, MentorProfile
from mentorship.pairings.models import Pairing

from ..models import ROUND_MAX_CAPACITY, Choice, Entrant, Exclusion, MentorRanking, Round, Seat
from .changes import RoundError, is_director_of


def _entrant_for(round: Round, by: User) -> Entrant:
    """The person's own entry in a round taking lists, locked: one change at a time."""
    entrant = (
        Entrant.objects.select_for_update(of=("self",))
        .select_related("round", "mentee")
        .filter(round=round, mentee__user=by)
        .first()
    )
    if entrant is None:
        raise RoundError("You aren't one of the mentees in this round.", code="not_entrant")
    if not entrant.round.lists_open():
        raise RoundError(
            f"Lists for {entrant.round.name} closed on "
            f"{entrant.round.mentee_deadline:%-d %B}; your list stays as it was.",
            code="lists_closed",
        )
    return entrant


def _list_of(entrant: Entrant):
    return Choice.objects.filter(round=entrant.round_id, mentee=entrant.mentee_id)


@transaction.atomic
def choice_add(*, round: Round, mentor: MentorProfile, by: User, drew_you: str = "") -> Choice:
    """A mentee adds a mentor at the end of their list."""
    entrant = _entrant_for(round, by)
    if not Seat.objects.filter(round=round, mentor=mentor).exists():
        raise RoundError(f"{mentor} isn't one of this round's mentors.", code="not_in_round")
    if mentor.user_id == by.pk:
        raise RoundError("You can't put yourself on your list.", code="self")
    choices = _list_of(entrant)
    if choices.filter(mentor=mentor).exists():
        raise RoundError(f"{mentor} is on your list already.", code="already_listed")
    if choices.count() >= entrant.round.list_max:
        raise RoundError(
            f"Your list is full at {entrant.round.list_max}: take someone off to add {mentor}.",
            code="list_full",
        )
    rank = (choices.aggregate(m=Max("rank"))["m"] or 0) + 1
    try:
        with transaction.atomic():
            return Choice.objects.create(
                round=round, mentee=entrant.mentee, mentor=mentor, rank=rank, drew_you=drew_you
            )
    except IntegrityError:
        raise RoundError(f"{mentor} is on your list already.", code="already_listed") from None


def _own_choice(choice: Choice, by: User) -> tuple[Entrant, Choice]:
    entrant = _entrant_for(choice.round, by)
    choice = _list_of(entrant).filter(pk=choice.pk).first()
    if choice is None:
        raise RoundError("That mentor isn't on your list any more.", code="not_listed")
    return entrant, choice


@transaction.atomic
def choice_remove(*, choice: Choice, by: User) -> None:
    """A mentee takes a mentor off; those below move up one, one by one (so the
    unique rank is never held twice)."""
    entrant, choice = _own_choice(choice, by)
    rank = choice.rank
    choice.delete()
    for below in _list_of(entrant).filter(rank__gt=rank).order_by("rank"):
        below.rank -= 1
        below.save(update_fields=["rank"])


@transaction.atomic
def choice_move(*, choice: Choice, by: User, up: bool) -> Choice:
    """A mentee moves a mentor one place up or down their list."""
    entrant, choice = _own_choice(choice, by)
    neighbour = _list_of(entrant).filter(rank=choice.rank - 1 if up else choice.rank + 1).first()
    if neighbour is None:
        return choice  # already first (or last): nothing to move
    here, there = choice.rank, neighbour.rank
    choice.rank = 0  # a free rank while the two swap
    choice.save(update_fields=["rank"])
    neighbour.rank = here
    neighbour.save(update_fields=["rank"])
    choice.rank = there
    choice.save(update_fields=["rank"])
    return choice


@transaction.atomic
def choice_note(*, choice: Choice, by: User, drew_you: str) -> Choice:
    """A mentee says, in a sentence, what drew them (directors read it)."""
    _, choice = _own_choice(choice, by)
    choice.drew_you = drew_you.strip()
    choice.save(update_fields=["drew_you"])
    return choice


@transaction.atomic
def list_submit(*, round: Round, by: User) -> Entrant:
    """A mentee says their list is ready: no more reminders. It can still change
    until the deadline."""
    entrant = _entrant_for(round, by)
    count = _list_of(entrant).count()
    if count < entrant.round.list_min:
        raise RoundError(
            f"Add at least {entrant.round.list_min} mentors (you have {count}): a longer "
            "list makes a good match far likelier.",
            code="list_short",
        )
    entrant.submitted_at = timezone.now()
    entrant.save(update_fields=["submitted_at"])
    return entrant


def _seat_for(round: Round, by: User) -> Seat:
    seat = (
        Seat.objects.select_for_update(of=("self",))
        .select_related("round", "mentor")
        .filter(round=round, mentor__user=by)
        .first()
    )
    if seat is None:
        raise RoundError("You aren't one of the mentors in this round.", code="not_seated")
    if not seat.round.mentors_answer():
        raise RoundError(
            f"Mentors' answers for {seat.round.name} closed on "
            f"{seat.round.mentor_deadline:%-d %B}.",
            code="answers_closed",
        )
    return seat


@transaction.atomic
def seat_confirm(*, round: Round, by: User, capacity: int, no_preference: bool) -> Seat:
    """A mentor confirms how many new mentees they can take in this round (0 to 5),
    and whether they'd rather leave the order to the round's lottery."""
    seat = _seat_for(round, by)
    if not 0 <= capacity <= ROUND_MAX_CAPACITY:
        raise RoundError(
            f"Choose from 0 to {ROUND_MAX_CAPACITY} new mentees.", code="capacity_range"
        )
    seat.capacity, seat.no_preference, seat.confirmed_at = capacity, no_preference, timezone.now()
    seat.save(update_fields=["capacity", "no_preference", "confirmed_at"])
    # The places given to the round are open places on the profile too, so the
    # pairings publishing makes fit (the profile's capacity rises if it must).
    mentor = MentorProfile.objects.select_for_update().get(pk=seat.mentor_id)
    held = Pairing.objects.open().filter(mentor=mentor).count()
    needed = min(held + capacity, MAX_CAPACITY)
    if mentor.capacity < needed:
        mentor.capacity = needed
        mentor.save(update_fields=["capacity", "updated_at"])
    if no_preference:
        MentorRanking.objects.filter(round=round, mentor=seat.mentor).delete()
    return seat


def listed_by(round: Round, mentor: MentorProfile):
    """The mentees who put this mentor on their list (never where on it)."""
    return MenteeProfile.objects.filter(
        pk__in=Choice.objects.filter(round=round, mentor=mentor).values("mentee")
    )


@transaction.atomic
def mentor_ranking_set(*, round: Round, by: User, mentee_ids: list[int]) -> list[MentorRanking]:
    """A mentor puts the mentees who listed them in order (first is the one they'd
    most like); those left out follow in the lottery's order."""
    seat = _seat_for(round, by)
    allowed = set(listed_by(round, seat.mentor).values_list("pk", flat=True))
    ordered = list(dict.fromkeys(mentee_ids))
    if not set(ordered) <= allowed:
        raise RoundError("You can rank only the mentees who listed you.", code="not_listed_by")
    MentorRanking.objects.filter(round=round, mentor=seat.mentor).delete()
    rankings = MentorRanking.objects.bulk_create(
        MentorRanking(round=round, mentor=seat.mentor, mentee_id=pk, rank=n)
        for n, pk in enumerate(ordered, start=1)
    )
    if seat.no_preference and ordered:
        seat.no_preference = False
        seat.save(update_fields=["no_preference"])
    return rankings


@transaction.atomic
def exclusion_add(
    *, round: Round, mentor: MentorProfile, mentee: MenteeProfile, by: User, reason: str
) -> Exclusion:
    """Leave a pair out of the round: marked by the mentor (for a mentee who listed
    them), or by a director (any pair). The reason is for the directors only."""
    reason = reason.strip()
    if not reason:
        raise RoundError("Say why, in a few words: only the directors read it.", code="no_reason")
    if is_director_of(by, round):
        source = Exclusion.Source.DIRECTOR
        if round.state in (Round.State.PUBLISHED, Round.State.ARCHIVED):
            raise RoundError("This round is published already.", code="wrong_state")
    else:
        seat = _seat_for(round, by)
        if seat.mentor_id != mentor.pk or not listed_by(round, mentor).filter(pk=mentee.pk):
            raise RoundError("You can mark only mentees who listed you.", code="not_listed_by")
        source = Exclusion.Source.MENTOR
    if not Entrant.objects.filter(round=round, mentee=mentee).exists():
        raise RoundError(f"{mentee} isn't in this round.", code="not_entrant")
    exclusion, created = Exclusion.objects.get_or_create(
        round=round,
        mentor=mentor,
        mentee=mentee,
        defaults={"source": source, "reason": reason, "created_by": by},
    )
    if not created:
        raise RoundError("This pair is left out already.", code="already_excluded")
    return exclusion


@transaction.atomic
def exclusion_remove(*, exclusion: Exclusion, by: User) -> None:
    """Whoever marked a pair, or a director, puts it back."""
    round = exclusion.round
    if not (exclusion.created_by_id == by.pk or is_director_of(by, round)):
        raise RoundError("Only whoever marked it, or a director, can undo this.", code="not_yours")
    if exclusion.source == Exclusion.Source.MENTOR and not is_director_of(by, round):
        _seat_for(round, by)  # only while answers are open
    exclusion.delete()
