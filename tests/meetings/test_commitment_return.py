"""Where keeping or carrying a commitment leads back to: a page of this site, or
the pairing page when the `next` field was crafted."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings.models import Commitment, Side

pytestmark = pytest.mark.django_db

CRAFTED_NEXT = [
    "2026-13-01",  # no slash: redirect() took it for a URL name (NoReverseMatch, a 500)
    "home",  # a URL name is not a path either
    "mentors/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "http://evil.example/",
    "https://testserver.evil.example/",
    "javascript:alert(1)",
    " /",
    "/\x00",
    "/pairings/\r\nSet-Cookie: x=1",
    "/" + "a" * 20_000,
    "²",
]


@pytest.fixture
def promise(cast):
    return Commitment.objects.create(
        pairing=cast.pairing,
        owner=Side.MENTOR,
        what="Send Sam the airway simulation schedule",
        due_on=timezone.localdate() + timedelta(days=2),
    )


@pytest.mark.parametrize("target", CRAFTED_NEXT)
@pytest.mark.parametrize("action", ["commitment_done", "commitment_carry"])
def test_a_crafted_next_leads_back_to_the_pairing(client, cast, promise, action, target):
    client.force_login(cast.mentor)

    response = client.post(
        reverse(f"meetings:{action}", args=[promise.pk]),
        {"due_on": (timezone.localdate() + timedelta(days=9)).isoformat(), "next": target},
    )

    assert response.status_code == 302
    assert response["Location"] == cast.pairing.get_absolute_url()


@pytest.mark.parametrize("target", ["/", "/mentors/?page=2", "/pairings/1/#commitments"])
def test_a_path_of_this_site_is_kept(client, cast, promise, target):
    client.force_login(cast.mentor)

    response = client.post(reverse("meetings:commitment_done", args=[promise.pk]), {"next": target})

    assert response["Location"] == target
    assert Commitment.objects.get(pk=promise.pk).is_done
