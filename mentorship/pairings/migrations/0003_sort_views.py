"""Two views that lists of mentors sort by: the places each mentor's open
pairings hold, and the interests each mentor shares with each mentee. Plain SQL
that SQLite and PostgreSQL both read; the models over them are unmanaged."""

import django.db.models.deletion
from django.db import migrations, models

# Pairing.OPEN_STATUSES: a change there needs a migration that remakes the view.
MENTOR_LOAD = """
CREATE VIEW pairings_mentor_load AS
SELECT mentor_id, COUNT(*) AS held
FROM pairings_pairing
WHERE status IN ('proposed', 'active', 'paused')
GROUP BY mentor_id
"""

INTERESTS_IN_COMMON = """
CREATE VIEW pairings_interests_in_common AS
SELECT mentor.mentorprofile_id AS mentor_id, mentee.menteeprofile_id AS mentee_id,
       COUNT(*) AS shared
FROM mentors_mentorprofile_interests AS mentor
JOIN mentees_menteeprofile_interests AS mentee ON mentee.interest_id = mentor.interest_id
GROUP BY mentor.mentorprofile_id, mentee.menteeprofile_id
"""


class Migration(migrations.Migration):
    dependencies = [
        ("mentees", "0001_initial"),
        ("mentors", "0003_search_document"),
        ("pairings", "0002_form_token"),
    ]

    operations = [
        migrations.RunSQL(MENTOR_LOAD, "DROP VIEW pairings_mentor_load"),
        migrations.RunSQL(INTERESTS_IN_COMMON, "DROP VIEW pairings_interests_in_common"),
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
