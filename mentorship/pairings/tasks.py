"""Background jobs: the daily expiry of requests nobody answered, and the daily
check for role terms that made a running pairing's mentor evaluate its mentee."""

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


@task()
def find_conflict_notices() -> int:
    """Record and announce conflicts that started during running pairings, then queue
    the next run a day from now."""
    try:
        made = services.conflict_notices_find()
        logger.info("Recorded %d conflict notices", made)
        return made
    finally:
        repeat_tomorrow(find_conflict_notices)
