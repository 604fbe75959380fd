import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from mentorship.mentees.models import MenteeProfile
from tests.factories import (
    interest,
    make_mentee,
    make_mentee_profile,
    make_mentor,
)

pytestmark = pytest.mark.django_db

PRIVACY = "the program's directors, and the mentors"


@pytest.fixture
def profile(sam):
    """Sam's profile (of the cast), a second-year since 2025, with what they look for."""
    sam.training_level, sam.start_year = "ca2", 2025
    sam.mentor_help = "Choosing between fellowships."
    sam.save()
    sam.interests.set([interest(n) for n in ("Pediatric anesthesia", "Medical education")])
    return sam


def valid_data(program, /, **overrides):
    data = {
        "program": str(program.pk),
        "training_level": "ca1",
        "start_year": "2026",
        "interests": [str(interest("Cardiac anesthesia").pk), str(interest("Simulation").pk)],
        "curious_about": "Why some teams stay calm in a crisis.",
        "meaningful_year": "",
        "mentor_help": "Finding my way into research.",
        "can_offer": "",
    }
    data.update(overrides)
    return data


# --- who may read a mentee profile --------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in(client, profile):
    response = client.get(profile.get_absolute_url())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_the_owner_reads_their_profile_with_its_answers(client, profile):
    client.force_login(profile.user)

    response = client.get(profile.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "Sam Whitfield" in text
    assert "Stanford Anesthesiology" in text
    assert "CA-2 since 2025" in text
    assert '<span class="tag">Pediatric anesthesia</span>' in text
    assert '<span class="tag">Medical education</span>' in text
    assert "What are you curious about right now?" in text
    assert "How to stay calm in a pediatric airway emergency." in text
    assert "Choosing between fellowships." in text
    assert "Your profile is seen by you, " + PRIVACY + " you ask." in text
    assert "sam@example.com" not in text


def test_the_owner_is_offered_to_edit_and_to_answer_the_empty_prompts(client, profile):
    client.force_login(profile.user)

    text = client.get(profile.get_absolute_url()).content.decode()

    assert "Edit your profile" in text
    assert reverse("mentees:profile_edit") in text
    assert "<li>What would make this year meaningful for you?</li>" in text
    assert "<li>What could you offer someone else in the program?</li>" in text
    assert "<li>Where could a mentor help most?</li>" not in text


def test_unanswered_prompts_are_not_shown_as_empty_sections(client, profile):
    client.force_login(profile.user)

    text = client.get(profile.get_absolute_url()).content.decode()

    assert "<h2>What would make this year meaningful for you?</h2>" not in text
    assert "<h2>Where could a mentor help most?</h2>" in text


def test_another_mentee_of_the_same_program_cannot_read_it(client, profile, program):
    other = make_mentee_profile(make_mentee("kim@example.com", name="Kim Lee"), program=program)
    client.force_login(other.user)

    assert client.get(profile.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_a_mentee_of_another_program_cannot_read_it(client, profile, other_program):
    other = make_mentee_profile(make_mentee("kim@example.com"), program=other_program)
    client.force_login(other.user)

    assert client.get(profile.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_a_mentor_of_the_same_program_cannot_read_it_yet(client, profile, chen):
    # Chen has not been asked, nor paired with Sam, so may not read it.
    client.force_login(chen.user)

    assert client.get(profile.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_a_director_of_the_program_reads_it(client, profile, director):
    client.force_login(director)

    response = client.get(profile.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "How to stay calm in a pediatric airway emergency." in text
    assert "Edit your profile" not in text
    assert "sam@example.com" not in text


def test_a_director_of_another_program_cannot_read_it(client, profile, other_director):
    client.force_login(other_director)

    assert client.get(profile.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_a_superuser_reads_it(client, profile, superuser):
    client.force_login(superuser)

    response = client.get(profile.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "Sam Whitfield" in text
    assert "CA-2 since 2025" in text
    assert "How to stay calm in a pediatric airway emergency." in text
    assert "Edit your profile" not in text


def test_an_id_that_does_not_exist_answers_not_found(client, profile):
    client.force_login(profile.user)

    response = client.get(reverse("mentees:detail", args=[profile.pk + 1000]))

    assert response.status_code == HTTPStatus.NOT_FOUND


# --- writing and editing your own profile -------------------------------------


def test_a_mentee_without_a_profile_gets_an_empty_form(client, program):
    client.force_login(make_mentee())

    response = client.get(reverse("mentees:profile_edit"))

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "Write your profile" in text
    assert "Stanford Anesthesiology" in text
    assert "Cardiac anesthesia" in text
    assert '<textarea name="curious_about"' in text
    assert "A field, a skill, a question you keep coming back to." in text
    assert 'type="number" name="start_year"' in text
    assert "Save my profile" in text


def test_a_mentee_writes_their_profile(client, program):
    user = make_mentee()
    client.force_login(user)

    response = client.post(reverse("mentees:profile_edit"), valid_data(program), follow=True)

    assert response.redirect_chain == [(reverse("home"), HTTPStatus.FOUND)]
    assert (
        "Your profile is ready. Mentors will see what you&#x27;re curious about when you ask them."
        in response.content.decode()
    )
    profile = MenteeProfile.objects.get(user=user)
    assert profile.program == program
    assert (profile.training_level, profile.start_year) == ("ca1", 2026)
    assert profile.curious_about == "Why some teams stay calm in a crisis."
    assert sorted(i.name for i in profile.interests.all()) == ["Cardiac anesthesia", "Simulation"]


def test_a_mentee_edits_their_profile(client, profile, other_program):
    client.force_login(profile.user)

    form = client.get(reverse("mentees:profile_edit")).content.decode()
    assert "How to stay calm in a pediatric airway emergency." in form
    response = client.post(
        reverse("mentees:profile_edit"),
        valid_data(other_program, interests=[], can_offer="Teaching the interns ultrasound."),
        follow=True,
    )

    assert "Your profile is saved." in response.content.decode()
    profile.refresh_from_db()
    assert profile.program == other_program
    assert profile.can_offer == "Teaching the interns ultrasound."
    assert not profile.interests.exists()
    assert MenteeProfile.objects.count() == 1


def test_posting_another_users_id_still_edits_only_your_own_profile(client, profile, program):
    other = make_mentee_profile(make_mentee("kim@example.com"), program=program)
    client.force_login(profile.user)

    client.post(
        reverse("mentees:profile_edit"), valid_data(program, user=other.user.pk, id=other.pk)
    )

    other.refresh_from_db()
    assert other.curious_about == "How to stay calm in a pediatric airway emergency."
    profile.refresh_from_db()
    assert profile.curious_about == "Why some teams stay calm in a crisis."


def test_a_year_out_of_range_is_refused_at_the_field_and_everything_typed_is_kept(client, program):
    user = make_mentee()
    client.force_login(user)

    response = client.post(reverse("mentees:profile_edit"), valid_data(program, start_year="1800"))

    assert response.status_code == HTTPStatus.OK
    form = response.context["form"]
    assert form.errors["start_year"][0].startswith("Enter the year you started this level")
    text = response.content.decode()
    assert "between 1980 and 2100" in text
    assert 'value="1800"' in text
    assert "Why some teams stay calm in a crisis." in text
    assert "Finding my way into research." in text
    assert re.search(rf'value="{interest("Simulation").pk}"[^>]*checked', text)
    assert re.search(rf'value="{interest("Cardiac anesthesia").pk}"[^>]*checked', text)
    assert not re.search(rf'value="{interest("Mindfulness").pk}"[^>]*checked', text)
    assert "everything you typed is still here" in text
    assert not MenteeProfile.objects.exists()


def test_an_overlong_answer_is_refused_at_the_field_and_kept_to_trim(client, program):
    client.force_login(make_mentee())
    long_answer = "curious " * 300  # 2,400 characters

    response = client.post(
        reverse("mentees:profile_edit"), valid_data(program, meaningful_year=long_answer)
    )

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert list(errors) == ["meaningful_year"]
    assert "Please keep this under 2000 characters" in errors["meaningful_year"][0]
    text = response.content.decode()
    assert long_answer.strip() in text
    assert "Why some teams stay calm in a crisis." in text
    assert not MenteeProfile.objects.exists()


def test_an_unknown_interest_is_refused_at_the_field(client, program):
    client.force_login(make_mentee())

    response = client.post(
        reverse("mentees:profile_edit"),
        valid_data(program, interests=[str(interest("Simulation").pk), "99999"]),
    )

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert list(errors) == ["interests"]
    assert "We don&#x27;t know the interest “99999”" in response.content.decode()
    text = response.content.decode()
    assert "Why some teams stay calm in a crisis." in text
    assert re.search(rf'value="{interest("Simulation").pk}"[^>]*checked', text)
    assert not MenteeProfile.objects.exists()


def test_a_missing_program_is_asked_for_and_the_rest_is_kept(client, program):
    client.force_login(make_mentee())

    response = client.post(reverse("mentees:profile_edit"), valid_data(program, program=""))

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert list(errors) == ["program"]
    text = response.content.decode()
    assert "Choose your program, so its mentors and directors can find you." in text
    assert 'value="2026"' in text
    assert "Finding my way into research." in text
    assert not MenteeProfile.objects.exists()


def test_someone_who_is_not_a_mentee_is_sent_to_choose_their_roles(client, program):
    client.force_login(make_mentor())

    response = client.get(reverse("mentees:profile_edit"), follow=True)

    assert response.redirect_chain == [(reverse("onboarding"), HTTPStatus.FOUND)]
    assert "Tell us you&#x27;d like a mentor first." in response.content.decode()


def test_someone_who_is_not_a_mentee_cannot_post_a_profile(client, program):
    user = make_mentor()
    client.force_login(user)

    response = client.post(reverse("mentees:profile_edit"), valid_data(program))

    assert response["Location"] == reverse("onboarding")
    assert not MenteeProfile.objects.exists()


def test_the_profile_form_groups_interests_clinical_areas_first(client):
    client.force_login(make_mentee())

    text = client.get(reverse("mentees:profile_edit")).content.decode()

    legends = re.findall(r"<legend>([^<]+)</legend>", text)
    groups = [legend for legend in legends if legend in {"Clinical area", "Career planning"}]
    assert groups == ["Clinical area", "Career planning"]
    assert text.index("Cardiac anesthesia") < text.index("Job search and negotiation")


def test_an_interest_that_isnt_one_comes_back_marked_on_every_box(client, profile, program):
    client.force_login(profile.user)

    response = client.post(
        reverse("mentees:profile_edit"),
        valid_data(program, interests=[str(interest("Simulation").pk), "999999"]),
        follow=True,
    )

    boxes = re.findall(r'<input type="checkbox" name="interests"[^>]*>', response.content.decode())
    assert boxes and all('aria-invalid="true"' in box for box in boxes)
    assert sum(" checked" in box for box in boxes) == 1  # Simulation, as typed
