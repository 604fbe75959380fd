"""The levels mentees typed on their profiles become their appointments in the
current academic year of their program (July 1 unless the program says otherwise)."""

from datetime import date

from django.db import migrations
from django.utils import timezone


def year_start(program, day):
    start = date(day.year, program.year_starts_month, program.year_starts_day)
    return start if start <= day else start.replace(year=day.year - 1)


def levels_to_appointments(apps, schema_editor):
    MenteeProfile = apps.get_model("mentees", "MenteeProfile")
    AcademicYear = apps.get_model("years", "AcademicYear")
    Appointment = apps.get_model("years", "Appointment")
    today = timezone.localdate()
    years = {}
    for profile in MenteeProfile.objects.select_related("program").iterator():
        program = profile.program
        if program.pk not in years:
            starts_on = year_start(program, today)
            ends_on = date.fromordinal(starts_on.replace(year=starts_on.year + 1).toordinal() - 1)
            years[program.pk], _ = AcademicYear.objects.get_or_create(
                program=program, starts_on=starts_on, defaults={"ends_on": ends_on}
            )
        Appointment.objects.get_or_create(
            user_id=profile.user_id,
            year=years[program.pk],
            defaults={"level": profile.training_level},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("years", "0001_initial"),
        ("mentees", "0001_initial"),
    ]

    operations = [migrations.RunPython(levels_to_appointments, migrations.RunPython.noop)]
