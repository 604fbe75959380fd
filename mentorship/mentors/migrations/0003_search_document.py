"""The directory's search, indexed on PostgreSQL.

Each profile keeps its name and texts as one English tsvector with a GIN index,
so a search reads the index instead of building 3,000 documents per request.
Triggers keep it current on every write, by the app, the admin, seed_demo's bulk
inserts or SQL by hand: when the profile changes and when its person's name
does. SQLite gets the empty column and searches field by field (views._search).
"""

import django.contrib.postgres.search
from django.db import migrations

# The same fields, in the same order, as directory.SEARCH_FIELDS.
DOCUMENT = """
    to_tsvector('english'::regconfig, concat_ws(' ',
        (SELECT name FROM {user} WHERE id = NEW.user_id),
        NEW.title, NEW.division, NEW.how_i_help, NEW.wish_told, NEW.ask_me_about,
        NEW.learning_now))
"""

CREATE = """
CREATE FUNCTION mentors_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document := {document};
    RETURN NEW;
END $$;

CREATE TRIGGER mentors_search_document
    BEFORE INSERT OR UPDATE ON {profile}
    FOR EACH ROW EXECUTE FUNCTION mentors_search_document();

-- A renamed person is found by their new name: touching the profile remakes it.
CREATE FUNCTION mentors_search_document_of_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {profile} SET search_document = NULL WHERE user_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER mentors_search_document_of_name
    AFTER UPDATE OF name ON {user}
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION mentors_search_document_of_name();

CREATE INDEX mentors_search_document ON {profile} USING gin (search_document);

UPDATE {profile} SET search_document = NULL;
"""

DROP = """
DROP INDEX IF EXISTS mentors_search_document;
DROP TRIGGER IF EXISTS mentors_search_document_of_name ON {user};
DROP FUNCTION IF EXISTS mentors_search_document_of_name();
DROP TRIGGER IF EXISTS mentors_search_document ON {profile};
DROP FUNCTION IF EXISTS mentors_search_document();
"""


def tables(apps, schema_editor) -> dict:
    quote = schema_editor.quote_name
    return {
        "profile": quote(apps.get_model("mentors", "MentorProfile")._meta.db_table),
        "user": quote(apps.get_model("accounts", "User")._meta.db_table),
    }


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    names = tables(apps, schema_editor)
    document = DOCUMENT.format(**names)
    schema_editor.execute(CREATE.format(document=document, **names))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP.format(**tables(apps, schema_editor)))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("mentors", "0002_membership"),
    ]

    operations = [
        migrations.AddField(
            model_name="mentorprofile",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create, drop),
    ]
