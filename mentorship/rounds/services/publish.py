"""Publishing a round: every pair of its run becomes a pairing through the pairing
services, at once, and everyone hears their result in the same moment.

What changed since the run is checked pair by pair: a mentee who left the
program or found a mentor meanwhile, a mentor with fewer places now (their
capacity lowered, or a mentee taken by request), a mentor who holds an
evaluative role now. Those pairs are left out and the report says which and why;
the rest are made. A second publish, by the same director or another at the same
moment, finds the round published and makes nothing.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings import services as pairings
from mentorship.pairings.models import Pairing
from mentorship.site import absolute

from ..emails import queue_email
from ..models import Round
from .changes import RoundError, lock_round, require_director
from .runs import Inputs


def _why_not(error: pairings.PairingError, mentor: MentorProfile, mentee, since) -> str:
    if error.code == "no_open_places":
        by_request = Pairing.objects.filter(
            mentor=mentor, origin=Pairing.Origin.REQUEST, created_at__gte=since
        ).exists()
        if by_request:
            return f"{mentor} took a mentee by request after the run and has no place left."
        return f"{mentor} has fewer places now than when the round ran."
    if error.code == "has_mentor":
        return f"{mentee} found a mentor after the run."
    if error.code == "not_in_program":
        return f"{mentee} is no longer in the program."
    return error.message


@transaction.atomic
def round_publish(*, round: Round, by: User) -> dict:
    """Make the round's pairings and send every result. Returns the report:
    {"paired": n, "skipped": [{"mentee", "mentor", "why"}]}."""
    round = lock_round(round)
    require_director(by, round)
    if round.state in (Round.State.PUBLISHED, Round.State.ARCHIVED):
        raise RoundError(
            f"{round.name} was published on {round.published_at:%-d %B} already; "
            "nothing was made twice.",
            code="published",
        )
    if round.state != Round.State.SOLVED:
        raise RoundError("Run the round and review it before publishing.", code="not_solved")
    run = round.run
    inputs = Inputs.from_json(run.input)
    matched = run.matched()
    mentees = MenteeProfile.objects.select_related("user").in_bulk(inputs.entrants)
    mentors = MentorProfile.objects.select_related("user").in_bulk(list(inputs.capacities))
    # Each mentor's mentees in the mentor's own order: when a place is gone, the
    # mentee they ranked lowest is the one left out.
    position = {
        mentor: {mentee: n for n, mentee in enumerate(order)}
        for mentor, order in inputs.mentor_prefs.items()
    }
    pairs = sorted(matched.items(), key=lambda p: (p[1], position[p[1]].get(p[0], 10_000)))
    made, skipped = [], []
    for mentee_id, mentor_id in pairs:
        mentee, mentor = mentees[mentee_id], mentors[mentor_id]
        if not mentee.user.is_active:
            skipped.append((mentee, mentor, f"{mentee} is no longer in the program."))
            continue
        try:
            with transaction.atomic():
                pairing = pairings.pairing_from_round(
                    mentor=mentor, mentee=mentee, program=round.program, by=by
                )
        except pairings.PairingError as error:
            skipped.append((mentee, mentor, _why_not(error, mentor, mentee, run.created_at)))
            continue
        made.append(pairing)

    ranks = {
        mentee: inputs.mentee_prefs[mentee].index(mentor) + 1
        for mentee, mentor in matched.items()
        if mentor in inputs.mentee_prefs.get(mentee, [])
    }
    for pairing in made:
        queue_email(
            "result_mentee",
            to=[pairing.mentee.user],
            round=round,
            pairing=pairing,
            rank=ranks.get(pairing.mentee_id, 0),
            url=absolute(pairing.get_absolute_url()),
        )
    paired = {p.mentee_id for p in made}
    unmatched = [mentees[m] for m in inputs.entrants if m not in paired]
    if unmatched:
        queue_email(
            "result_unmatched",
            to=[m.user for m in unmatched],
            round=round,
            url=absolute(reverse("mentors:directory")),
        )
    by_mentor: dict[int, list] = {}
    for pairing in made:
        by_mentor.setdefault(pairing.mentor_id, []).append(pairing)
    for mentor_id, theirs in by_mentor.items():
        queue_email(
            "result_mentor",
            to=[mentors[mentor_id].user],
            round=round,
            count=len(theirs),
            names=", ".join(str(p.mentee) for p in theirs),
            url=absolute(reverse("home")),
        )
    report = {
        "paired": len(made),
        "skipped": [
            {"mentee": mentee.pk, "mentor": mentor.pk, "why": why}
            for mentee, mentor, why in skipped
        ],
        "unmatched": len(unmatched),
    }
    round.state, round.published_at, round.published_by = (
        Round.State.PUBLISHED,
        timezone.now(),
        by,
    )
    round.published_report = report
    round.save(update_fields=["state", "published_at", "published_by", "published_report"])
    return report
