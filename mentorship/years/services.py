"""Changes to the program year, one function each."""

from datetime import date

from django.db import transaction

from accounts.models import User
from mentorship.programs.models import Program

from .models import AcademicYear, Appointment


@transaction.atomic
def appointment_set(
    *, user: User, program: Program, level: str, day: date | None = None
) -> Appointment:
    """This person's level in the program's year that `day` (today) falls in: made,
    or changed when it differs. The row is locked, so two saves at once make one."""
    year = AcademicYear.objects.for_day(program, day)
    appointment, made = Appointment.objects.select_for_update().get_or_create(
        user=user, year=year, defaults={"level": level}
    )
    if not made and appointment.level != level:
        appointment.level = level
        appointment.save(update_fields=["level", "updated_at"])
    return appointment
