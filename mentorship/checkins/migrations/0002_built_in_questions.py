from django.db import migrations

from mentorship.checkins.questions import BUILT_IN, FIELDS


def add(apps, schema_editor):
    Question = apps.get_model("checkins", "Question")
    for order, row in enumerate(BUILT_IN):
        values = dict(zip(FIELDS, row, strict=True))
        Question.objects.update_or_create(
            program=None,
            kind=values.pop("kind"),
            key=values.pop("key"),
            defaults={**values, "order": order},
        )


def remove(apps, schema_editor):
    apps.get_model("checkins", "Question").objects.filter(program=None).delete()


class Migration(migrations.Migration):
    dependencies = [("checkins", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
