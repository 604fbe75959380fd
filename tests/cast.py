"""The cast shared by the pairing and meeting tests, as fixtures: a program, its
director, mentees and mentors, and requests and pairings in each state.
Registered for the whole suite by tests/conftest.py. A test that needs someone to differ
says so in its own body (or passes its own arguments to tests/factories.py)."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import Pairing
from tests.factories import (
    add_totp,
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
    make_user,
)
from tests.pairings.service_support import DREW_YOU, EXPLORE, HELP_NOW


@pytest.fixture
def program():
    return make_program("Stanford Anesthesiology")


@pytest.fixture
def other_program():
    return make_program("Bay Area Society")


@pytest.fixture
def director(program):
    user = make_director("okafor@example.com", name="Dr Maya Okafor", with_mfa=False)
    program.directors.add(user)
    return user


@pytest.fixture
def other_director(other_program):
    user = make_director("reyes@example.com", name="Dr Lena Reyes", with_mfa=False)
    other_program.directors.add(user)
    return user


@pytest.fixture
def superuser():
    return make_user("root@example.com", name="Site Admin", is_superuser=True, is_staff=True)


@pytest.fixture
def superuser_with_mfa(superuser):
    """The superuser, with the authenticator the admin asks for."""
    add_totp(superuser)
    return superuser


@pytest.fixture
def sam(program):
    return make_mentee_profile(
        make_mentee("sam@example.com", name="Sam Whitfield"), program=program
    )


@pytest.fixture
def ana(program):
    return make_mentee_profile(make_mentee("ana@example.com", name="Ana Ruiz"), program=program)


@pytest.fixture
def noor(program):
    return make_mentee_profile(make_mentee("noor@example.com", name="Noor Haddad"), program=program)


@pytest.fixture
def alex(program):
    return make_mentee_profile(make_mentee("alex@example.com", name="Alex Park"), program=program)


@pytest.fixture
def chen(program):
    return make_mentor_profile(
        make_mentor("chen@example.com", name="Dr Dana Chen"), programs=[program], capacity=2
    )


@pytest.fixture
def levin(program):
    return make_mentor_profile(
        make_mentor("levin@example.com", name="Dr Ari Levin"), programs=[program], capacity=2
    )


@pytest.fixture
def park(program):
    return make_mentor_profile(
        make_mentor("park@example.com", name="Dr Lee Park"),
        programs=[program],
        title="Assistant Professor",
        division="Regional",
    )


@pytest.fixture
def grey(program):
    """A mentor who sits on the Clinical Competency Committee: she evaluates residents."""
    return make_mentor_profile(
        make_mentor("grey@example.com", name="Dr Ana Grey"),
        programs=[program],
        roles=["ccc_member"],
    )


@pytest.fixture
def people(sam, chen, levin, director, other_director):
    """Everyone who might try a change, by name."""
    return {
        "mentee": sam.user,
        "mentor": chen.user,
        "other mentor": levin.user,
        "director": director,
        "other director": other_director,
        "anonymous": AnonymousUser(),
    }


@pytest.fixture
def proposed(sam, chen, director):
    return services.pairing_propose(mentor=chen, mentee=sam, by=director)


@pytest.fixture
def active(sam, chen):
    return make_pairing(chen, sam, Pairing.Status.ACTIVE)


@pytest.fixture
def pairing(active):
    """Chen and Sam's active pairing, where its state is not the point of the test."""
    return active


@pytest.fixture
def paused(sam, chen):
    return make_pairing(chen, sam, Pairing.Status.PAUSED)


@pytest.fixture
def ended(sam, chen):
    return make_pairing(chen, sam, Pairing.Status.ENDED, ended_on=timezone.localdate())


@pytest.fixture
def pending(sam, chen):
    return services.request_create(
        mentee=sam,
        mentor=chen,
        by=sam.user,
        drew_you=DREW_YOU,
        explore=EXPLORE,
        help_now=HELP_NOW,
    )


@pytest.fixture
def task_table(settings):
    """Tasks wait in the database, as in production (TASKS_BACKEND=database); call
    `task_table.run()` to have the worker run what waits, and `task_table.text()`
    for everything the waiting and finished tasks were given, as the admin shows it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return TaskTable()


class TaskTable:
    def text(self) -> str:
        from django_tasks_db.models import DBTaskResult

        return json.dumps(list(DBTaskResult.objects.values_list("args_kwargs", flat=True)))

    def run(self) -> int:
        """What `db_worker --batch` does with each task that is due (its connection
        housekeeping aside, which would end the test's transaction)."""
        from django_tasks_db.management.commands.db_worker import Worker
        from django_tasks_db.models import DBTaskResult

        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="tests",
            excluded_queue_names=[],
        )
        ran = 0
        while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
            result.claim("tests")
            worker.run_task(result)
            ran += 1
        return ran
