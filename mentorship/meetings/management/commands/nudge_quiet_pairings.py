"""Nudge both people of pairings quiet past their program's target: from cron, or
as a daily task. At most one nudge per pairing per target period."""

from django.core.management.base import BaseCommand, CommandParser

from mentorship.daily import schedule_daily
from mentorship.meetings.services import pairings_nudge_quiet
from mentorship.meetings.tasks import nudge_quiet_pairings


class Command(BaseCommand):
    help = (
        "E-mail a gentle nudge to both people of every active pairing with no meeting "
        "for longer than its program's target, once per target period. "
        "With --schedule, queue the daily task for db_worker instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the self-repeating daily nudges for the task worker (run once)",
        )

    def handle(self, *args, schedule: bool, **options) -> None:
        if schedule:
            self.stdout.write(schedule_daily(nudge_quiet_pairings, "nudge of quiet pairings"))
            return
        nudged = pairings_nudge_quiet()
        noun = "pairing" if nudged == 1 else "pairings"
        self.stdout.write(f"Nudged {nudged} quiet {noun}.")
