"""Solve a kept run again from its own input and seed, and say whether the result
is the same: any run can be repeated exactly."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mentorship.rounds.models import Run
from mentorship.rounds.services.runs import Inputs, solve_input


class Command(BaseCommand):
    help = "Repeat a Match Day run from what it kept (input, seed) and compare the result."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("run_id", type=int)

    def handle(self, *args, run_id: int, **options) -> None:
        run = Run.objects.select_related("round").filter(pk=run_id).first()
        if run is None:
            raise CommandError(f"There is no run {run_id}.")
        inputs = Inputs.from_json(run.input)
        fingerprint = inputs.fingerprint(run.seed)
        if fingerprint != run.fingerprint:
            raise CommandError(
                f"Run {run.number} of {run.round}: its kept input doesn't match its fingerprint."
            )
        again = solve_input(inputs)
        if again["result"] != run.result:
            raise CommandError(f"Run {run.number} of {run.round}: the result differs.")
        self.stdout.write(
            f"Run {run.number} of {run.round} repeated from its input (fingerprint "
            f"{fingerprint[:12]}, seed {run.seed}): the same {len(run.result)} pairs."
        )
