"""Role terms that start during a pairing: the daily check, its notices and e-mails,
and how a director settles them."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mentorship.pairings import services
from mentorship.pairings.models import ConflictNotice, Pairing
from mentorship.pairings.services import PairingError
from tests.factories import (
    make_mentee,
    make_mentee_profile,
    make_pairing,
    make_role_term,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int):
    return TODAY + timedelta(days=n)


@pytest.fixture
def running(chen, sam):
    """Chen and Sam, paired for a month."""
    return make_pairing(chen, sam, Pairing.Status.ACTIVE, started_on=days(-30))


def ccc_term(mentor, program, *, starts: int = 0, ends: int | None = None):
    return make_role_term(
        mentor.user,
        program,
        "ccc_member",
        starts_on=days(starts),
        ends_on=None if ends is None else days(ends),
    )


def test_a_term_starting_today_during_a_pairing_tells_the_directors(
    running, chen, program, director, other_director, django_capture_on_commit_callbacks, mailoutbox
):
    term = ccc_term(chen, program)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.conflict_notices_find() == 1

    notice = ConflictNotice.objects.get()
    assert (notice.pairing, notice.term, notice.is_open) == (running, term, True)
    assert [m.to for m in mailoutbox] == [[director.email]]
    assert mailoutbox[0].subject.endswith(
        "Dr Dana Chen now evaluates Sam Whitfield: choose what happens"
    )
    assert "became Clinical Competency Committee member in Stanford Anesthesiology" in (
        mailoutbox[0].body
    )
    assert f"/admin/pairings/conflictnotice/{notice.pk}/change/" in mailoutbox[0].body


def test_a_term_on_its_last_day_is_still_a_conflict(running, chen, program):
    ccc_term(chen, program, starts=-3, ends=0)

    assert services.conflict_notices_find() == 1


def test_the_day_after_a_term_ends_there_is_no_conflict(running, chen, program):
    ccc_term(chen, program, starts=-3, ends=-1)

    assert services.conflict_notices_find() == 0


def test_a_term_that_starts_tomorrow_waits_for_tomorrow(running, chen, program):
    ccc_term(chen, program, starts=1)

    assert services.conflict_notices_find() == 0
    assert services.conflict_notices_find(day=days(1)) == 1


def test_the_check_runs_twice_and_tells_once(
    running, chen, program, director, django_capture_on_commit_callbacks, mailoutbox
):
    ccc_term(chen, program)

    with django_capture_on_commit_callbacks(execute=True):
        services.conflict_notices_find()
        services.conflict_notices_find()

    assert ConflictNotice.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_settled_notice_is_not_raised_again(running, chen, program, director):
    ccc_term(chen, program)
    services.conflict_notices_find()
    services.conflict_notice_resolve(
        notice=ConflictNotice.objects.get(), by=director, resolution="accepted", note="Fine."
    )

    assert services.conflict_notices_find() == 0


def test_a_term_older_than_the_pairing_is_not_news(chen, sam, program):
    ccc_term(chen, program, starts=-3)
    make_pairing(chen, sam, Pairing.Status.ACTIVE, started_on=days(-2))

    assert services.conflict_notices_find() == 0


def test_an_approval_given_since_the_term_started_covers_it(running, chen, program, director):
    ccc_term(chen, program, starts=-2)
    running.needs_conflict_approval = True
    running.conflict_approved_at, running.conflict_approved_by = timezone.now(), director
    running.save()

    assert services.conflict_notices_find() == 0


def test_a_term_in_another_program_or_not_evaluative_is_no_conflict(
    running, chen, program, other_program
):
    ccc_term(chen, other_program)
    make_role_term(chen.user, program, "wellness_lead", starts_on=TODAY)

    assert services.conflict_notices_find() == 0


def test_ended_and_proposed_pairings_are_left_alone(chen, sam, ana, program):
    make_pairing(chen, sam, Pairing.Status.ENDED, started_on=days(-90), ended_on=days(-10))
    make_pairing(chen, ana, Pairing.Status.PROPOSED)
    ccc_term(chen, program)

    assert services.conflict_notices_find() == 0


def test_the_command_runs_the_check(running, chen, program, capsys):
    ccc_term(chen, program)

    call_command("find_conflicts")

    assert capsys.readouterr().out == "Recorded 1 conflict notice.\n"


# --- settling --------------------------------------------------------------------------


@pytest.fixture
def notice(running, chen, program):
    ccc_term(chen, program)
    services.conflict_notices_find()
    return ConflictNotice.objects.get()


def test_a_director_records_a_recusal(notice, director):
    services.conflict_notice_resolve(
        notice=notice, by=director, resolution="recused", note="Dana leaves Sam's CCC reviews."
    )

    notice.refresh_from_db()
    assert (notice.resolution, notice.resolution_note, notice.resolved_by) == (
        "recused",
        "Dana leaves Sam's CCC reviews.",
        director,
    )
    assert notice.resolved_at is not None


@pytest.mark.parametrize("resolution", ["recused", "accepted"])
def test_a_recusal_or_an_acceptance_needs_words(notice, director, resolution):
    with pytest.raises(PairingError) as refused:
        services.conflict_notice_resolve(
            notice=notice, by=director, resolution=resolution, note="  "
        )
    assert refused.value.code == "note_required"


def test_only_a_director_of_the_program_settles_it(notice, other_director, chen):
    for who in (other_director, chen.user):
        with pytest.raises(PairingError):
            services.conflict_notice_resolve(
                notice=notice, by=who, resolution="accepted", note="Fine."
            )


def test_a_settled_notice_cannot_be_settled_again(notice, director):
    services.conflict_notice_resolve(notice=notice, by=director, resolution="accepted", note="A.")
    with pytest.raises(PairingError):
        services.conflict_notice_resolve(
            notice=notice, by=director, resolution="recused", note="B."
        )


def test_reassigning_the_mentee_settles_the_notice(notice, running, levin, director):
    services.pairing_reassign(pairing=running, new_mentor=levin, by=director)

    notice.refresh_from_db()
    assert notice.resolution == "reassigned"
    assert notice.resolution_note == "Reassigned to Dr Ari Levin."
    assert notice.resolved_by == director


# --- the admin -------------------------------------------------------------------------

CHANGELIST = reverse("admin:pairings_conflictnotice_changelist")
# The session, the user, MFA and permissions, the program filter, the count and the page.
NOTICE_CHANGELIST_QUERIES = 9


@pytest.fixture
def director_in(director):
    from tests.factories import add_totp

    add_totp(director)
    return director


def change_url(notice):
    return reverse("admin:pairings_conflictnotice_change", args=[notice.pk])


def test_a_director_settles_a_notice_in_the_admin_and_sees_who_when_how(
    client, notice, director_in
):
    client.force_login(director_in)

    missing = client.post(change_url(notice), {"resolution": "accepted", "resolution_note": ""})
    assert missing.status_code == HTTPStatus.OK
    assert "Record why the pairing can go on." in missing.content.decode()

    response = client.post(
        change_url(notice),
        {"resolution": "accepted", "resolution_note": "Sam graduates before the next review."},
        follow=True,
    )

    assert response.status_code == HTTPStatus.OK
    notice.refresh_from_db()
    assert (notice.resolution, notice.resolved_by) == ("accepted", director_in)
    text = client.get(change_url(notice)).content.decode()
    assert "The pairing goes on, for a reason" in text
    assert "Sam graduates before the next review." in text
    assert director_in.name in text


def test_reassigning_is_not_offered_as_a_choice_in_the_form(client, notice, director_in):
    client.force_login(director_in)

    client.post(change_url(notice), {"resolution": "reassigned", "resolution_note": "x"})

    notice.refresh_from_db()
    assert notice.is_open


def test_another_director_cannot_open_the_notice(client, notice, other_director):
    from tests.factories import add_totp

    add_totp(other_director)
    client.force_login(other_director)

    assert client.get(CHANGELIST).context["cl"].result_count == 0
    assert client.get(change_url(notice)).status_code in (HTTPStatus.FOUND, HTTPStatus.NOT_FOUND)
    client.post(change_url(notice), {"resolution": "accepted", "resolution_note": "Mine now."})
    notice.refresh_from_db()
    assert notice.is_open


def test_the_notice_changelist_costs_the_same_for_1_and_30_notices(
    client, notice, director_in, chen, program, django_assert_max_num_queries
):
    client.force_login(director_in)
    client.get(CHANGELIST)
    with django_assert_max_num_queries(NOTICE_CHANGELIST_QUERIES) as few:
        client.get(CHANGELIST)

    for i in range(29):
        mentee = make_mentee_profile(
            make_mentee(f"resident{i}@example.com", name=f"Resident {i}"), program=program
        )
        make_pairing(chen, mentee, Pairing.Status.ACTIVE, started_on=days(-30))
    services.conflict_notices_find()
    with django_assert_max_num_queries(NOTICE_CHANGELIST_QUERIES) as many:
        response = client.get(CHANGELIST)

    assert response.context["cl"].result_count == 30
    assert len(many) == len(few)


def test_notices_have_no_add_or_delete(client, notice, director_in):
    client.force_login(director_in)

    assert client.get(reverse("admin:pairings_conflictnotice_add")).status_code == 403
    delete = reverse("admin:pairings_conflictnotice_delete", args=[notice.pk])
    assert client.get(delete).status_code == 403
