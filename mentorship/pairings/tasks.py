"""Background jobs for requests: the daily expiry of requests nobody answered."""

import logging

from django_tasks import task

from mentorship.daily import repeat_tomorrow

from . import services

logger = logging.getLogger(__name__)


@task()
def expire_stale_requests() -> int:
    """Expire pending requests past their program's limit, then queue the next run a
    day from now: started once, it keeps going as long as `db_worker` runs."""
    try:
        expired = services.requests_expire_stale()
        logger.info("Expired %d pending requests", expired)
        return expired
    finally:
        # Queued even when this run fails, so one bad day doesn't stop the chain.
        repeat_tomorrow(expire_stale_requests)
