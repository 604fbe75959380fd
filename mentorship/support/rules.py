"""Who may be a program's wellness contact: someone outside the chain of evaluation.

A resident writes to the wellness contact because that person does not grade,
rank or promote them. So neither the program's directors nor anyone holding an evaluative role term
there (associate program director, CCC) may hold the role. One
function says it, for the admin's form and the service alike.
"""

from datetime import date

from django.utils import timezone

from mentorship.programs.models import Program
from mentorship.years.terms import RoleTerm


def may_be_wellness_contact(user, program: Program, day: date | None = None) -> bool:
    """Whether `user` may be `program`'s wellness contact on `day` (today unless
    given): not one of the program's directors, and holding no evaluative role term
    there that day (program director, associate program director, CCC)."""
    day = day or timezone.localdate()
    if user is None or program is None or program.pk is None:
        return True
    if program.directors.filter(pk=user.pk).exists():
        return False
    return (
        not RoleTerm.objects.in_force(day).evaluative().filter(user=user, program=program).exists()
    )


NOT_OUTSIDE = (
    "{name} directs this program or evaluates its residents, and a wellness contact has to be someone who doesn't "
    "evaluate residents. Choose a faculty member outside the program's leadership."
)
