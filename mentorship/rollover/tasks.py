"""The daily job that applies scheduled rollovers on their year's first day."""

import logging

from django_tasks import task

from mentorship.daily import repeat_tomorrow

from . import services

logger = logging.getLogger(__name__)


@task()
def apply_due_rollovers() -> int:
    """Apply the rollovers whose year has begun, then queue the next run a day on.
    An applied rollover is never applied again, so a missed or doubled day is harmless."""
    try:
        applied = services.rollovers_apply_due()
        for rollover, done in applied:
            logger.info("Applied %s: %s", rollover, done)
        return len(applied)
    finally:
        repeat_tomorrow(apply_due_rollovers)
