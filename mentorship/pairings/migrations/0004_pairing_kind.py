"""A pairing's kind: faculty or near-peer. Pairings made before it are near-peer
where the mentor's appointment this year, in the pairing's program, is CA-2 or
CA-3 (as Pairing.kind_for decides for new ones); the rest stay faculty."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef
from django.utils import timezone

KIND = models.CharField(
    choices=[("faculty", "Faculty mentor"), ("near_peer", "Near-peer mentor")],
    db_index=True,
    default="faculty",
    help_text="Near-peer: the mentor was a CA-2 or CA-3 resident when the pairing began.",
    max_length=10,
    verbose_name="mentor type",
)


def mark_near_peers(apps, schema_editor):
    Pairing = apps.get_model("pairings", "Pairing")
    Appointment = apps.get_model("years", "Appointment")
    today = timezone.localdate()
    near_peer = Appointment.objects.filter(
        user=OuterRef("mentor__user"),
        year__program=OuterRef("program"),
        year__starts_on__lte=today,
        year__ends_on__gte=today,
        level__in=["ca2", "ca3"],
    )
    pks = Pairing.objects.filter(Exists(near_peer)).values_list("pk", flat=True)
    Pairing.objects.filter(pk__in=list(pks)).update(kind="near_peer")


class Migration(migrations.Migration):
    dependencies = [
        ("pairings", "0003_sort_views"),
        ("years", "0002_levels_from_mentee_profiles"),
    ]

    operations = [
        migrations.AddField(model_name="historicalpairing", name="kind", field=KIND),
        migrations.AddField(model_name="pairing", name="kind", field=KIND),
        migrations.RunPython(mark_near_peers, migrations.RunPython.noop),
    ]
