"""Demo requests and pairings, for `seed_demo`: one of every state for the core
people (through the services), and a realistic spread in bulk for generated ones."""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from accounts.models import User
from mentorship.demo.story_pairings import (
    CONFLICT_REASONS,
    CORE_STORY,
    DREW_YOU,
    END_REASONS,
    EXPLORE,
    HELP_NOW,
    MENTEE_CARRY_FORWARD,
    MENTEE_LEARNED,
    MENTOR_CARRY_FORWARD,
    MENTOR_LEARNED,
    NO_REPLIES,
    QUESTION_ANSWERS,
    QUESTIONS,
    REFERRAL_REASONS,
    YES_REPLIES,
)
from mentorship.demo.story_profiles import CORE_MENTEES, CORE_MENTORS
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings import services
from mentorship.pairings.models import MentorshipRequest, Pairing
from mentorship.programs.models import Program
from mentorship.years.terms import RoleTerm


def _backdate(instance, **fields) -> None:
    """Move a row's dates into the past, where a demo's history lives."""
    type(instance).objects.filter(pk=instance.pk).update(**fields)


def seed_story(director: User, now) -> tuple[int, int]:
    """The core people's requests and pairings, one of every state, made through
    the services as people would make them, then moved back in time.

    Told once: when any core mentee already has a request or a pairing, nothing is
    added. Returns how many requests and pairings were created.
    """
    mentors = {
        p.user.email: p
        for p in MentorProfile.objects.select_related("user").filter(user__email__in=CORE_MENTORS)
    }
    mentees = {
        p.user.email: p
        for p in MenteeProfile.objects.select_related("user", "program").filter(
            user__email__in=CORE_MENTEES
        )
    }
    core = list(mentees.values())
    if (
        MentorshipRequest.objects.filter(mentee__in=core).exists()
        or Pairing.objects.filter(mentee__in=core).exists()
    ):
        return 0, 0
    dana, luis, priya = (mentors[f"mentor{n}@example.com"] for n in ("", "2", "3"))
    noor_mentor = mentors["both@example.com"]
    sam, ana, jordan = (mentees[f"mentee{n}@example.com"] for n in ("", "2", "3"))
    noor = mentees["both@example.com"]
    today = timezone.localdate()

    def ago(days: int, hours: int = 0):
        return now - timedelta(days=days, hours=hours)

    def ask(mentee, mentor, key: str, days: int) -> MentorshipRequest:
        text = CORE_STORY[key]
        request = services.request_create(
            mentee=mentee,
            mentor=mentor,
            by=mentee.user,
            drew_you=text["drew_you"],
            explore=text.get("explore", ""),
            help_now=text.get("help_now", ""),
        )
        _backdate(request, created_at=ago(days, 3))
        return request

    def accept(request, key: str, days: int) -> Pairing:
        pairing = services.request_accept(
            request=request, by=request.mentor.user, reply=CORE_STORY[key].get("reply", "")
        )
        _backdate(request, closed_at=ago(days))
        _backdate(
            pairing,
            created_at=ago(days),
            mentor_confirmed_at=ago(days),
            mentee_confirmed_at=ago(days),
            started_on=today - timedelta(days=days) if pairing.started_on else None,
        )
        return pairing

    # Noor and Luis: a year together, ended, with both reflections.
    story = CORE_STORY["noor_luis"]
    ended = accept(ask(noor, luis, "noor_luis", 330), "noor_luis", 327)
    services.pairing_end(
        pairing=ended,
        by=noor.user,
        reason=story["end_reason"],
        learned=story["mentee_learned"],
        carry_forward=story["mentee_carry_forward"],
    )
    services.pairing_reflect(
        pairing=ended,
        by=luis.user,
        learned=story["mentor_learned"],
        carry_forward=story["mentor_carry_forward"],
    )
    _backdate(ended, ended_on=today - timedelta(days=40))

    # Noor and Priya: Priya sits on the competency committee, so a director
    # approved the pairing; paused now, while Noor interviews.
    paused = accept(ask(noor, priya, "noor_priya", 120), "noor_priya", 118)
    services.pairing_approve_conflict(
        pairing=paused, by=director, reason=CORE_STORY["noor_priya"]["conflict_reason"]
    )
    _backdate(paused, conflict_approved_at=ago(115), started_on=today - timedelta(days=115))
    services.pairing_pause(pairing=paused, by=noor.user)

    # Sam and Dana: two months in. Sam also asked Luis, four days ago.
    accept(ask(sam, dana, "sam_dana", 66), "sam_dana", 62)
    ask(sam, luis, "sam_luis", 4)

    # Ana: Luis declined kindly and suggested Priya; Priya asked a question first.
    story = CORE_STORY["ana_luis"]
    declined = ask(ana, luis, "ana_luis", 30)
    services.request_decline(
        request=declined,
        by=luis.user,
        reply=story["reply"],
        referred_to=priya,
        referral_reason=story["referral_reason"],
    )
    _backdate(declined, closed_at=ago(26))
    question = ask(ana, priya, "ana_priya", 9)
    services.request_ask_more(
        request=question, by=priya.user, question=CORE_STORY["ana_priya"]["question"]
    )
    _backdate(question, question_asked_at=ago(6))

    # Jordan: withdrew one request, let one expire, has just asked Dana, and a
    # director has proposed Noor as a mentor, which Noor has confirmed.
    withdrawn = ask(jordan, priya, "jordan_priya", 50)
    services.request_withdraw(request=withdrawn, by=jordan.user)
    _backdate(withdrawn, closed_at=ago(45))
    expired = ask(jordan, luis, "jordan_luis", 40)
    services.request_expire(request=expired)
    _backdate(expired, closed_at=ago(40 - jordan.program.request_expiry_days))
    ask(jordan, dana, "jordan_dana", 2)
    proposed = services.pairing_propose(mentor=noor_mentor, mentee=jordan, by=director)
    services.pairing_confirm(pairing=proposed, by=noor.user)
    _backdate(proposed, created_at=ago(3), mentor_confirmed_at=ago(1))
    return 9, 4


def seed_generated(program: Program, director: User, now) -> tuple[int, int]:
    """Requests and pairings for generated mentees that have none, in bulk.

    Of every 20 mentees, 12 are in an active pairing, 2 paused, 2 ended and 1
    proposed; the other 3 have requests waiting, declined, withdrawn or expired.
    A mentor's open pairings never pass their capacity, a mentee never has more
    pending requests than the program allows, and no pair has two open pairings or
    two pending requests. Returns how many requests and pairings were created.
    """
    pool = list(
        MentorProfile.objects.listed_in([program.pk])
        .filter(user__email__regex=r"^mentor\d{4}@example\.com$")
        .annotate(holding=Count("pairings", filter=Q(pairings__status__in=Pairing.OPEN_STATUSES)))
        .order_by("user__email")
    )
    if not pool:
        return 0, 0
    places = {m.pk: m.capacity - m.holding for m in pool}
    open_pool = [m for m in pool if m.accepting_new]
    busy = MentorshipRequest.objects.filter(mentee=OuterRef("pk"))
    paired = Pairing.objects.filter(mentee=OuterRef("pk"))
    mentees = list(
        MenteeProfile.objects.filter(
            user__email__regex=r"^mentee\d{4}@example\.com$", program=program
        )
        .exclude(Exists(busy))
        .exclude(Exists(paired))
        .select_related("user")
        .order_by("user__email")
    )
    today = timezone.localdate()
    expiry = program.request_expiry_days
    max_pending = program.max_pending_requests
    requests: list[MentorshipRequest] = []
    pairings: list[Pairing] = []
    cursor = 0

    def with_a_place():
        """The next accepting mentor with a free place, in turn; None when all are full."""
        nonlocal cursor
        for _ in range(len(open_pool)):
            mentor = open_pool[cursor % len(open_pool)]
            cursor += 1
            if places[mentor.pk] > 0:
                places[mentor.pk] -= 1
                return mentor
        return None

    def other_than(i: int, *taken, among=pool) -> MentorProfile:
        """A mentor picked by index, not one of `taken` when there is a choice."""
        for k in range(len(among)):
            mentor = among[(i * 11 + k) % len(among)]
            if mentor not in taken:
                return mentor
        return among[0]

    def when(days: int, i: int):
        return now - timedelta(days=days, hours=i % 9, minutes=(i * 7) % 60)

    def ask(mentee, mentor, i: int, days: int, status: str, closed_days: int | None = None):
        request = MentorshipRequest(
            mentee=mentee,
            mentor=mentor,
            program=program,
            status=status,
            drew_you=DREW_YOU[i % len(DREW_YOU)],
            explore=EXPLORE[(i // 2) % len(EXPLORE)],
            help_now=HELP_NOW[(i // 3) % len(HELP_NOW)],
            created_at=when(days, i),
        )
        if closed_days is not None:
            request.closed_at = when(closed_days, i)
            request.closed_by_id = {
                "accepted": mentor.user_id,
                "declined": mentor.user_id,
                "withdrawn": mentee.user_id,
            }.get(status)
        requests.append(request)
        return request

    # Who evaluates the program's residents today (years.RoleTerm), read once.
    evaluators = set(
        RoleTerm.objects.in_force(today)
        .evaluative()
        .filter(program=program)
        .values_list("user_id", flat=True)
    )

    def pair(mentee, mentor, i: int, status: str, started: int | None, request=None):
        evaluates = mentor.user_id in evaluators
        start = when(started, i) if started is not None else None
        pairing = Pairing(
            mentor=mentor,
            mentee=mentee,
            program=program,
            status=status,
            origin=Pairing.Origin.REQUEST if request else Pairing.Origin.DIRECTOR,
            request=request,
            created_at=start or when(1 + i % 10, i),
            created_by_id=mentor.user_id if request else director.pk,
            started_on=today - timedelta(days=started) if started is not None else None,
            mentor_confirmed_at=start or (when(0, i) if i % 2 else None),
            mentee_confirmed_at=start,
            needs_conflict_approval=evaluates,
        )
        if evaluates and start:
            pairing.conflict_approved_at, pairing.conflict_approved_by = start, director
            pairing.conflict_reason = CONFLICT_REASONS[i % len(CONFLICT_REASONS)]
        if request is not None:
            request.reply = YES_REPLIES[i % len(YES_REPLIES)]
        pairings.append(pairing)
        return pairing

    for mentee in mentees:
        i = int(mentee.user.email[6:10])
        kind = i % 20
        if kind < 17:
            # Ended pairings hold no place; the others take one.
            mentor = pool[(i * 7) % len(pool)] if kind in (14, 15) else with_a_place()
            if mentor is None:  # every place is taken: this mentee is still asking
                kind = 17
        if kind < 16:  # active, paused or ended, most of them after a request
            started = {12: 60, 13: 60, 14: 200, 15: 200}.get(kind, 7) + (i * 37) % 300
            request = None
            if i % 10 != 3:
                request = ask(mentee, mentor, i, started + 2 + i % 6, "accepted", started)
            status = {12: "paused", 13: "paused", 14: "ended", 15: "ended"}.get(kind, "active")
            pairing = pair(mentee, mentor, i, status, started, request)
            if status == "ended":
                pairing.ended_on = today - timedelta(days=10 + (i * 13) % 180)
                pairing.ended_by_id = (mentor.user_id, mentee.user_id)[i % 2]
                pairing.end_reason = END_REASONS[i % len(END_REASONS)]
                pairing.mentor_learned = MENTOR_LEARNED[i % len(MENTOR_LEARNED)]
                pairing.mentor_carry_forward = MENTOR_CARRY_FORWARD[i % len(MENTOR_CARRY_FORWARD)]
                pairing.mentee_learned = MENTEE_LEARNED[i % len(MENTEE_LEARNED)]
                pairing.mentee_carry_forward = MENTEE_CARRY_FORWARD[i % len(MENTEE_CARRY_FORWARD)]
            earlier = other_than(i, mentor)
            if i % 5 == 0 and earlier != mentor:  # found their mentor after an earlier no
                ask(mentee, earlier, i, started + 30, "declined", started + 25)
        elif kind == 16:  # proposed by a director, waiting for confirmation
            pair(mentee, mentor, i, "proposed", None)
        elif kind == 17:  # waiting for answers, some with a question in between
            asked = open_pool or pool
            first = other_than(i, among=asked)
            second = other_than(i + 1, first, among=asked)
            for n, mentor in enumerate(dict.fromkeys([first, second][:max_pending])):
                days = 2 + (i * 3 + n * 5) % max(1, expiry - 3)
                request = ask(mentee, mentor, i + n, days, "pending")
                if (i + n) % 3 == 0:
                    request.question = QUESTIONS[i % len(QUESTIONS)]
                    request.question_asked_at = when(days - 1, i)
                    if (i + n) % 2 == 0:
                        request.question_answer = QUESTION_ANSWERS[i % len(QUESTION_ANSWERS)]
                        request.question_answered_at = when(days - 2, i)
        elif kind == 18:  # declined, half with a colleague suggested
            mentor = other_than(i)
            days = 20 + (i * 17) % 150
            request = ask(mentee, mentor, i, days, "declined", days - 1 - i % 6)
            request.reply = NO_REPLIES[i % len(NO_REPLIES)]
            colleague = other_than(i + 1, mentor)
            if i % 2 == 0 and colleague != mentor:
                request.referred_to = colleague
                request.referral_reason = REFERRAL_REASONS[i % len(REFERRAL_REASONS)]
        else:  # one withdrawn, one left to expire
            first = other_than(i)
            days = 30 + (i * 19) % 200
            ask(mentee, first, i, days, "withdrawn", days - 2 - i % 5)
            days = 60 + (i * 23) % 200
            ask(mentee, other_than(i + 1, first), i, days, "expired", days - expiry)

    MentorshipRequest.objects.bulk_create(requests, batch_size=500)
    Pairing.objects.bulk_create(pairings, batch_size=500)
    return len(requests), len(pairings)
