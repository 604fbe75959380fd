"""The daily job that opens, reminds and closes the check-ins."""

import logging

from django_tasks import task

from mentorship.daily import repeat_tomorrow

from . import services

logger = logging.getLogger(__name__)


@task()
def send_checkins() -> int:
    """The day's check-ins, then the next run queued a day on. Each period is sent
    once, so a doubled day sends nothing twice."""
    try:
        sent = services.checkins_send_due()
        logger.info(
            "Check-ins: %d opened, %d reminded, %d closed", sent.opened, sent.reminded, sent.closed
        )
        return sent.opened
    finally:
        repeat_tomorrow(send_checkins)
