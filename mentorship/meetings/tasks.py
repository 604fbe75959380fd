"""The daily jobs for meetings: reminders the day before, and nudges for quiet pairings."""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from . import services

logger = logging.getLogger(__name__)

DAILY = timedelta(hours=24)


@task()
def send_meeting_reminders() -> int:
    """Remind both people of tomorrow's planned meetings, then, where the worker can
    run jobs later, queue the next run a day from now: started once, it keeps going
    as long as `db_worker` runs."""
    try:
        sent = services.meetings_send_reminders()
        logger.info("Sent reminders for %d meetings", sent)
        return sent
    finally:
        # Queued even when this run fails, so one bad day doesn't stop the chain.
        if default_task_backend.supports_defer:
            send_meeting_reminders.using(run_after=timezone.now() + DAILY).enqueue()


@task()
def nudge_quiet_pairings() -> int:
    """Nudge the pairings quiet longer than their program's target (once per target
    period each), then queue the next run a day from now, like the reminders."""
    try:
        nudged = services.pairings_nudge_quiet()
        logger.info("Nudged %d quiet pairings", nudged)
        return nudged
    finally:
        if default_task_backend.supports_defer:
            nudge_quiet_pairings.using(run_after=timezone.now() + DAILY).enqueue()


def schedule_daily(daily_task, what: str) -> str:
    """Queue a self-repeating daily task once, for db_worker; says what it did.
    For the management commands' --schedule."""
    from django.core.management.base import CommandError

    if not daily_task.get_backend().supports_defer:
        raise CommandError(
            "The task backend runs jobs at once and can't repeat them daily. "
            "Set TASKS_BACKEND=database and run db_worker, or run this command "
            "without --schedule from cron."
        )
    if _already_scheduled(daily_task):
        return f"The daily {what} is already queued; nothing to do."
    result = daily_task.enqueue()
    return (
        f"Queued the daily {what} (task {result.id}); "
        "db_worker runs it now and again every 24 hours."
    )


def _already_scheduled(daily_task) -> bool:
    """A chain waiting or running in the database: a second would double the e-mail."""
    from django_tasks import TaskResultStatus
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(daily_task.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        task_path=daily_task.module_path,
    ).exists()
