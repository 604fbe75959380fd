"""Conflicts that arrive during a pairing: found once a day, resolved by a director.

A role term that starts while a pairing runs can make the mentor evaluate their own
mentee (they join the CCC, become an associate program director). The daily check
records one ConflictNotice per pairing and term and tells the program's directors;
a director then records a recusal, reassigns the mentee, or accepts with a reason.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentorship.site import absolute
from mentorship.years.terms import RoleTerm

from ..emails import queue_email
from ..models import ConflictNotice, Pairing
from .changes import PairingError, is_director_of

# Terms that started this many days back are still looked at: a day or a week
# when the job didn't run is caught up; a term older than that isn't news.
LOOK_BACK = timedelta(days=7)


def conflict_notices_find(*, day: date | None = None) -> int:
    """Notices for running pairings whose mentor, by a term in force on `day` (today)
    that started during the pairing, now evaluates the mentee's program. A pairing
    approved on or after the term's first day is covered (the approval knew of it);
    a pairing with a notice for the term already gets no second one. Returns how
    many notices were made."""
    day = day or timezone.localdate()
    terms = (
        RoleTerm.objects.in_force(day)
        .evaluative()
        .filter(starts_on__gte=day - LOOK_BACK)
        .select_related("program")
    )
    made = 0
    for term in terms:
        pairings = (
            Pairing.objects.running()
            .filter(
                mentor__user_id=term.user_id,
                program_id=term.program_id,
                started_on__lt=term.starts_on,
            )
            .exclude(conflict_approved_at__date__gte=term.starts_on)
            .exclude(conflict_notices__term=term)
            .select_related("mentor__user", "mentee__user")
        )
        for pairing in pairings:
            made += _record(pairing, term)
    return made


def _record(pairing: Pairing, term: RoleTerm) -> bool:
    """One notice, and its e-mail once it commits. Two runs at once make one: the
    unique constraint refuses the second, which then sends nothing."""
    try:
        with transaction.atomic():
            notice = ConflictNotice.objects.create(pairing=pairing, term=term)
            queue_email(
                "conflict_notice",
                to=list(term.program.directors.all()),
                notice=notice,
                pairing=pairing,
                term=term,
                url=absolute(reverse("admin:pairings_conflictnotice_change", args=[notice.pk])),
            )
    except IntegrityError:
        return False
    return True


RESOLUTIONS_NEEDING_A_NOTE = {
    ConflictNotice.Resolution.RECUSED: "Say what the mentor steps out of, for example "
    "“Dr Grey leaves the room when the CCC reviews Sam”.",
    ConflictNotice.Resolution.ACCEPTED: "Record why the pairing can go on.",
}


@transaction.atomic
def conflict_notice_resolve(
    *, notice: ConflictNotice, by: User, resolution: str, note: str
) -> ConflictNotice:
    """A director records how a conflict is settled: a recusal or an accepted reason
    (reassigning goes through pairing_reassign, which settles its notices itself)."""
    notice = ConflictNotice.objects.select_for_update().select_related("pairing").get(pk=notice.pk)
    if not is_director_of(by, notice.pairing.program):
        raise PairingError("Only a director of this program can settle it.", code="not_director")
    if not notice.is_open:
        raise PairingError("This conflict is settled already.", code="already_resolved")
    if resolution not in RESOLUTIONS_NEEDING_A_NOTE:
        raise PairingError(
            "Choose a recusal or an accepted reason; to reassign, use the pairing's "
            "“Reassign” action.",
            code="bad_resolution",
        )
    if not note.strip():
        raise PairingError(RESOLUTIONS_NEEDING_A_NOTE[resolution], code="note_required")
    _settle(notice, by, resolution, note.strip())
    return notice


def conflict_notices_settle_by_reassigning(*, pairing: Pairing, by: User, to: str) -> int:
    """The open notices of a pairing that was reassigned: settled by it."""
    notices = list(ConflictNotice.objects.open().select_for_update().filter(pairing=pairing))
    for notice in notices:
        _settle(notice, by, ConflictNotice.Resolution.REASSIGNED, f"Reassigned to {to}.")
    return len(notices)


def _settle(notice: ConflictNotice, by: User, resolution: str, note: str) -> None:
    notice.resolution, notice.resolution_note = resolution, note
    notice.resolved_at, notice.resolved_by = timezone.now(), by
    notice.save(update_fields=["resolution", "resolution_note", "resolved_at", "resolved_by"])
