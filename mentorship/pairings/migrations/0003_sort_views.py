"""Two views that lists of mentors sort by: the places each mentor's open
pairings hold, and the interests each mentor shares with each mentee. The models
over them are unmanaged; the views themselves are made by every `migrate` once
it is done (mentorship/pairings/sort_views.py), from the models of that day."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mentees", "0001_initial"),
        ("mentors", "0003_search_document"),
        ("pairings", "0002_form_token"),
    ]

    operations = [
        migrations.CreateModel(
            name="MentorLoad",
            fields=[
                (
                    "mentor",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="load",
                        serialize=False,
                        to="mentors.mentorprofile",
                    ),
                ),
                ("held", models.PositiveIntegerField()),
            ],
            options={"db_table": "pairings_mentor_load", "managed": False},
        ),
        migrations.CreateModel(
            name="InterestsInCommon",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "mentor",
                        "mentee",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "mentor",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="interests_in_common",
                        to="mentors.mentorprofile",
                    ),
                ),
                (
                    "mentee",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="interests_in_common",
                        to="mentees.menteeprofile",
                    ),
                ),
                ("shared", models.PositiveIntegerField()),
            ],
            options={"db_table": "pairings_interests_in_common", "managed": False},
        ),
    ]
