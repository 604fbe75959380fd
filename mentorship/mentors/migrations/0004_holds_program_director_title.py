"""MentorProfile.is_program_director read like the app's director role (User.is_director);
it says the mentor holds the residency program director's title, an evaluating role."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("mentors", "0003_search_document")]

    operations = [
        migrations.RenameField(
            model_name="mentorprofile",
            old_name="is_program_director",
            new_name="holds_program_director_title",
        ),
    ]
