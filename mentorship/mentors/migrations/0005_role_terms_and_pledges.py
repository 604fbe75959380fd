"""The mentors' role flags become dated role terms (years.RoleTerm): open-ended, from the
first day of the current academic year of each program the mentor belongs to. Then the
flags go; and the mentors' yearly word (EvaluationPledge) gets its table."""

from datetime import date

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

FLAGS = {
    "holds_program_director_title": "program_director",
    "is_associate_program_director": "associate_program_director",
    "is_ccc_member": "ccc_member",
}


def year_start(program, day):
    start = date(day.year, program.year_starts_month, program.year_starts_day)
    return start if start <= day else start.replace(year=day.year - 1)


def flags_to_terms(apps, schema_editor):
    MentorProfile = apps.get_model("mentors", "MentorProfile")
    RoleTerm = apps.get_model("years", "RoleTerm")
    today = django.utils.timezone.localdate()
    flagged = MentorProfile.objects.filter(
        models.Q(holds_program_director_title=True)
        | models.Q(is_associate_program_director=True)
        | models.Q(is_ccc_member=True)
    ).prefetch_related("memberships__program")
    for profile in flagged.iterator(chunk_size=500):
        for membership in profile.memberships.all():
            program = membership.program
            for flag, role in FLAGS.items():
                if getattr(profile, flag):
                    RoleTerm.objects.get_or_create(
                        user_id=profile.user_id,
                        program=program,
                        role=role,
                        ends_on=None,
                        defaults={
                            "starts_on": year_start(program, today),
                            "note": "From the mentor's profile, before roles had dates.",
                        },
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("mentors", "0004_holds_program_director_title"),
        ("years", "0003_role_terms"),
    ]

    operations = [
        migrations.RunPython(flags_to_terms, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="mentorprofile",
            name="holds_program_director_title",
        ),
        migrations.RemoveField(
            model_name="mentorprofile",
            name="is_associate_program_director",
        ),
        migrations.RemoveField(
            model_name="mentorprofile",
            name="is_ccc_member",
        ),
        migrations.CreateModel(
            name="EvaluationPledge",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "confirmed_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                (
                    "mentor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pledges",
                        to="mentors.mentorprofile",
                    ),
                ),
                (
                    "year",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="pledges",
                        to="years.academicyear",
                    ),
                ),
            ],
            options={
                "ordering": ["-year__starts_on", "pk"],
                "constraints": [
                    models.UniqueConstraint(fields=("mentor", "year"), name="one_pledge_per_year")
                ],
            },
        ),
    ]
