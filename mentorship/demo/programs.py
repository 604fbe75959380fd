"""The demo's two programs: the residency, which the director directs and everyone
is in, and a small fellowship with one mentor, so that visibility across programs shows."""

from accounts.models import User
from mentorship.programs.models import Program

RESIDENCY = {
    "slug": "stanford-anesthesiology",
    "name": "Stanford Anesthesiology Residency",
    "description": "Residents and faculty who would rather go far together than fast "
    "alone. Find someone who listens, ask for help, and pass it on.",
}
FELLOWSHIP = {
    "slug": "peds-fellowship",
    "name": "Pediatric Anesthesia Fellowship",
    "description": "A small fellowship where every fellow knows the whole faculty by name.",
}
# The fellowship's only demo member, so that visibility across programs shows.
FELLOWSHIP_MENTOR = "mentor@example.com"


def seed_programs(director: User) -> tuple[Program, Program]:
    """The residency and the fellowship, created once; the director directs the residency."""
    programs = []
    for spec in (RESIDENCY, FELLOWSHIP):
        program, _ = Program.objects.get_or_create(
            slug=spec["slug"],
            defaults={"name": spec["name"], "description": spec["description"]},
        )
        programs.append(program)
    programs[0].directors.add(director)
    return programs[0], programs[1]
