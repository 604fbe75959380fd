"""Self-repeating daily tasks, for installations that run `db_worker` instead of cron.

A daily task ends with `repeat_tomorrow(itself)`; a management command's
`--schedule` starts the chain once with `schedule_daily`.
"""

from datetime import timedelta

from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend

DAILY = timedelta(hours=24)


def repeat_tomorrow(daily_task) -> None:
    """Queue the next run a day from now, where the backend can run jobs later."""
    if default_task_backend.supports_defer:
        daily_task.using(run_after=timezone.now() + DAILY).enqueue()


def schedule_daily(daily_task, what: str) -> str:
    """Queue a self-repeating daily task once, and say what was done."""
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
    """A chain waiting or running in the database: a second would double the work."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(daily_task.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        task_path=daily_task.module_path,
    ).exists()
