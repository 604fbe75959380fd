from django.db import migrations

from mentorship.checkins.questions import ensure_built_in


def add(apps, schema_editor):
    ensure_built_in(apps.get_model("checkins", "Question"))


def remove(apps, schema_editor):
    apps.get_model("checkins", "Question").objects.filter(program=None).delete()


class Migration(migrations.Migration):
    dependencies = [("checkins", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
