"""Tell directors about role terms that made a running pairing's mentor evaluate its
mentee: from cron, or as a daily task."""

from django.core.management.base import BaseCommand, CommandParser

from mentorship.daily import schedule_daily
from mentorship.pairings.services import conflict_notices_find
from mentorship.pairings.tasks import find_conflict_notices


class Command(BaseCommand):
    help = (
        "Record a conflict notice for each running pairing whose mentor a new role term "
        "makes an evaluator of the mentee, and e-mail the program's directors. "
        "With --schedule, queue the daily task for db_worker instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the self-repeating daily check for the task worker (run once)",
        )

    def handle(self, *args, schedule: bool, **options) -> None:
        if schedule:
            self.stdout.write(schedule_daily(find_conflict_notices, "check for conflicts"))
            return
        made = conflict_notices_find()
        noun = "notice" if made == 1 else "notices"
        self.stdout.write(f"Recorded {made} conflict {noun}.")
