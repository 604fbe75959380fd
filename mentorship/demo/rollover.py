"""The demo's rollover: the residency's move into next year, drafted, with one
resident held back, so the director can open the wizard and see what July 1
will change. The CA-3s of this year's appointments (both@example.com among
them) are its graduates. A second run adds nothing."""

from datetime import datetime, timedelta

from django.utils import timezone

from accounts.models import User
from mentorship.programs.models import Program
from mentorship.rollover.models import Rollover, RolloverChoice
from mentorship.years.models import AcademicYear, Appointment, Level

HELD_BACK = "mentee3@example.com"


def seed_rollover(residency: Program, director: User, now: datetime) -> Rollover:
    this_year = AcademicYear.objects.for_day(residency, timezone.localdate(now))
    next_year = AcademicYear.objects.for_day(residency, this_year.ends_on + timedelta(days=1))
    rollover, _ = Rollover.objects.get_or_create(program=residency, to_year=next_year)
    held = (
        Appointment.objects.filter(year=this_year, user__email=HELD_BACK)
        .exclude(level=Level.FACULTY)
        .select_related("user")
        .first()
    )
    if held is not None:
        RolloverChoice.objects.get_or_create(
            rollover=rollover,
            user=held.user,
            defaults={
                "choice": RolloverChoice.Choice.HOLD_BACK,
                "reason": "Back from six months' leave: repeats the year.",
                "made_by": director,
            },
        )
    return rollover
