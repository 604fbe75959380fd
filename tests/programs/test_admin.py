"""Who sees which rows in the admin, and what directors may do there."""

from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Interest, Program
from tests.factories import (
    add_totp,
    interest,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
)

pytestmark = pytest.mark.django_db

CHANGELISTS = {
    "program": "admin:programs_program_changelist",
    "mentor": "admin:mentors_mentorprofile_changelist",
    "mentee": "admin:mentees_menteeprofile_changelist",
}


@pytest.fixture
def world(program, other_program, director, other_director, chen, sam):
    """Two programs, each with its director, mentors and mentees; one mentor in both."""
    add_totp(director)
    add_totp(other_director)
    chen.interests.add(interest("Pediatric anesthesia"))
    sam.interests.add(interest("Pediatric anesthesia"))
    return {
        "director_a": director,
        "director_b": other_director,
        "program": {"a": program, "b": other_program},
        "mentor": {
            "a": chen,
            "b": make_mentor_profile(
                make_mentor("luis@example.com", name="Dr Luis Herrera"),
                programs=[other_program],
                interests=["Pediatric anesthesia"],
            ),
            "both": make_mentor_profile(
                make_mentor("priya@example.com", name="Dr Priya Raman"),
                programs=[program, other_program],
                interests=["Pediatric anesthesia", "Critical care"],
            ),
            "unapproved": make_mentor_profile(
                make_mentor("new@example.com", name="Dr New Mentor"),
                programs=[program],
                approved=False,
            ),
        },
        "mentee": {
            "a": sam,
            "b": make_mentee_profile(
                make_mentee("ana@example.com", name="Ana Kowalski"), program=other_program
            ),
        },
    }


def shown(response) -> set:
    assert response.status_code == HTTPStatus.OK
    return {obj.pk for obj in response.context["cl"].result_list}


def pks(*objs) -> set:
    return {obj.pk for obj in objs}


@pytest.mark.parametrize(
    "changelist", [*CHANGELISTS.values(), "admin:programs_interest_changelist"]
)
def test_an_anonymous_visitor_is_sent_to_log_in(client, world, changelist):
    response = client.get(reverse(changelist), follow=True)

    assert response.redirect_chain[0][1] == HTTPStatus.FOUND
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert "Dana" not in response.content.decode()


@pytest.mark.parametrize(
    "changelist", [*CHANGELISTS.values(), "admin:programs_interest_changelist"]
)
@pytest.mark.parametrize("who", ["mentee", "unapproved mentor"])
def test_a_mentee_or_mentor_who_is_not_staff_is_refused_every_changelist(
    client, world, changelist, who
):
    user = world["mentee"]["a"].user if who == "mentee" else world["mentor"]["unapproved"].user
    client.force_login(user)

    response = client.get(reverse(changelist), follow=True)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Dr Dana Chen" not in response.content.decode()


def test_director_of_program_a_sees_exactly_program_a_rows(client, world):
    client.force_login(world["director_a"])
    mentor, mentee = world["mentor"], world["mentee"]

    assert shown(client.get(reverse(CHANGELISTS["program"]))) == pks(world["program"]["a"])
    assert shown(client.get(reverse(CHANGELISTS["mentor"]))) == pks(
        mentor["a"], mentor["both"], mentor["unapproved"]
    )
    assert shown(client.get(reverse(CHANGELISTS["mentee"]))) == pks(mentee["a"])


def test_director_of_program_b_sees_exactly_program_b_rows(client, world):
    client.force_login(world["director_b"])
    mentor, mentee = world["mentor"], world["mentee"]

    assert shown(client.get(reverse(CHANGELISTS["program"]))) == pks(world["program"]["b"])
    assert shown(client.get(reverse(CHANGELISTS["mentor"]))) == pks(mentor["b"], mentor["both"])
    assert shown(client.get(reverse(CHANGELISTS["mentee"]))) == pks(mentee["b"])


def test_a_superuser_sees_every_row(client, world, superuser_with_mfa):
    client.force_login(superuser_with_mfa)

    assert shown(client.get(reverse(CHANGELISTS["program"]))) == pks(*world["program"].values())
    assert shown(client.get(reverse(CHANGELISTS["mentor"]))) == pks(*world["mentor"].values())
    assert shown(client.get(reverse(CHANGELISTS["mentee"]))) == pks(*world["mentee"].values())


def test_the_program_list_counts_members_per_program(client, world, superuser_with_mfa):
    client.force_login(superuser_with_mfa)

    response = client.get(reverse(CHANGELISTS["program"]))

    counts = {p.slug: (p.mentor_count, p.mentee_count) for p in response.context["cl"].result_list}
    assert counts == {
        "stanford-anesthesiology": (3, 1),
        "bay-area-society": (2, 1),
    }


def test_directors_share_the_taxonomy_but_count_only_their_programs_members(client, world):
    client.force_login(world["director_b"])

    response = client.get(reverse("admin:programs_interest_changelist"))

    rows = {i.name: i for i in shown_objects(response)}
    assert set(rows) == set(Interest.objects.values_list("name", flat=True))
    assert (
        rows["Pediatric anesthesia"].mentor_count,
        rows["Pediatric anesthesia"].mentee_count,
    ) == (
        2,
        0,
    )
    assert rows["Critical care"].mentor_count == 1
    assert rows["Leadership"].mentor_count == 0


def shown_objects(response) -> list:
    assert response.status_code == HTTPStatus.OK
    # The taxonomy has more interests than fit on one page.
    return list(response.context["cl"].queryset)


def test_the_mentor_program_filter_offers_only_the_directors_programs(client, world):
    client.force_login(world["director_a"])
    url = reverse(CHANGELISTS["mentor"])

    response = client.get(url)
    program_b = world["program"]["b"]

    content = response.content.decode()
    assert "Stanford Anesthesiology" in content
    filter_choices = [
        choice["display"]
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", None) == "program"
        for choice in spec.choices(response.context["cl"])
    ]
    assert filter_choices == ["All", "Stanford Anesthesiology"]
    # Asking for the other program by hand filters nothing in.
    assert shown(client.get(url, {"program": program_b.pk})) == shown(response)


@pytest.mark.parametrize(
    ("kind", "name"),
    [("mentor", "Dr Luis Herrera"), ("mentee", "Ana Kowalski"), ("program", "Bay Area Society")],
)
def test_a_director_cannot_open_another_programs_rows(client, world, kind, name):
    client.force_login(world["director_a"])
    obj = world[kind]["b"]
    url = reverse(CHANGELISTS[kind].replace("changelist", "change"), args=[obj.pk])

    response = client.get(url, follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:index")
    content = response.content.decode()
    assert "doesn’t exist" in content
    assert name not in content


def test_a_director_edits_their_programs_settings_but_not_its_directors(client, world):
    client.force_login(world["director_a"])
    program = world["program"]["a"]
    url = reverse("admin:programs_program_change", args=[program.pk])

    form = client.get(url).context["adminform"].form
    assert "directors" not in form.fields
    response = client.post(
        url,
        {
            "name": program.name,
            "slug": program.slug,
            "description": "Residents and faculty who walk the road together.",
            "meeting_target_days": 30,
            "max_pending_requests": 3,
            "request_expiry_days": 21,
            "year_starts_month": 7,
            "year_starts_day": 1,
            "directors": [world["director_b"].pk],
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    program.refresh_from_db()
    assert program.meeting_target_days == 30
    assert list(program.directors.all()) == [world["director_a"]]


def test_a_director_can_neither_add_nor_delete_programs(client, world):
    client.force_login(world["director_a"])
    program = world["program"]["a"]

    assert client.get(reverse("admin:programs_program_add")).status_code == HTTPStatus.FORBIDDEN
    response = client.post(
        reverse("admin:programs_program_delete", args=[program.pk]), {"post": "yes"}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Program.objects.filter(pk=program.pk).exists()


def test_approving_a_mentor_records_who_and_when_and_lists_them(client, world):
    director = world["director_a"]
    profile = world["mentor"]["unapproved"]
    mentee = world["mentee"]["a"].user
    assert profile not in MentorProfile.objects.listed_for(mentee)
    client.force_login(director)

    response = client.post(
        reverse(CHANGELISTS["mentor"]),
        {"action": "approve", "_selected_action": [profile.pk]},
        follow=True,
    )

    assert "Approved 1 mentor: they now appear in the directory" in response.content.decode()
    membership = profile.memberships.get()
    assert membership.approved_by == director
    assert membership.approved_at is not None
    assert profile in MentorProfile.objects.listed_for(mentee)
    entry = LogEntry.objects.get(object_id=str(profile.pk), user=director)
    assert entry.change_message == ("Approved for the mentor directory of Stanford Anesthesiology.")


def test_a_director_cannot_approve_another_programs_mentor(client, world):
    director_b = world["director_b"]
    profile = world["mentor"]["unapproved"]  # of program A only
    client.force_login(director_b)

    client.post(
        reverse(CHANGELISTS["mentor"]),
        {"action": "approve", "_selected_action": [profile.pk]},
    )

    membership = profile.memberships.get()
    assert membership.approved_at is None
    assert membership.approved_by is None
    assert not LogEntry.objects.filter(object_id=str(profile.pk)).exists()


def test_taking_a_mentor_out_of_the_directory_clears_the_approval(client, world):
    profile = world["mentor"]["a"]
    client.force_login(world["director_a"])

    client.post(
        reverse(CHANGELISTS["mentor"]),
        {"action": "unapprove", "_selected_action": [profile.pk]},
    )

    assert not profile.memberships.get().is_approved
    assert profile not in MentorProfile.objects.listed_for(world["mentee"]["a"].user)


def test_the_mentor_form_shows_only_the_directors_programs_and_keeps_the_others(client, world):
    client.force_login(world["director_a"])
    profile = world["mentor"]["both"]
    url = reverse("admin:mentors_mentorprofile_change", args=[profile.pk])

    response = client.get(url)
    inline = response.context["inline_admin_formsets"][0].formset
    assert [form.instance.program for form in inline.forms] == [world["program"]["a"]]
    assert list(inline.empty_form.fields["program"].queryset) == [world["program"]["a"]]
    membership = profile.memberships.get(program=world["program"]["a"])
    data = {
        "title": "Professor",
        "division": "Critical Care Medicine",
        "interests": [],
        "capacity": 3,
        "accepting_new": "on",
        "meets_in_person": "on",
        "how_i_help": profile.how_i_help,
        "memberships-TOTAL_FORMS": 1,
        "memberships-INITIAL_FORMS": 1,
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
        "memberships-0-id": membership.pk,
        "memberships-0-mentor": profile.pk,
    }
    response = client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    profile.refresh_from_db()
    assert profile.title == "Professor"
    assert set(profile.programs.all()) == set(world["program"].values())
    assert all(m.is_approved for m in profile.memberships.all())


def test_the_mentee_form_offers_only_the_directors_programs(client, world):
    client.force_login(world["director_b"])
    profile = world["mentee"]["b"]

    response = client.get(reverse("admin:mentees_menteeprofile_change", args=[profile.pk]))

    form = response.context["adminform"].form
    assert list(form.fields["program"].queryset) == [world["program"]["b"]]
    assert "How to stay calm" in response.content.decode()  # prompts are shown
