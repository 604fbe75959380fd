"""Open the check-ins due today, remind on days 3 and 7, close on day 14: from
cron, or as a daily task."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mentorship.checkins.services import checkins_send_due
from mentorship.checkins.tasks import send_checkins
from mentorship.daily import schedule_daily


class Command(BaseCommand):
    help = (
        "Send the check-ins due today (pairing fit, pulse, mid-year, end of year, closing "
        "reflection), remind those who haven't answered on days 3 and 7, and close them "
        "on day 14. Running it twice a day sends nothing twice. With --schedule, queue "
        "the daily task for db_worker instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the self-repeating daily check-ins for the task worker (run once)",
        )
        parser.add_argument(
            "--day", help="act as if today were this day (YYYY-MM-DD), to catch up or try"
        )

    def handle(self, *args, schedule: bool, day: str | None, **options) -> None:
        if schedule:
            self.stdout.write(schedule_daily(send_checkins, "check-ins"))
            return
        try:
            today = date.fromisoformat(day) if day else None
        except ValueError:
            raise CommandError(f"{day!r} isn't a day: write it as 2026-12-01.") from None
        sent = checkins_send_due(today)
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(sent.by_kind.items()))
        self.stdout.write(
            f"Opened {sent.opened} check-in{'' if sent.opened == 1 else 's'}"
            + (f" ({kinds})" if kinds else "")
            + f", reminded {sent.reminded}, closed {sent.closed}."
        )
