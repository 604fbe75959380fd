"""Remind the people of collecting rounds two days before their deadline: from
cron, or as a daily task."""

from django.core.management.base import BaseCommand, CommandParser

from mentorship.daily import schedule_daily
from mentorship.rounds.services import reminders_send_due
from mentorship.rounds.tasks import send_round_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder, two days before each deadline, to the mentees of a collecting "
        "round who haven't sent their list and the mentors who haven't confirmed their "
        "places. With --schedule, queue the daily task for db_worker instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the self-repeating daily reminders for the task worker (run once)",
        )

    def handle(self, *args, schedule: bool, **options) -> None:
        if schedule:
            self.stdout.write(schedule_daily(send_round_reminders, "Match Day reminders"))
            return
        sent = reminders_send_due()
        self.stdout.write(f"Sent {sent} Match Day reminder{'' if sent == 1 else 's'}.")
