"""Existing data migrates: the one approval a profile had covers each of its programs."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("mentors", "0001_initial")]
AFTER = [("mentors", "0002_membership")]


def migrate(targets):
    """As `manage.py migrate` does, the sort views dropped first and made again after
    (PairingsConfig.ready): SQLite can't rebuild the pairings table under them."""
    from mentorship.pairings.mentor_sorting import after_migrate, before_migrate

    before_migrate(using=connection.alias)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    after_migrate(using=connection.alias)
    return executor.loader.project_state(targets).apps


def test_each_program_of_an_approved_profile_keeps_the_approval():
    old = migrate(BEFORE)
    User = old.get_model("accounts", "User")
    Program = old.get_model("programs", "Program")
    Profile = old.get_model("mentors", "MentorProfile")
    director = User.objects.create(email="okafor@example.com", name="Dr Maya Okafor")
    a = Program.objects.create(name="Residency", slug="residency")
    b = Program.objects.create(name="Fellowship", slug="fellowship")
    approved_at = timezone.now()
    dana = Profile.objects.create(
        user=User.objects.create(email="dana@example.com", name="Dr Dana Chen"),
        title="Professor",
        approved_at=approved_at,
        approved_by=director,
    )
    dana.programs.add(a, b)
    new_one = Profile.objects.create(
        user=User.objects.create(email="new@example.com", name="Dr New"), title="Fellow"
    )
    new_one.programs.add(a)

    try:
        new = migrate(AFTER)
        Membership = new.get_model("mentors", "Membership")
        rows = Membership.objects.order_by("mentor_id", "program__name").values_list(
            "mentor__user__email", "program__slug", "approved_at", "approved_by__email"
        )
        assert list(rows) == [
            ("dana@example.com", "fellowship", approved_at, "okafor@example.com"),
            ("dana@example.com", "residency", approved_at, "okafor@example.com"),
            ("new@example.com", "residency", None, None),
        ]

        # And back again: approved where any program had approved.
        back = migrate(BEFORE)
        Profile = back.get_model("mentors", "MentorProfile")
        dana_back = Profile.objects.get(user__email="dana@example.com")
        assert dana_back.approved_at == approved_at
        assert set(dana_back.programs.values_list("slug", flat=True)) == {"residency", "fellowship"}
        assert Profile.objects.get(user__email="new@example.com").approved_at is None
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
