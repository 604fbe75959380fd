"""When a pairing last met, how often, and whether it has gone quiet: defined once.

Mixed into PairingQuerySet and Pairing (models.py). The meetings are reached
through the reverse relation `meetings`, so the pairings app imports nothing of
the meetings app above it.
"""

from datetime import date, datetime, time

from django.db.models import DateTimeField, Exists, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from mentorship.subqueries import count_per


class MeetingFiguresQuerySet:
    """The queryset side: PairingQuerySet's figures of the meetings held."""

    def _held_meetings(self):
        meeting = self.model._meta.get_field("meetings").related_model
        return meeting.objects.filter(status=meeting.Status.HELD)

    def with_meeting_figures(self):
        """Each pairing's last held meeting (`last_meeting_on`, a date in the site's
        time zone), how many it held (`meetings_held`), and `last_met`: that date,
        or the start when none was held yet.

        Correlated subqueries through the meetings' pairing index: PostgreSQL runs
        them for the page's rows only, after the sort and the LIMIT, unless a filter
        or a sort asks for them. A join with GROUP BY would first add up every
        meeting of every pairing in the program, however few rows the page shows."""
        held = self._held_meetings().order_by()
        # MAX as a plain function, as count_per() has COUNT: one pairing needs no GROUP BY.
        last = Func("starts_at", function="MAX", output_field=DateTimeField())
        return self.annotate(
            last_meeting_on=TruncDate(
                Subquery(held.filter(pairing=OuterRef("pk")).values(at=last))
            ),
            meetings_held=count_per(held, "pairing"),
        ).annotate(last_met=Coalesce(F("last_meeting_on"), F("started_on")))

    def quiet_since(self, since: date):
        """Running pairings whose `last_met` (with_meeting_figures) is before `since`:
        no meeting held on or after that day, and one held before it or a start before it.

        Said with EXISTS rather than through last_met, PostgreSQL reads the held
        meetings once for all the pairings (an anti-join), where last_met would run
        its subquery for every running pairing of the program."""
        held = self._held_meetings().filter(pairing=OuterRef("pk"))
        # Held on or after that day where the site is: from its midnight on.
        midnight = datetime.combine(since, time.min, tzinfo=timezone.get_current_timezone())
        return (
            self.running()
            .exclude(Exists(held.filter(starts_at__gte=midnight)))
            .filter(Q(started_on__lt=since) | Q(Exists(held)))
        )


class MeetingFiguresMixin:
    """The pairing side: days since the two met, and days quiet."""

    @classmethod
    def days_since(cls, status: str, last_met: date | None, today: date) -> int | None:
        """Days since the two last met (or started), for pairings still running: the
        rule of days_since_met() for rows read as plain values (the CSV export)."""
        if status not in cls.RUNNING_STATUSES or last_met is None:
            return None
        return (today - last_met).days

    def _last_met(self) -> date | None:
        """`last_met` as with_meeting_figures() annotates it; one query for a
        pairing read without it."""
        if not hasattr(self, "last_met"):
            self.last_met = (
                type(self)
                .objects.filter(pk=self.pk)
                .with_meeting_figures()
                .values_list("last_met", flat=True)
                .first()
            )
        return self.last_met

    def days_since_met(self, today: date | None = None) -> int | None:
        """Days since the last held meeting, or since the start when none was held;
        None unless the pairing is running (active or paused)."""
        if not self.is_running:
            return None
        return self.days_since(self.status, self._last_met(), today or timezone.localdate())

    def days_quiet(self, today: date | None = None) -> int | None:
        """Days since the two met, when the pairing is active and that is beyond its
        program's meeting target; else None (a paused pairing is not quiet)."""
        if self.status != self.Status.ACTIVE:
            return None
        days = self.days_since_met(today)
        if days is None or days <= self.program.meeting_target_days:
            return None
        return days
