"""Expire pending requests nobody answered in time: from cron, or as a daily task."""

from django.core.management.base import BaseCommand, CommandParser

from mentorship.daily import schedule_daily
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
            self.stdout.write(schedule_daily(expire_stale_requests, "expiry of requests"))
            return
        expired = requests_expire_stale()
        noun = "request" if expired == 1 else "requests"
        self.stdout.write(f"Expired {expired} pending {noun}.")
