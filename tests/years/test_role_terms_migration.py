"""Existing data migrates: a mentor's role flags become open terms from the first day of
this academic year, in each program they belong to."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("mentors", "0004_holds_program_director_title"), ("years", "0003_role_terms")]
AFTER = [("mentors", "0005_role_terms_and_pledges")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_role_flags_become_open_terms_from_this_academic_years_first_day():
    old = migrate(BEFORE)
    User = old.get_model("accounts", "User")
    Program = old.get_model("programs", "Program")
    Profile = old.get_model("mentors", "MentorProfile")
    Membership = old.get_model("mentors", "Membership")
    residency = Program.objects.create(name="Residency", slug="residency")
    fellowship = Program.objects.create(name="Fellowship", slug="fellowship")
    grey = Profile.objects.create(
        user=User.objects.create(email="grey@example.com", name="Dr Ana Grey"),
        title="Professor",
        is_ccc_member=True,
        is_associate_program_director=True,
    )
    Membership.objects.create(mentor=grey, program=residency)
    Membership.objects.create(mentor=grey, program=fellowship)
    chen = Profile.objects.create(
        user=User.objects.create(email="chen@example.com", name="Dr Dana Chen"), title="Fellow"
    )
    Membership.objects.create(mentor=chen, program=residency)

    try:
        new = migrate(AFTER)
        RoleTerm = new.get_model("years", "RoleTerm")
        today = timezone.localdate()
        first_day = date(today.year if today.month >= 7 else today.year - 1, 7, 1)
        rows = RoleTerm.objects.order_by("program__slug", "role").values_list(
            "user__email", "program__slug", "role", "starts_on", "ends_on"
        )
        assert list(rows) == [
            ("grey@example.com", "fellowship", "associate_program_director", first_day, None),
            ("grey@example.com", "fellowship", "ccc_member", first_day, None),
            ("grey@example.com", "residency", "associate_program_director", first_day, None),
            ("grey@example.com", "residency", "ccc_member", first_day, None),
        ]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
