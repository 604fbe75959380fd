"""Approval becomes per program: MentorProfile.programs gets a through model,
Membership, that carries each program's own approval. Existing memberships keep
the approval their profile had (one approval covered every program until now)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def copy_memberships(apps, schema_editor):
    MentorProfile = apps.get_model("mentors", "MentorProfile")
    Membership = apps.get_model("mentors", "Membership")
    OldLink = MentorProfile.old_programs.through
    profiles = MentorProfile.objects.in_bulk()
    Membership.objects.bulk_create(
        [
            Membership(
                mentor_id=link.mentorprofile_id,
                program_id=link.program_id,
                approved_at=profiles[link.mentorprofile_id].approved_at,
                approved_by_id=profiles[link.mentorprofile_id].approved_by_id,
                created_at=profiles[link.mentorprofile_id].created_at,
            )
            for link in OldLink.objects.all()
        ],
        batch_size=1000,
    )


def copy_back(apps, schema_editor):
    """Back to one approval per profile: approved if approved in any program."""
    MentorProfile = apps.get_model("mentors", "MentorProfile")
    Membership = apps.get_model("mentors", "Membership")
    OldLink = MentorProfile.old_programs.through
    OldLink.objects.bulk_create(
        [
            OldLink(mentorprofile_id=m.mentor_id, program_id=m.program_id)
            for m in Membership.objects.all()
        ],
        batch_size=1000,
    )
    for membership in Membership.objects.filter(approved_at__isnull=False).order_by("approved_at"):
        MentorProfile.objects.filter(pk=membership.mentor_id, approved_at__isnull=True).update(
            approved_at=membership.approved_at, approved_by_id=membership.approved_by_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mentors", "0001_initial"),
        ("programs", "0002_starting_taxonomy"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Membership",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("approved_at", models.DateTimeField(blank=True, editable=False, null=True)),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                (
                    "approved_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "mentor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="mentors.mentorprofile",
                    ),
                ),
                (
                    "program",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="mentor_memberships",
                        to="programs.program",
                    ),
                ),
            ],
            options={
                "verbose_name": "program membership",
                "ordering": ["program__name", "pk"],
                "indexes": [
                    models.Index(
                        fields=["program", "approved_at"], name="membership_program_approved"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("mentor", "program"), name="one_membership_per_program"
                    )
                ],
            },
        ),
        # The old link table stays under another name until its rows are copied.
        migrations.RenameField("mentorprofile", "programs", "old_programs"),
        migrations.RunPython(copy_memberships, copy_back),
        migrations.RemoveField("mentorprofile", "old_programs"),
        migrations.AddField(
            model_name="mentorprofile",
            name="programs",
            field=models.ManyToManyField(
                help_text="The programs whose residents may ask you.",
                related_name="mentor_profiles",
                through="mentors.Membership",
                to="programs.program",
            ),
        ),
        migrations.RemoveField("mentorprofile", "approved_at"),
        migrations.RemoveField("mentorprofile", "approved_by"),
    ]
