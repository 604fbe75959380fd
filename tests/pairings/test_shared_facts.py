"""The facts every page asks of a pairing, each defined once on the model:
running (active or paused) and the other person."""

import pytest
from django.contrib.auth.models import AnonymousUser

from mentorship.pairings.models import Pairing
from tests.factories import make_pairing

pytestmark = pytest.mark.django_db


def test_running_means_active_or_paused(proposed, levin, sam, director):
    active = make_pairing(levin, sam, Pairing.Status.ACTIVE)

    assert active.is_running
    assert not proposed.is_running
    assert list(Pairing.objects.running()) == [active]

    active.status = Pairing.Status.PAUSED
    active.save()
    assert Pairing.objects.get(pk=active.pk).is_running
    assert list(Pairing.objects.running()) == [active]

    active.status = Pairing.Status.ENDED
    active.save()
    assert not Pairing.objects.get(pk=active.pk).is_running
    assert not Pairing.objects.running().exists()


def test_the_other_person_is_across_the_pairing_from_you(active, sam, chen, director):
    assert active.other_person(sam.user) == chen
    assert active.other_person(chen.user) == sam
    assert active.other_person(director) is None
    assert active.other_person(AnonymousUser()) is None
