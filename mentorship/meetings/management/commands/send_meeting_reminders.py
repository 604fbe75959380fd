"""Remind both people of tomorrow's planned meetings: from cron, or as a daily task."""

from django.core.management.base import BaseCommand, CommandParser

from mentorship.daily import schedule_daily
from mentorship.meetings.services import meetings_send_reminders
from mentorship.meetings.tasks import send_meeting_reminders


class Command(BaseCommand):
    help = (
        "E-mail both people of every meeting planned for tomorrow, once per meeting. "
        "With --schedule, queue the daily task for db_worker instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the self-repeating daily reminders for the task worker (run once)",
        )

    def handle(self, *args, schedule: bool, **options) -> None:
        if schedule:
            self.stdout.write(schedule_daily(send_meeting_reminders, "meeting reminders"))
            return
        sent = meetings_send_reminders()
        noun = "meeting" if sent == 1 else "meetings"
        self.stdout.write(f"Sent reminders for {sent} {noun} tomorrow.")
