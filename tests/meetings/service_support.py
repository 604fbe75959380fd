"""Helpers of the meeting service tests: the words people write, who besides Dana and Sam
might try a change (roles of the cast in conftest.py), how a session is logged, and how a
refusal is checked."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from mentorship.meetings import services
from mentorship.meetings.models import Commitment, Meeting, Note, Nudge
from mentorship.refusal import Refusal

TZ = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=TZ)
LAST_WEEK = NOW - timedelta(days=7)
PRIVATE = "She is carrying more than she says about the night shifts."
SHARED = "We talked about asking for help before the pager gets loud."
TAKEAWAY = "Asking early is a kindness to the whole team."
PROMISE = "Send Sam the airway simulation schedule"
# Everyone who might try a change but isn't one of Dana and Sam.
OUTSIDERS = ["other mentor", "other mentee", "director", "superuser", "anonymous"]


def log(pairing, by, *, notes=(), commitments=(), **kwargs):
    """Log a 45-minute walk a week ago, unless told otherwise."""
    kwargs.setdefault("starts_at", LAST_WEEK)
    return services.meeting_log(
        pairing=pairing,
        by=by,
        minutes=kwargs.pop("minutes", 45),
        format=kwargs.pop("format", Meeting.Format.WALK),
        notes=notes,
        commitments=commitments,
        now=kwargs.pop("now", NOW),
        **kwargs,
    )


def snapshot():
    """Every meeting, note, commitment and nudge: what a refusal must not touch."""
    return [
        list(model.objects.order_by("pk").values()) for model in (Meeting, Note, Commitment, Nudge)
    ]


def refused(code, call, capture, mailoutbox):
    """Run a change that must be refused: the code is right, nothing moved, nobody is mailed."""
    before = snapshot()
    with capture(execute=True), pytest.raises(Refusal) as caught:
        call()
    assert caught.value.code == code
    assert snapshot() == before
    assert mailoutbox == []
    return caught.value
