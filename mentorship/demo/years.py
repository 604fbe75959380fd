"""The demo's program year: this academic year and the next for each program, and
every demo mentee's level as this year's appointment. A second run adds nothing."""

from datetime import datetime, timedelta

from django.utils import timezone

from mentorship.mentees.models import MenteeProfile
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear, Appointment


def seed_years(programs: list[Program], now: datetime) -> int:
    """This year and the next of each program; this year's appointments for the
    mentees who have none. Returns how many appointments were made."""
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
        for user_id, program_id, level in MenteeProfile.objects.filter(
            program__in=this_year
        ).values_list("user_id", "program_id", "training_level")
        if (user_id, this_year[program_id].pk) not in placed
    ]
    Appointment.objects.bulk_create(new, batch_size=1000)
    return len(new)
