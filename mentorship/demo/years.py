"""The demo's program year: this academic year and the next for each program, and
this year's appointments: each demo mentee at their level, each listed mentor as
faculty (or a fellow). A second run adds nothing."""

from datetime import datetime, timedelta

from django.utils import timezone

from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import Membership
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear, Appointment, Level


def seed_years(programs: list[Program], now: datetime) -> int:
    """This year and the next of each program; this year's appointments for the
    mentees and listed mentors who have none. Returns how many were made."""
    today = timezone.localdate(now)
    this_year = {}
    for program in programs:
        year = this_year[program.pk] = AcademicYear.objects.for_day(program, today)
        AcademicYear.objects.for_day(program, year.ends_on + timedelta(days=1))
    placed = set(
        Appointment.objects.filter(year__in=this_year.values()).values_list("user_id", "year_id")
    )
    new = [
        Appointment(user_id=user_id, year=this_year[program_id], level=level)
        for user_id, program_id, level in MenteeProfile.objects.filter(program__in=this_year)
        # Someone of an incoming class starts in a later year, not this one.
        .exclude(user__appointments__year__starts_on__gt=today)
        .values_list("user_id", "program_id", "training_level")
        if (user_id, this_year[program_id].pk) not in placed
    ]
    placed |= {(row.user_id, row.year.pk) for row in new}
    # Mentors listed in a program: faculty there, or fellows by their title (a
    # resident who mentors too keeps their resident's level).
    new += [
        Appointment(
            user_id=user_id,
            year=this_year[program_id],
            level=Level.FELLOW if "fellow" in title.lower() else Level.FACULTY,
        )
        for user_id, program_id, title in Membership.objects.approved()
        .filter(program__in=this_year)
        .values_list("mentor__user_id", "program_id", "mentor__title")
        if (user_id, this_year[program_id].pk) not in placed
    ]
    Appointment.objects.bulk_create(new, batch_size=1000)
    return len(new)
