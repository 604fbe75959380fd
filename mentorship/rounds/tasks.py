"""The daily job that reminds a round's people two days before their deadline."""

import logging

from django_tasks import task

from mentorship.daily import repeat_tomorrow

from . import services

logger = logging.getLogger(__name__)


@task()
def send_round_reminders() -> int:
    """Remind whoever still has their part to do, then queue the next run a day on.
    Each person is reminded once per round, so a doubled day sends nothing twice."""
    try:
        sent = services.reminders_send_due()
        logger.info("Sent %d Match Day reminders", sent)
        return sent
    finally:
        repeat_tomorrow(send_round_reminders)
