"""The daily jobs for meetings: reminders the day before, and nudges for quiet pairings."""

import logging

from django_tasks import task

from mentorship.daily import repeat_tomorrow

from . import services

logger = logging.getLogger(__name__)


@task()
def send_meeting_reminders() -> int:
    """Remind both people of tomorrow's planned meetings, then queue the next run a
    day from now: started once, it keeps going as long as `db_worker` runs."""
    try:
        sent = services.meetings_send_reminders()
        logger.info("Sent reminders for %d meetings", sent)
        return sent
    finally:
        # Queued even when this run fails, so one bad day doesn't stop the chain.
        repeat_tomorrow(send_meeting_reminders)


@task()
def nudge_quiet_pairings() -> int:
    """Nudge the pairings quiet longer than their program's target (once per target
    period each), then queue the next run a day from now, like the reminders."""
    try:
        nudged = services.pairings_nudge_quiet()
        logger.info("Nudged %d quiet pairings", nudged)
        return nudged
    finally:
        repeat_tomorrow(nudge_quiet_pairings)
