"""The rollover tests' own people: a program's current year and next, and
residents at each level in it. The year runs July 1 to June 30; "today" is in
May, when the wizard is open."""

from datetime import date

from mentorship.years.models import AcademicYear, Appointment

THIS_YEAR = date(2026, 7, 1)
NEXT_YEAR = date(2027, 7, 1)
IN_MAY = date(2027, 5, 3)
BEFORE_APRIL = date(2026, 12, 3)


def years(program) -> tuple[AcademicYear, AcademicYear]:
    this = AcademicYear.objects.for_day(program, THIS_YEAR)
    following = AcademicYear.objects.for_day(program, NEXT_YEAR)
    return this, following


def appoint(user, year, level, **fields) -> Appointment:
    return Appointment.objects.create(user=user, year=year, level=level, **fields)
