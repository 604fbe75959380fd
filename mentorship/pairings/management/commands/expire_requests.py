"""Expire pending requests nobody answered in time: from cron, or as a daily task."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_tasks import TaskResultStatus

from mentorship.pairings.services import requests_expire_stale
from mentorship.pairings.tasks import expire_stale_requests


class Command(BaseCommand):
    help = (
        "Expire pending requests older than their program's limit and e-mail the mentees. "
        "With --schedule, queue the daily task for db_worker instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the self-repeating daily expiry for the task worker (run once)",
        )

    def handle(self, *args, schedule: bool, **options) -> None:
        if schedule:
            self.schedule()
            return
        expired = requests_expire_stale()
        noun = "request" if expired == 1 else "requests"
        self.stdout.write(f"Expired {expired} pending {noun}.")

    def schedule(self) -> None:
        if not expire_stale_requests.get_backend().supports_defer:
            raise CommandError(
                "The task backend runs jobs at once and can't repeat them daily. "
                "Set TASKS_BACKEND=database and run db_worker, or run this command "
                "without --schedule from cron."
            )
        if self.already_scheduled():
            self.stdout.write("The daily expiry is already queued; nothing to do.")
            return
        result = expire_stale_requests.enqueue()
        self.stdout.write(
            f"Queued the daily expiry of requests (task {result.id}); "
            "db_worker runs it now and again every 24 hours."
        )

    def already_scheduled(self) -> bool:
        """A chain waiting or running in the database: a second would double the work."""
        from django_tasks_db import DatabaseBackend
        from django_tasks_db.models import DBTaskResult

        if not isinstance(expire_stale_requests.get_backend(), DatabaseBackend):
            return False
        return DBTaskResult.objects.filter(
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
            task_path=expire_stale_requests.module_path,
        ).exists()
