"""Who has a mentor, and how far an incoming class has come."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from mentorship.invitations.models import Invitation
from mentorship.meetings.models import Meeting
from mentorship.pairings.models import Pairing
from mentorship.years.models import Level

from .base import Scope, Status, Table, level_label, pct_text, residents, share

# --- coverage -------------------------------------------------------------------


@dataclass
class Coverage:
    residents: int
    mentored: int
    by_level: list[tuple[str, int, int]]  # (level, residents, with a mentor)

    @property
    def pct(self) -> int | None:
        return share(self.mentored, self.residents)

    def table(self) -> Table:
        rows = [[level_label(level), n, m, pct_text(share(m, n))] for level, n, m in self.by_level]
        rows.append(["Every level", self.residents, self.mentored, pct_text(self.pct)])
        return Table(
            "Residents with a mentor, by level",
            ["Level", "Residents", "With a mentor", "Share"],
            rows,
        )


def coverage(scope: Scope) -> Coverage:
    """Residents with an active mentor on the year's `as_of` day, of all its residents,
    by level (one grouped query)."""
    counts = {
        row["level"]: (row["n"], row["m"])
        for row in residents(scope)
        .order_by()
        .values("level")
        .annotate(n=Count("pk"), m=Count("pk", filter=Q(mentored=True)))
    }
    by_level = [(level, *counts[level]) for level in Level.values if level in counts]
    return Coverage(
        residents=sum(n for _, n, _ in by_level),
        mentored=sum(m for _, _, m in by_level),
        by_level=by_level,
    )


# --- the incoming class ---------------------------------------------------------


@dataclass
class Funnel:
    invited: int
    joined: int
    matched: int
    met: int

    def table(self) -> Table:
        return Table(
            "Residents invited this year, and how far they have come",
            ["Step", "Residents", "Share of those invited"],
            [
                [label, n, pct_text(share(n, self.invited))]
                for label, n in (
                    ("Invited", self.invited),
                    ("Joined", self.joined),
                    ("Matched with a mentor", self.matched),
                    ("Met their mentor", self.met),
                )
            ],
        )


def funnel(scope: Scope) -> Funnel:
    """Residents invited to start in the year (of its level), how many joined, were
    paired (a pairing under way or over, of the mentor type) and met their mentor."""
    invited = Invitation.objects.filter(
        program__in=scope.program_ids,
        starts_on__gte=scope.starts_on,
        starts_on__lte=scope.ends_on,
    )
    if scope.level:
        invited = invited.filter(level=scope.level)
    paired = Pairing.objects.filter(
        mentee__user=OuterRef("user"), program=OuterRef("program")
    ).exclude(status=Status.PROPOSED)
    if scope.kind:
        paired = paired.filter(kind=scope.kind)
    met = Meeting.objects.held().filter(
        pairing__mentee__user=OuterRef("user"), pairing__program=OuterRef("program")
    )
    if scope.kind:
        met = met.filter(pairing__kind=scope.kind)
    counts = invited.annotate(has_pairing=Exists(paired), has_met=Exists(met)).aggregate(
        invited=Count("pk"),
        joined=Count("pk", filter=Q(joined_at__isnull=False)),
        matched=Count("pk", filter=Q(has_pairing=True)),
        met=Count("pk", filter=Q(has_met=True)),
    )
    return Funnel(**counts)
