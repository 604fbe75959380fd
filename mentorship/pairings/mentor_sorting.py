"""The two database views lists of mentors sort by (models MentorLoad and
InterestsInCommon), made from the models so they can't drift from them.

A view pins the columns it reads: PostgreSQL refuses to alter them, and SQLite's
rebuild of a table for a migration fails while a view names it. So every
`migrate` drops the views before it starts and makes them again once it is done
(PairingsConfig.ready), whatever it changes, and Pairing.OPEN_STATUSES is read
afresh each time.
"""

from django.db import connection as default_connection

from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile

from .models import InterestsInCommon, MentorLoad, Pairing


def _views(connection) -> dict[str, str]:
    quote = connection.ops.quote_name
    statuses = ", ".join(f"'{status}'" for status in Pairing.OPEN_STATUSES)
    mentor_interests = MentorProfile.interests.through._meta.db_table
    mentee_interests = MenteeProfile.interests.through._meta.db_table
    return {
        MentorLoad._meta.db_table: f"""
            SELECT mentor_id, COUNT(*) AS held
            FROM {quote(Pairing._meta.db_table)}
            WHERE status IN ({statuses})
            GROUP BY mentor_id
        """,
        InterestsInCommon._meta.db_table: f"""
            SELECT mentor.mentorprofile_id AS mentor_id,
                   mentee.menteeprofile_id AS mentee_id,
                   COUNT(*) AS shared
            FROM {quote(mentor_interests)} AS mentor
            JOIN {quote(mentee_interests)} AS mentee
                ON mentee.interest_id = mentor.interest_id
            GROUP BY mentor.mentorprofile_id, mentee.menteeprofile_id
        """,
    }


def drop_views(connection=default_connection) -> None:
    with connection.cursor() as cursor:
        for name in _views(connection):
            cursor.execute(f"DROP VIEW IF EXISTS {connection.ops.quote_name(name)}")


def create_views(connection=default_connection) -> None:
    drop_views(connection)
    with connection.cursor() as cursor:
        for name, sql in _views(connection).items():
            cursor.execute(f"CREATE VIEW {connection.ops.quote_name(name)} AS {sql}")


def before_migrate(using, **kwargs) -> None:
    from django.db import connections

    drop_views(connections[using])


def after_migrate(using, plan=None, **kwargs) -> None:
    from django.db import connections

    connection = connections[using]
    tables = set(connection.introspection.table_names())
    # Only once the tables they read exist (not after migrating back to zero).
    if {Pairing._meta.db_table, MentorProfile.interests.through._meta.db_table} <= tables:
        create_views(connection)
