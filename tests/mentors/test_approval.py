"""Approval is per program: each program's directors list the mentors of their own
directory, and a mentor who joins another program waits for its directors."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from mentorship.mentors.models import MentorProfile
from mentorship.pairings import services
from mentorship.pairings.services import PairingError
from tests.factories import (
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_program,
)
from tests.mentors.test_profile_edit import EDIT, answers

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:mentors_mentorprofile_changelist")


@pytest.fixture
def two():
    """Two programs with a director and a mentee each; Dana is approved in A only."""
    director_a = make_director("director-a@example.com", name="Dr Maya Okafor")
    director_b = make_director("director-b@example.com", name="Dr Ines Moreau")
    a = make_program("Stanford Anesthesiology Residency", directors=[director_a])
    b = make_program("Pediatric Anesthesia Fellowship", directors=[director_b])
    return {
        "a": a,
        "b": b,
        "director_a": director_a,
        "director_b": director_b,
        "dana": make_mentor_profile(make_mentor("dana@example.com"), programs=[a]),
        "sam": make_mentee_profile(make_mentee("sam@example.com", name="Sam Whitfield"), program=a),
        "ana": make_mentee_profile(make_mentee("ana@example.com", name="Ana Kowalski"), program=b),
    }


def directory_names(client, person) -> list[str]:
    client.force_login(person)
    return [m.user.name for m in client.get(reverse("mentors:directory")).context["page"]]


def test_a_mentor_who_joins_another_program_waits_for_its_directors(client, two):
    dana = two["dana"]
    client.force_login(dana.user)

    response = client.post(
        EDIT, answers(two["a"], programs=[two["a"].pk, two["b"].pk]), follow=True
    )

    text = response.content.decode()
    assert (
        "We&#x27;ve asked the directors of Pediatric Anesthesia Fellowship to approve you" in text
    )
    assert (
        "Listed in the directory of Stanford Anesthesiology Residency; waiting for approval in "
        "Pediatric Anesthesia Fellowship."
    ) in text
    assert directory_names(client, two["sam"].user) == ["Dr Dana Chen"]
    assert directory_names(client, two["ana"].user) == []
    client.force_login(dana.user)
    assert "waiting for approval in Pediatric Anesthesia Fellowship" in (
        client.get("/").content.decode()
    )


def test_a_mentor_waiting_in_a_program_cannot_be_asked_or_paired_there(two):
    dana, ana = two["dana"], two["ana"]
    dana.programs.add(two["b"])  # waiting in B

    with pytest.raises(PairingError) as asked:
        services.request_create(mentee=ana, mentor=dana, by=ana.user, drew_you="Your talk.")
    with pytest.raises(PairingError) as proposed:
        services.pairing_propose(mentor=dana, mentee=ana, by=two["director_b"])

    assert asked.value.code == "not_listed"
    assert proposed.value.code == "not_approved"
    assert proposed.value.message == (
        "Approve this mentor in Pediatric Anesthesia Fellowship first; then they can be paired."
    )


def test_each_programs_director_approves_for_their_program_only(client, two):
    dana = two["dana"]
    dana.programs.add(two["b"])
    client.force_login(two["director_b"])
    waiting = client.get(CHANGELIST, {"approved": "no"}).context["cl"].result_list
    assert list(waiting) == [dana]

    response = client.post(
        CHANGELIST, {"action": "approve", "_selected_action": [dana.pk]}, follow=True
    )

    assert "Approved 1 mentor" in response.content.decode()
    approval = dana.memberships.get(program=two["b"])
    assert approval.approved_by == two["director_b"]
    assert approval.approved_at is not None
    assert dana.memberships.get(program=two["a"]).approved_by is None  # A's own, untouched
    assert directory_names(client, two["ana"].user) == ["Dr Dana Chen"]
    assert LogEntry.objects.get(user=two["director_b"]).change_message == (
        "Approved for the mentor directory of Pediatric Anesthesia Fellowship."
    )


def test_taking_a_shared_mentor_out_of_one_directory_leaves_the_other(client, two):
    dana = two["dana"]
    dana.programs.add(two["b"], through_defaults={"approved_at": dana.created_at})
    client.force_login(two["director_a"])

    client.post(CHANGELIST, {"action": "unapprove", "_selected_action": [dana.pk]})

    assert directory_names(client, two["sam"].user) == []
    assert directory_names(client, two["ana"].user) == ["Dr Dana Chen"]
    assert dana.memberships.get(program=two["b"]).is_approved


def test_the_mentor_list_says_who_waits_in_the_directors_programs(client, two):
    dana = two["dana"]
    dana.programs.add(two["b"])  # approved in A, waiting in B
    client.force_login(two["director_a"])
    row_a = client.get(CHANGELIST).context["cl"].result_list[0]
    client.force_login(two["director_b"])
    response = client.get(CHANGELIST)
    row_b = response.context["cl"].result_list[0]

    admin = response.context["cl"].model_admin
    assert (admin.approved(row_a), admin.approved(row_b)) == (True, False)
    assert admin.program_names(row_b) == (
        "Pediatric Anesthesia Fellowship (waiting), Stanford Anesthesiology Residency"
    )


def test_leaving_a_program_takes_its_approval_with_it(client, two):
    dana = two["dana"]
    dana.programs.add(two["b"], through_defaults={"approved_at": dana.created_at})
    client.force_login(dana.user)

    client.post(EDIT, answers(two["b"]))

    assert list(dana.programs.all()) == [two["b"]]
    assert directory_names(client, two["sam"].user) == []
    # Coming back waits for A's directors again.
    client.force_login(dana.user)
    client.post(EDIT, answers(two["a"], programs=[two["a"].pk, two["b"].pk]))
    assert not dana.memberships.get(program=two["a"]).is_approved


def test_the_directors_home_counts_their_programs_approvals(client, two):
    make_mentor_profile(
        make_mentor("new@example.com", name="Dr New"), programs=[two["a"]], approved=False
    )
    two["dana"].programs.add(two["b"])  # waits in B, not A's business
    client.force_login(two["director_a"])

    people = client.get("/").context["people"]

    assert (people["mentors"], people["awaiting_approval"]) == (1, 1)
    assert set(MentorProfile.objects.listed_in([two["a"].pk])) == {two["dana"]}


def test_joining_a_program_asks_its_directors_by_email(
    client, two, mailoutbox, django_capture_on_commit_callbacks
):
    dana = two["dana"]
    client.force_login(dana.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(EDIT, answers(two["a"], programs=[two["a"].pk, two["b"].pk]))

    [message] = mailoutbox
    assert message.to == ["director-b@example.com"]
    assert message.subject == (
        "[Mentorship] Dr Dana Chen would like to mentor in Pediatric Anesthesia Fellowship"
    )
    review = f"/admin/mentors/mentorprofile/{dana.pk}/change/"
    assert review in message.body
    assert "once you approve them, they appear in Pediatric Anesthesia Fellowship's directory" in (
        message.body
    )

    # Saving again without a new program asks nobody again.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(EDIT, answers(two["a"], programs=[two["a"].pk, two["b"].pk]))
    assert mailoutbox == []


def test_a_first_profile_asks_the_directors_of_each_program_chosen(
    client, two, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(make_mentor("luis@example.com", name="Dr Luis Herrera"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(EDIT, answers(two["a"], programs=[two["a"].pk, two["b"].pk]))

    assert sorted(m.to[0] for m in mailoutbox) == [
        "director-a@example.com",
        "director-b@example.com",
    ]


def test_an_approved_mentor_hears_by_email(
    client, two, mailoutbox, django_capture_on_commit_callbacks
):
    dana = two["dana"]
    dana.programs.add(two["b"])
    client.force_login(two["director_b"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(CHANGELIST, {"action": "approve", "_selected_action": [dana.pk]})

    [message] = mailoutbox
    assert message.to == ["dana@example.com"]
    assert message.subject == "[Mentorship] You're in the Pediatric Anesthesia Fellowship directory"
    assert message.body.startswith("Hi Dana,")
    assert "Residents of Pediatric Anesthesia Fellowship can now find you" in message.body
    assert f"/mentors/{dana.pk}/" in message.body

    # Approving again tells nobody anything twice.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CHANGELIST, {"action": "approve", "_selected_action": [dana.pk]})
    assert mailoutbox == []
