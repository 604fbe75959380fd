"""The views lists of mentors sort by count what the models say: the places a
mentor's open pairings hold (Pairing.OPEN_STATUSES, however that list changes)
and the interests a mentor and a mentee share. Every `migrate` remakes them."""

import pytest
from django.core.management import call_command
from django.db import connection

from mentorship.pairings.mentor_sorting import create_views, drop_views
from mentorship.pairings.models import InterestsInCommon, MentorLoad, Pairing
from tests.factories import (
    interest,
    make_mentee,
    make_mentee_profile,
    make_pairing,
)

pytestmark = pytest.mark.django_db


def mentees(program, n):
    return [
        make_mentee_profile(make_mentee(f"m{i}@example.com", name=f"Mentee {i}"), program=program)
        for i in range(n)
    ]


def test_the_load_counts_the_pairings_of_every_open_status_and_no_other(program, chen):
    for mentee, status in zip(mentees(program, 4), Pairing.Status.values, strict=True):
        make_pairing(chen, mentee, status=status)

    assert MentorLoad.objects.get(mentor=chen).held == Pairing.objects.open().count() == 3


def test_the_load_follows_the_open_statuses_when_they_change(program, chen, monkeypatch):
    for mentee, status in zip(mentees(program, 4), Pairing.Status.values, strict=True):
        make_pairing(chen, mentee, status=status)
    monkeypatch.setattr(Pairing, "OPEN_STATUSES", [Pairing.Status.ACTIVE])

    create_views(connection)

    assert MentorLoad.objects.get(mentor=chen).held == 1


def test_interests_in_common_are_counted_per_pair(program, chen):
    cardiac, airway, finances = (
        interest(name) for name in ("Cardiac anesthesia", "Airway management", "Finances")
    )
    chen.interests.set([cardiac, airway, finances])
    sam, ana = mentees(program, 2)
    sam.interests.set([cardiac, airway])
    ana.interests.set([finances])

    shared = {row.mentee_id: row.shared for row in InterestsInCommon.objects.filter(mentor=chen)}

    assert shared == {sam.pk: 2, ana.pk: 1}


@pytest.mark.django_db(transaction=True)
def test_migrate_leaves_the_views_in_place(program, chen):
    drop_views(connection)

    call_command("migrate", verbosity=0)

    assert MentorLoad.objects.count() == 0  # the view answers again
