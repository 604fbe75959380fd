"""Print a program's rollover plan, the figures the wizard shows; without
--dry-run, apply it when it is scheduled and its year has begun."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from mentorship.programs.models import Program
from mentorship.rollover.models import Rollover
from mentorship.rollover.plan import plan_for
from mentorship.rollover.services import next_year_of, rollover_apply
from mentorship.years.models import AcademicYear


class Command(BaseCommand):
    help = (
        "Print what the rollover of a program into its next year will do. Without "
        "--dry-run, apply it too, but only once a director has scheduled it and the "
        "year has begun (what the daily job does)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--program", required=True, help="the program's slug")
        parser.add_argument(
            "--year",
            type=int,
            help="the calendar year the academic year starts in (2027 for 2027–28); "
            "the next one by default",
        )
        parser.add_argument("--dry-run", action="store_true", help="print the plan only")

    def handle(self, *args, program: str, year: int | None, dry_run: bool, **options) -> None:
        found = Program.objects.filter(slug=program).first()
        if found is None:
            raise CommandError(f"No program has the slug {program!r}.")
        to_year = self._year(found, year)
        rollover = Rollover.objects.filter(program=found, to_year=to_year).first()
        plan = plan_for(found, to_year, rollover)
        for line in plan.figures():
            self.stdout.write(line)
        state = rollover.get_state_display() if rollover else "Not started"
        self.stdout.write(f"State: {state}.")
        if dry_run:
            return
        today = timezone.localdate()
        if rollover is None or rollover.state != Rollover.State.SCHEDULED:
            raise CommandError(
                "Nothing applied: a director confirms the rollover in the wizard first."
            )
        if today < to_year.starts_on:
            raise CommandError(
                f"Nothing applied: it is scheduled for {to_year.starts_on:%-d %B %Y}, "
                "and the daily job applies it then."
            )
        self.stdout.write(f"Applied: {rollover_apply(rollover=rollover, day=today)}")

    def _year(self, program: Program, year: int | None) -> AcademicYear:
        if year is None:
            return next_year_of(program)
        if not 1980 <= year <= 2100:
            raise CommandError("--year is a calendar year such as 2027.")
        starts = date(year, program.year_starts_month, program.year_starts_day)
        return AcademicYear.objects.for_day(program, starts)
