"""Background jobs for requests: the daily expiry of requests nobody answered."""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from . import services

logger = logging.getLogger(__name__)

EXPIRY_INTERVAL = timedelta(hours=24)


@task()
def expire_stale_requests() -> int:
    """Expire pending requests past their program's limit, then, where the worker
    can run jobs later, queue the next run a day from now: started once, it keeps
    going as long as `db_worker` runs."""
    try:
        expired = services.requests_expire_stale()
        logger.info("Expired %d pending requests", expired)
        return expired
    finally:
        # Queued even when this run fails, so one bad day doesn't stop the chain.
        if default_task_backend.supports_defer:
            expire_stale_requests.using(run_after=timezone.now() + EXPIRY_INTERVAL).enqueue()
