"""The directors' admin for requests and pairings: their rows only, changes only
through the services, and never a word of anyone's closing reflection."""

import csv
import io
import re
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from mentorship.pairings.models import MentorshipRequest, Pairing
from tests.factories import (
    add_totp,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_request,
)

pytestmark = pytest.mark.django_db

PAIRINGS = reverse("admin:pairings_pairing_changelist")
REQUESTS = reverse("admin:pairings_mentorshiprequest_changelist")
REFLECTION = "I learned to ask for help before the night got long"


@pytest.fixture
def world(program, other_program, director, other_director, chen, sam, noor):
    """Program A (Dana Chen, Priya; Sam, Noor) and program B (Luis; Alex), a director each,
    both with the authenticator the admin asks for."""
    add_totp(director)
    add_totp(other_director)
    chen.capacity = 3
    chen.save(update_fields=["capacity"])
    return {
        "director_a": director,
        "director_b": other_director,
        "program_a": program,
        "program_b": other_program,
        "chen": chen,
        "priya": make_mentor_profile(
            make_mentor("priya@example.com", name="Dr Priya Raman"), programs=[program], capacity=3
        ),
        "luis": make_mentor_profile(
            make_mentor("luis@example.com", name="Dr Luis Herrera"), programs=[other_program]
        ),
        "sam": sam,
        "noor": noor,
        "alex": make_mentee_profile(
            make_mentee("alex@example.com", name="Alex Kim"), program=other_program
        ),
    }


def run_action(client, action, pairings, **data):
    return client.post(
        PAIRINGS,
        {"action": action, ACTION_CHECKBOX_NAME: [p.pk for p in pairings], **data},
        follow=True,
    )


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def shown(response) -> set[int]:
    return {row.pk for row in response.context["cl"].result_list}


# --- who sees what ------------------------------------------------------------


def test_each_director_sees_only_the_pairings_of_their_programs(client, world, superuser_with_mfa):
    in_a = make_pairing(world["chen"], world["sam"])
    also_in_a = make_pairing(world["priya"], world["noor"], status=Pairing.Status.PROPOSED)
    in_b = make_pairing(world["luis"], world["alex"])

    client.force_login(world["director_a"])
    assert shown(client.get(PAIRINGS)) == {in_a.pk, also_in_a.pk}
    client.force_login(world["director_b"])
    response = client.get(PAIRINGS)
    assert shown(response) == {in_b.pk}
    assert "Dr Dana Chen" not in response.content.decode()
    client.force_login(superuser_with_mfa)
    assert shown(client.get(PAIRINGS)) == {in_a.pk, also_in_a.pk, in_b.pk}


def test_each_director_sees_only_the_requests_of_their_programs(client, world, superuser_with_mfa):
    in_a = make_request(world["chen"], world["sam"])
    in_b = make_request(world["luis"], world["alex"])

    client.force_login(world["director_a"])
    assert shown(client.get(REQUESTS)) == {in_a.pk}
    client.force_login(world["director_b"])
    assert shown(client.get(REQUESTS)) == {in_b.pk}
    client.force_login(superuser_with_mfa)
    assert shown(client.get(REQUESTS)) == {in_a.pk, in_b.pk}


def test_another_programs_pairing_is_not_found_nor_its_history(client, world):
    pairing = make_pairing(world["chen"], world["sam"])
    pairing._history_user = world["director_a"]
    pairing.save()
    version = pairing.history.latest()
    client.force_login(world["director_b"])

    change = client.get(reverse("admin:pairings_pairing_change", args=[pairing.pk]), follow=True)
    history = client.get(reverse("admin:pairings_pairing_history", args=[pairing.pk]))
    old = client.get(
        reverse("admin:pairings_pairing_simple_history", args=[pairing.pk, version.history_id])
    )

    assert "Sam Whitfield" not in change.content.decode()
    assert change.redirect_chain[-1][0] == reverse("admin:index")
    assert history.status_code == HTTPStatus.NOT_FOUND
    assert old.status_code == HTTPStatus.NOT_FOUND


def test_the_filters_offer_only_the_directors_programs_and_start_years(client, world):
    earlier = make_pairing(world["chen"], world["sam"], started_on=date(2024, 7, 1))
    later = make_pairing(world["priya"], world["noor"], started_on=date(2025, 8, 1))
    make_pairing(world["luis"], world["alex"], started_on=date(2023, 7, 1))
    client.force_login(world["director_a"])

    response = client.get(PAIRINGS)
    filters = {spec.title: spec for spec in response.context["cl"].filter_specs}
    assert [name for _, name in filters["program"].lookup_choices] == ["Stanford Anesthesiology"]
    assert [year for year, _ in filters["start year"].lookup_choices] == ["2025", "2024"]
    assert shown(client.get(PAIRINGS, {"started": "2024"})) == {earlier.pk}
    assert shown(client.get(PAIRINGS, {"status": "active", "q": "Noor"})) == {later.pk}


def test_the_pairing_list_shows_days_active_and_who_waits_for_approval(client, world):
    started = timezone.localdate() - timedelta(days=30)
    make_pairing(world["chen"], world["sam"], started_on=started)
    make_pairing(
        world["priya"], world["noor"], status=Pairing.Status.PROPOSED, needs_conflict_approval=True
    )
    client.force_login(world["director_a"])

    response = client.get(PAIRINGS)

    html = response.content.decode()
    assert '<td class="field-days_active">30</td>' in html
    assert html.count('alt="True"') == 1  # only the proposed pairing waits for approval


def test_each_rows_box_is_labelled_with_the_two_people(client, world):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    html = client.get(PAIRINGS).content.decode()

    assert (
        f'value="{pairing.pk}" class="action-select" '
        'aria-label="Select this object for an action - Dr Dana Chen and Sam Whitfield"'
    ) in html


# --- actions --------------------------------------------------------------------


def test_activating_starts_a_proposed_pairing_and_tells_both_people(
    client, world, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = make_pairing(world["chen"], world["sam"], status=Pairing.Status.PROPOSED)
    client.force_login(world["director_a"])

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(client, "activate", [pairing])

    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE
    assert pairing.started_on == timezone.localdate()
    assert "Activated 1 pairing; both people have an e-mail" in texts(response)[0]
    assert sorted(m.to[0] for m in mailoutbox) == ["chen@example.com", "sam@example.com"]


def test_activating_waits_for_the_approval_of_a_mentor_who_evaluates_residents(client, world):
    pairing = make_pairing(
        world["chen"], world["sam"], status=Pairing.Status.PROPOSED, needs_conflict_approval=True
    )
    client.force_login(world["director_a"])

    response = run_action(client, "activate", [pairing])

    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.PROPOSED
    assert texts(response) == [
        "Couldn't activate “Dr Dana Chen and Sam Whitfield”: This mentor evaluates residents: "
        "approve the pairing with a reason first.",
        "No pairings were activated.",
    ]


def test_pausing_pauses_active_pairings_and_reports_the_ones_it_cannot(
    client, world, django_capture_on_commit_callbacks, mailoutbox
):
    active = make_pairing(world["chen"], world["sam"])
    proposed = make_pairing(world["priya"], world["noor"], status=Pairing.Status.PROPOSED)
    client.force_login(world["director_a"])

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(client, "pause", [active, proposed])

    active.refresh_from_db()
    proposed.refresh_from_db()
    assert (active.status, proposed.status) == (Pairing.Status.PAUSED, Pairing.Status.PROPOSED)
    messages = texts(response)
    assert (
        "Couldn't pause “Dr Priya Raman and Noor Haddad”: Only an active pairing can be paused."
        in messages
    )
    assert any(m.startswith("Paused 1 pairing;") for m in messages)
    assert sorted(m.to[0] for m in mailoutbox) == ["chen@example.com", "sam@example.com"]


def test_an_action_cannot_reach_another_programs_pairing(client, world):
    theirs = make_pairing(world["luis"], world["alex"])
    client.force_login(world["director_a"])

    run_action(client, "pause", [theirs])

    theirs.refresh_from_db()
    assert theirs.status == Pairing.Status.ACTIVE


def test_ending_asks_for_a_reason_first(client, world):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    response = run_action(client, "end", [pairing])

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Why are these pairings ending?" in html
    assert "Dr Dana Chen and Sam Whitfield" in html
    assert f'name="{ACTION_CHECKBOX_NAME}" value="{pairing.pk}"' in html
    assert 'name="action" value="end"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "End 1 pairing" in html
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE


def test_ending_without_a_reason_comes_back_with_a_message_at_the_field(client, world):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    response = run_action(client, "end", [pairing], apply="yes", reason="   ")

    assert "This field is required." in response.content.decode()
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE


def test_ending_with_a_reason_ends_the_pairing_and_records_who(
    client, world, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(
            client, "end", [pairing], apply="yes", reason="Sam is moving to Boston."
        )

    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ENDED
    assert pairing.ended_on == timezone.localdate()
    assert (pairing.end_reason, pairing.ended_by) == (
        "Sam is moving to Boston.",
        world["director_a"],
    )
    assert texts(response)[0].startswith("Ended 1 pairing;")
    assert sorted(m.to[0] for m in mailoutbox) == ["chen@example.com", "sam@example.com"]


def test_approving_a_conflict_records_the_reason_and_who_and_starts_a_confirmed_pairing(
    client, world
):
    now = timezone.now()
    pairing = make_pairing(
        world["chen"],
        world["sam"],
        status=Pairing.Status.PROPOSED,
        needs_conflict_approval=True,
        mentor_confirmed_at=now,
        mentee_confirmed_at=now,
    )
    client.force_login(world["director_a"])

    form = run_action(client, "approve_conflict", [pairing])
    assert "Why are these pairings fine?" in form.content.decode()
    response = run_action(
        client,
        "approve_conflict",
        [pairing],
        apply="yes",
        reason="Dana steps out of Sam's evaluations this year.",
    )

    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE
    assert pairing.conflict_approved_by == world["director_a"]
    assert pairing.conflict_reason == "Dana steps out of Sam's evaluations this year."
    assert texts(response) == [
        "Approved 1 pairing, with your reason recorded. 1 started right away, since both "
        "people had said yes."
    ]


def test_approving_a_pairing_that_needs_no_approval_is_refused(client, world):
    pairing = make_pairing(world["chen"], world["sam"], status=Pairing.Status.PROPOSED)
    client.force_login(world["director_a"])

    response = run_action(client, "approve_conflict", [pairing], apply="yes", reason="Fine.")

    assert texts(response)[0] == (
        "Couldn't approve “Dr Dana Chen and Sam Whitfield”: This pairing doesn't need an approval."
    )
    pairing.refresh_from_db()
    assert pairing.conflict_approved_at is None


def test_reassigning_offers_the_other_mentors_of_the_same_program(client, world):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    response = run_action(client, "reassign", [pairing])

    choices = [label for value, label in response.context["form"].fields["mentor"].choices if value]
    assert choices == ["Dr Priya Raman (3 open places)"]
    assert "Who should mentor Sam now?" in response.content.decode()


def test_reassigning_ends_the_old_pairing_and_proposes_the_new_one(
    client, world, django_capture_on_commit_callbacks, mailoutbox
):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(
            client,
            "reassign",
            [pairing],
            apply="yes",
            mentor=world["priya"].pk,
            reason="Sam's interests moved to research.",
        )

    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ENDED
    assert pairing.end_reason == "Sam's interests moved to research."
    new = Pairing.objects.get(mentor=world["priya"], mentee=world["sam"])
    assert (new.status, new.origin, new.created_by) == (
        Pairing.Status.PROPOSED,
        Pairing.Origin.DIRECTOR,
        world["director_a"],
    )
    assert texts(response) == [
        "Sam Whitfield is now proposed to Dr Priya Raman, and the pairing with Dr Dana Chen "
        "has ended. Both of them have an e-mail asking them to confirm."
    ]
    assert sorted(m.to[0] for m in mailoutbox) == [
        "chen@example.com",  # ended
        "priya@example.com",  # proposed
        "sam@example.com",  # ended
        "sam@example.com",  # proposed
    ]


def test_reassigning_to_a_mentor_of_another_program_is_refused_at_the_field(client, world):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    response = run_action(
        client, "reassign", [pairing], apply="yes", mentor=world["luis"].pk, reason="Kept text"
    )

    assert "Select a valid choice" in response.content.decode()
    assert "Kept text</textarea>" in response.content.decode()
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE


def test_an_ended_pairing_cannot_be_reassigned(client, world):
    pairing = make_pairing(world["chen"], world["sam"], status=Pairing.Status.ENDED)
    client.force_login(world["director_a"])

    response = run_action(client, "reassign", [pairing])

    assert texts(response) == [
        "Couldn't reassign “Dr Dana Chen and Sam Whitfield”: only a current pairing can be "
        "reassigned."
    ]
    assert Pairing.objects.count() == 1


def test_reassigning_takes_one_pairing_at_a_time(client, world):
    pairings = [
        make_pairing(world["chen"], world["sam"]),
        make_pairing(world["priya"], world["noor"]),
    ]
    client.force_login(world["director_a"])

    response = run_action(client, "reassign", pairings)

    assert texts(response) == ["Choose one pairing to reassign at a time."]
    assert Pairing.objects.filter(status=Pairing.Status.ACTIVE).count() == 2


def test_the_csv_export_has_the_columns_and_no_reflections(client, world):
    make_pairing(
        world["chen"],
        world["sam"],
        status=Pairing.Status.ENDED,
        started_on=date(2025, 9, 1),
        ended_on=date(2025, 12, 1),
        mentor_learned=REFLECTION,
        mentee_carry_forward=REFLECTION,
    )
    proposed = make_pairing(world["priya"], world["noor"], status=Pairing.Status.PROPOSED)
    client.force_login(world["director_a"])

    response = client.post(
        PAIRINGS,
        {
            "action": "export_csv",
            ACTION_CHECKBOX_NAME: list(Pairing.objects.values_list("pk", flat=True)),
        },
    )

    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == (
        f'attachment; filename="pairings-{timezone.localdate().isoformat()}.csv"'
    )
    body = b"".join(response.streaming_content).decode()
    assert REFLECTION not in body
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == [
        "program",
        "mentor",
        "mentor e-mail",
        "mentee",
        "mentee e-mail",
        "status",
        "how it began",
        "started",
        "ended",
        "days active",
        "last meeting",
        "meetings held",
        "days since they met",
    ]
    # Neither pairing has met: no last meeting, none held, and no count of quiet
    # days for pairings that are not running (tests/meetings/test_admin.py has more).
    assert sorted(rows[1:]) == [
        [
            "Stanford Anesthesiology",
            "Dr Dana Chen",
            "chen@example.com",
            "Sam Whitfield",
            "sam@example.com",
            "Ended",
            "Mentee's request",
            "2025-09-01",
            "2025-12-01",
            "91",
            "",
            "0",
            "",
        ],
        [
            "Stanford Anesthesiology",
            "Dr Priya Raman",
            "priya@example.com",
            "Noor Haddad",
            "noor@example.com",
            "Proposed",
            "Mentee's request",
            "",
            "",
            "",
            "",
            "0",
            "",
        ],
    ]
    assert proposed.pk  # both rows came from the director's own programs


def test_the_csv_export_keeps_a_typed_formula_as_text(client, world):
    mentor = world["chen"].user
    mentor.name = '=HYPERLINK("https://evil.example.org","Dana")'
    mentor.save(update_fields=["name"])
    make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    response = client.post(
        PAIRINGS,
        {
            "action": "export_csv",
            ACTION_CHECKBOX_NAME: list(Pairing.objects.values_list("pk", flat=True)),
        },
    )

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][1:4] == [
        '\'=HYPERLINK("https://evil.example.org","Dana")',
        "chen@example.com",
        "Sam Whitfield",
    ]


# --- adding ---------------------------------------------------------------------


def test_the_add_form_offers_only_the_directors_people(client, world):
    make_mentor_profile(
        make_mentor("new@example.com", name="Dr Not Yet Approved"),
        programs=[world["program_a"]],
        approved=False,
    )
    client.force_login(world["director_a"])

    response = client.get(reverse("admin:pairings_pairing_add"))

    form = response.context["form"]
    labels = {
        name: [label for value, label in form.fields[name].choices if value] for name in form.fields
    }
    assert labels == {
        "mentor": ["Dr Dana Chen (chen@example.com)", "Dr Priya Raman (priya@example.com)"],
        "mentee": ["Noor Haddad (noor@example.com)", "Sam Whitfield (sam@example.com)"],
        "program": ["Stanford Anesthesiology"],
    }
    assert "Propose this pairing" in response.content.decode()


def test_adding_a_pairing_proposes_it_and_emails_both_people(
    client, world, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(world["director_a"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:pairings_pairing_add"),
            {
                "mentor": world["chen"].pk,
                "mentee": world["sam"].pk,
                "program": world["program_a"].pk,
            },
            follow=True,
        )

    pairing = Pairing.objects.get()
    assert (pairing.mentor, pairing.mentee, pairing.status, pairing.origin, pairing.created_by) == (
        world["chen"],
        world["sam"],
        Pairing.Status.PROPOSED,
        Pairing.Origin.DIRECTOR,
        world["director_a"],
    )
    assert response.redirect_chain[-1][0] == reverse(
        "admin:pairings_pairing_change", args=[pairing.pk]
    )
    assert texts(response)[0].startswith("You proposed that Dr Dana Chen mentor Sam Whitfield.")
    assert sorted(m.to[0] for m in mailoutbox) == ["chen@example.com", "sam@example.com"]
    assert all("for you to confirm" in m.subject for m in mailoutbox)


def test_adding_a_pairing_the_service_refuses_shows_why_and_keeps_the_choices(client, world):
    full = make_mentor_profile(
        make_mentor("full@example.com", name="Dr Full Calendar"),
        programs=[world["program_a"]],
        capacity=1,
    )
    make_pairing(full, world["noor"])
    client.force_login(world["director_a"])

    response = client.post(
        reverse("admin:pairings_pairing_add"),
        {"mentor": full.pk, "mentee": world["sam"].pk, "program": world["program_a"].pk},
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors == {
        "mentor": ["There are no open places with this mentor right now."]
    }
    html = response.content.decode()
    assert f'<option value="{full.pk}" selected>' in html
    assert f'<option value="{world["sam"].pk}" selected>' in html
    assert not Pairing.objects.filter(mentee=world["sam"]).exists()


def test_adding_a_pairing_already_open_is_refused_on_top_of_the_form(client, world):
    make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    response = client.post(
        reverse("admin:pairings_pairing_add"),
        {"mentor": world["chen"].pk, "mentee": world["sam"].pk, "program": world["program_a"].pk},
    )

    assert "These two are already paired." in response.content.decode()
    assert Pairing.objects.count() == 1


# --- read-only pages, history and reflections -----------------------------------


def test_the_pairing_page_is_read_only(client, world):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])
    url = reverse("admin:pairings_pairing_change", args=[pairing.pk])

    page = client.get(url)
    posted = client.post(url, {"status": "ended"})

    assert page.status_code == HTTPStatus.OK
    assert 'name="_save"' not in page.content.decode()
    assert posted.status_code == HTTPStatus.FORBIDDEN
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE


def test_an_old_version_cannot_be_saved_back(client, world):
    pairing = make_pairing(world["chen"], world["sam"], status=Pairing.Status.PROPOSED)
    version = pairing.history.latest()
    pairing.status, pairing.started_on = Pairing.Status.ACTIVE, date(2025, 9, 1)
    pairing.save()
    client.force_login(world["director_a"])
    url = reverse("admin:pairings_pairing_simple_history", args=[pairing.pk, version.history_id])

    assert client.get(url).status_code == HTTPStatus.OK
    assert client.post(url, {}).status_code == HTTPStatus.FORBIDDEN
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE


def test_the_history_page_names_the_director_who_paused(client, world):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])
    run_action(client, "pause", [pairing])

    response = client.get(reverse("admin:pairings_pairing_history", args=[pairing.pk]))

    html = response.content.decode()
    assert "Dr Maya Okafor</a>" in html
    assert re.search(r"Status:</strong>\s*Active &rarr; Paused", html)
    assert 'style="' not in html.split('id="change-history"')[1]


def test_reflections_never_appear_in_the_admin(client, world):
    pairing = make_pairing(
        world["chen"],
        world["sam"],
        status=Pairing.Status.ENDED,
        ended_on=date(2025, 12, 1),
        mentor_learned=REFLECTION,
        mentor_carry_forward=REFLECTION,
        mentee_learned=REFLECTION,
        mentee_carry_forward=REFLECTION,
    )
    version = pairing.history.latest()
    client.force_login(world["director_a"])
    pages = [
        client.get(PAIRINGS),
        client.get(PAIRINGS, {"q": "learned"}),
        client.get(reverse("admin:pairings_pairing_change", args=[pairing.pk])),
        client.get(reverse("admin:pairings_pairing_history", args=[pairing.pk])),
        client.get(
            reverse("admin:pairings_pairing_simple_history", args=[pairing.pk, version.history_id])
        ),
        run_action(client, "end", [pairing]),
        run_action(client, "approve_conflict", [pairing]),
    ]

    for page in pages:
        assert page.status_code == HTTPStatus.OK
        assert REFLECTION not in page.content.decode()


# --- requests ---------------------------------------------------------------------


def test_requests_are_read_only_for_directors_with_the_mentees_answers_shown(client, world):
    request = make_request(world["chen"], world["sam"], explore="Whether pediatrics fits me.")
    client.force_login(world["director_a"])
    url = reverse("admin:pairings_mentorshiprequest_change", args=[request.pk])

    page = client.get(url)

    html = page.content.decode()
    assert "Your talk on pediatric airways at grand rounds." in html
    assert "Whether pediatrics fits me." in html
    assert 'name="_save"' not in html
    assert client.post(url, {"status": "accepted"}).status_code == HTTPStatus.FORBIDDEN
    add = client.get(reverse("admin:pairings_mentorshiprequest_add"))
    assert add.status_code == HTTPStatus.FORBIDDEN
    request.refresh_from_db()
    assert request.status == MentorshipRequest.Status.PENDING


def test_the_age_filter_finds_requests_waiting_longer_than_a_week(client, world):
    waiting = make_request(world["chen"], world["sam"], days_ago=10)
    make_request(world["priya"], world["sam"], days_ago=3)
    make_request(
        world["priya"], world["noor"], days_ago=40, status=MentorshipRequest.Status.DECLINED
    )
    client.force_login(world["director_a"])

    assert shown(client.get(REQUESTS, {"waiting": "7"})) == {waiting.pk}
    assert shown(client.get(REQUESTS, {"waiting": "30"})) == set()


def test_the_request_list_shows_age_and_who_waits_for_the_mentee(client, world):
    make_request(
        world["chen"],
        world["sam"],
        days_ago=12,
        question="Which nights are you free?",
        question_asked_at=timezone.now(),
    )
    client.force_login(world["director_a"])

    html = client.get(REQUESTS).content.decode()

    assert '<td class="field-age_days">12</td>' in html
    assert 'alt="True"' in html


def test_the_change_page_offers_no_view_on_site_link_to_a_page_directors_cannot_open(client, world):
    pairing = make_pairing(world["chen"], world["sam"])
    client.force_login(world["director_a"])

    text = client.get(reverse("admin:pairings_pairing_change", args=[pairing.pk])).content.decode()

    assert "View on site" not in text
    assert pairing.get_absolute_url() not in text
