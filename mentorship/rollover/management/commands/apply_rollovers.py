"""Apply scheduled rollovers whose year has begun: from cron, or as a daily task."""

from django.core.management.base import BaseCommand, CommandParser

from mentorship.daily import schedule_daily
from mentorship.rollover.services import rollovers_apply_due
from mentorship.rollover.tasks import apply_due_rollovers


class Command(BaseCommand):
    help = (
        "Apply every scheduled rollover whose academic year has begun. "
        "With --schedule, queue the daily task for db_worker instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the self-repeating daily rollover for the task worker (run once)",
        )

    def handle(self, *args, schedule: bool, **options) -> None:
        if schedule:
            self.stdout.write(schedule_daily(apply_due_rollovers, "rollover of program years"))
            return
        applied = rollovers_apply_due()
        for rollover, done in applied:
            self.stdout.write(f"{rollover}: {done}")
        noun = "rollover" if len(applied) == 1 else "rollovers"
        self.stdout.write(f"Applied {len(applied)} {noun}.")
