"""The log form asks about the open commitments that matter, the most recent ten,
and links to the rest: it costs the same with 10 open or 1,000."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mentorship.meetings.models import Commitment, Meeting, Side
from tests.meetings.test_log import log_as, log_url, session, text_of

pytestmark = pytest.mark.django_db


def promise(pairing, count: int, *, start: int = 0) -> list[Commitment]:
    """`count` open commitments of the mentee's, made a day apart, oldest first."""
    made = timezone.now() - timedelta(days=count + start)
    return Commitment.objects.bulk_create(
        Commitment(
            pairing=pairing,
            owner=Side.MENTEE,
            what=f"Promise {start + i:04d}",
            created_at=made + timedelta(days=i),
            due_on=timezone.localdate() + timedelta(days=30 - i % 7),
        )
        for i in range(count)
    )


def test_the_log_form_asks_about_the_ten_most_recent_and_links_to_the_rest(client, cast):
    promise(cast.pairing, 15)
    client.force_login(cast.mentor)

    page = text_of(client.get(log_url(cast.pairing)))

    asked = {f"Promise {i:04d}" for i in range(15) if f"Promise {i:04d}" in page}
    assert asked == {f"Promise {i:04d}" for i in range(5, 15)}
    assert "5 more commitments are still open from earlier." in page
    assert f'href="/pairings/{cast.pairing.pk}/#commitments-heading"' in page


def test_with_ten_or_fewer_open_there_is_no_link_to_more(client, cast):
    promise(cast.pairing, 10)
    client.force_login(cast.mentor)

    page = text_of(client.get(log_url(cast.pairing)))

    assert page.count('value="done"') == 10
    assert "still open from earlier" not in page


def test_a_log_marks_done_what_its_form_showed_and_leaves_the_rest(client, cast):
    old, *_, newest = promise(cast.pairing, 12)
    data = session(**{f"open_{c.pk}": "keep" for c in Commitment.objects.order_by("-pk")[:10]})
    data[f"open_{newest.pk}"] = "done"

    log_as(client, cast.mentor, cast.pairing, data)

    assert Meeting.objects.filter(pairing=cast.pairing).count() == 1
    assert Commitment.objects.get(pk=newest.pk).is_done
    assert Commitment.objects.filter(done_at__isnull=True).count() == 11


def test_a_crafted_log_answers_for_at_most_ten_and_never_for_another_pairing(client, cast):
    mine = promise(cast.pairing, 30)
    theirs = promise(cast.others, 1, start=100)
    data = session(**{f"open_{c.pk}": "done" for c in [*mine, *theirs]})

    log_as(client, cast.mentor, cast.pairing, data)

    assert Commitment.objects.filter(pairing=cast.pairing, done_at__isnull=False).count() == 10
    assert not Commitment.objects.get(pk=theirs[0].pk).is_done


def queries_to_log(client, cast, open_count: int) -> int:
    Commitment.objects.all().delete()
    promise(cast.pairing, open_count)
    shown = Commitment.objects.order_by("-created_at", "-pk")[:10]
    data = session(**{f"open_{c.pk}": "done" for c in shown})
    client.force_login(cast.mentor)
    with CaptureQueriesContext(connection) as captured:
        log_as(client, cast.mentor, cast.pairing, data)
    return len(captured)


def test_logging_costs_the_same_with_10_or_1000_open_commitments(client, cast):
    queries_to_log(client, cast, 1)  # the first request of a session does more
    few = queries_to_log(client, cast, 10)
    many = queries_to_log(client, cast, 1000)

    assert few == many
    assert Commitment.objects.filter(done_at__isnull=False).count() == 10


def test_the_log_form_costs_the_same_with_10_or_1000_open_commitments(client, cast):
    client.force_login(cast.mentor)
    client.get(log_url(cast.pairing))  # the first request of a session does more
    counts = []
    for count in (10, 1000):
        Commitment.objects.all().delete()
        promise(cast.pairing, count)
        with CaptureQueriesContext(connection) as captured:
            page = text_of(client.get(log_url(cast.pairing)))
        counts.append(len(captured))
        assert page.count('value="done"') == 10
    assert counts[0] == counts[1]


def test_a_log_that_comes_back_with_a_mistake_still_asks_about_ten(client, cast):
    promise(cast.pairing, 1000)
    shown = Commitment.objects.order_by("-created_at", "-pk")[:10]
    data = session(minutes="", **{f"open_{c.pk}": "done" for c in shown})

    page = text_of(log_as(client, cast.mentor, cast.pairing, data))

    assert "Say roughly how long you met, in minutes." in page
    assert len(re.findall(r'value="done"[^>]*checked', page)) == 10
    assert page.count('value="done"') == 10
    assert "990 more commitments are still open from earlier." in page
