"""Who may be a program's wellness contact: someone outside the chain of evaluation.

A resident writes to the wellness contact because that person does not grade,
rank or promote them. So the program's directors may not hold the role. One
function says it, for the admin's form and the service alike.
"""

from datetime import date

from django.utils import timezone

from mentorship.programs.models import Program


def may_be_wellness_contact(user, program: Program, day: date | None = None) -> bool:
    """Whether `user` may be `program`'s wellness contact on `day` (today unless
    given): not one of the program's directors. Associate program directors are
    checked here too once their dated role terms exist; `day` is for those terms."""
    day = day or timezone.localdate()
    if user is None or program is None or program.pk is None:
        return True
    return not program.directors.filter(pk=user.pk).exists()


NOT_OUTSIDE = (
    "{name} directs this program, and a wellness contact has to be someone who doesn't "
    "evaluate residents. Choose a faculty member outside the program's leadership."
)
