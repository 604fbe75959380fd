"""Academic years and appointments: a person's level as a fact of the year."""

from datetime import date
from http import HTTPStatus

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import User
from mentorship.mentees.models import MenteeProfile
from mentorship.years.models import AcademicYear, Appointment, Level
from mentorship.years.services import appointment_set
from tests.factories import add_totp, make_director, make_program

pytestmark = pytest.mark.django_db


# --- the year a day falls in ---------------------------------------------------


@pytest.mark.parametrize(
    ("day", "starts_on", "ends_on", "label"),
    [
        (date(2026, 12, 1), date(2026, 7, 1), date(2027, 6, 30), "2026–27"),
        (date(2026, 7, 1), date(2026, 7, 1), date(2027, 6, 30), "2026–27"),  # its first day
        (date(2026, 6, 30), date(2025, 7, 1), date(2026, 6, 30), "2025–26"),  # the last day
        (date(2099, 1, 1), date(2098, 7, 1), date(2099, 6, 30), "2098–99"),
    ],
)
def test_a_program_year_runs_from_july_1_to_june_30(program, day, starts_on, ends_on, label):
    year = AcademicYear.objects.for_day(program, day)

    assert (year.starts_on, year.ends_on, year.label) == (starts_on, ends_on, label)


def test_a_program_may_start_its_year_on_another_day(program):
    program.year_starts_month, program.year_starts_day = 8, 15
    program.save()

    before = AcademicYear.objects.for_day(program, date(2026, 8, 14))
    on = AcademicYear.objects.for_day(program, date(2026, 8, 15))

    assert (before.starts_on, before.ends_on) == (date(2025, 8, 15), date(2026, 8, 14))
    assert (on.starts_on, on.ends_on, on.label) == (date(2026, 8, 15), date(2027, 8, 14), "2026–27")


def test_the_year_is_made_once_and_found_after(program):
    first = AcademicYear.objects.for_day(program, date(2026, 9, 1))
    again = AcademicYear.objects.for_day(program, date(2027, 3, 1))

    assert first.pk == again.pk
    assert AcademicYear.objects.count() == 1


def test_a_program_can_not_start_its_year_on_a_day_some_months_lack(program):
    program.year_starts_day = 30
    with pytest.raises(IntegrityError), transaction.atomic():
        program.save()


def test_a_year_ends_after_it_starts(program):
    with pytest.raises(IntegrityError), transaction.atomic():
        AcademicYear.objects.create(
            program=program, starts_on=date(2026, 7, 1), ends_on=date(2026, 7, 1)
        )


# --- appointments ---------------------------------------------------------------


def test_one_appointment_per_person_and_year(program, sam):
    year = AcademicYear.objects.for_day(program, date(2026, 12, 1))
    Appointment.objects.create(user=sam.user, year=year, level=Level.CA1)

    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(user=sam.user, year=year, level=Level.CA2)


def test_appointment_set_makes_the_years_appointment_then_changes_its_level(program, sam):
    first = appointment_set(user=sam.user, program=program, level=Level.CA1, day=date(2026, 9, 1))
    second = appointment_set(user=sam.user, program=program, level=Level.CA2, day=date(2027, 1, 5))
    next_year = appointment_set(
        user=sam.user, program=program, level=Level.CA3, day=date(2027, 7, 1)
    )

    assert first.pk == second.pk
    assert Appointment.objects.get(pk=first.pk).described == "CA-2 in 2026–27"
    assert next_year.described == "CA-3 in 2027–28"
    assert Appointment.objects.filter(user=sam.user).count() == 2


def test_current_reads_the_year_today_falls_in(program, sam, ana):
    appointment_set(user=sam.user, program=program, level=Level.CA1, day=date(2025, 9, 1))
    appointment_set(user=ana.user, program=program, level=Level.CA2, day=date(2026, 9, 1))

    current = Appointment.objects.current(date(2026, 12, 1))

    assert list(current.values_list("user__name", flat=True)) == ["Ana Ruiz"]


# --- the mentee's profile ---------------------------------------------------------


def profile_form(**changes):
    data = {
        "program": "",
        "training_level": "ca2",
        "start_year": "2026",
        "curious_about": "Regional anesthesia, and how to teach it.",
    }
    return {**data, **changes}


def test_the_level_a_mentee_saves_is_their_appointment_this_year(client, program):
    user = User.objects.create_user("new@example.com", name="Rae Lin", is_mentee=True)
    client.force_login(user)

    response = client.post(reverse("mentees:profile_edit"), profile_form(program=program.pk))

    assert response.status_code == HTTPStatus.FOUND
    appointment = Appointment.objects.get(user=user)
    assert appointment.level == Level.CA2
    assert appointment.program == program
    assert appointment.year == AcademicYear.objects.for_day(program)


def test_the_profile_page_says_the_level_of_the_year(client, program, sam):
    appointment = appointment_set(user=sam.user, program=program, level=Level.CA2)
    client.force_login(sam.user)

    text = client.get(sam.get_absolute_url()).content.decode()

    assert f"CA-2 in {appointment.year.label}" in text


def test_without_an_appointment_the_profile_says_what_was_typed(client, sam):
    client.force_login(sam.user)

    text = client.get(sam.get_absolute_url()).content.decode()

    assert f"{sam.get_training_level_display()} since {sam.start_year}" in text
    assert " in 20" not in text.split("<main", 1)[1].split("</p>", 1)[0]


# --- the admin -------------------------------------------------------------------


@pytest.fixture
def appointments(program, other_program, sam, alex):
    """Sam's in the director's program, Alex's in the other one."""
    return {
        "sam": appointment_set(user=sam.user, program=program, level=Level.CA1),
        "alex": appointment_set(user=alex.user, program=other_program, level=Level.CA3),
    }


def changelist(model: str) -> str:
    return reverse(f"admin:years_{model}_changelist")


@pytest.mark.parametrize("model", ["appointment", "academicyear"])
def test_anonymous_and_residents_are_sent_to_sign_in(client, appointments, sam, model):
    assert client.get(changelist(model)).status_code == HTTPStatus.FOUND
    client.force_login(sam.user)
    response = client.get(changelist(model))
    assert response.status_code == HTTPStatus.FOUND
    assert "/login/" in response["Location"]


def test_a_director_sees_their_programs_appointments_only(client, director, appointments):
    add_totp(director)
    client.force_login(director)

    response = client.get(changelist("appointment"))

    assert response.status_code == HTTPStatus.OK
    assert [a.pk for a in response.context["cl"].result_list] == [appointments["sam"].pk]
    text = response.content.decode()
    assert "Sam Whitfield" in text and "Alex" not in text


def test_another_programs_appointment_is_not_found_for_a_director(client, director, appointments):
    add_totp(director)
    client.force_login(director)

    url = reverse("admin:years_appointment_change", args=[appointments["alex"].pk])
    response = client.get(url, follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "doesn’t exist" in response.content.decode()


def test_a_director_changes_a_level_but_never_whose_or_which_year(
    client, director, appointments, other_director
):
    add_totp(director)
    client.force_login(director)
    sam = appointments["sam"]
    url = reverse("admin:years_appointment_change", args=[sam.pk])

    response = client.post(
        url, {"user": other_director.pk, "level": "ca2", "status": "extended"}, follow=True
    )

    assert response.status_code == HTTPStatus.OK
    sam.refresh_from_db()
    assert (sam.user.email, sam.level, sam.status) == ("sam@example.com", "ca2", "extended")


def test_the_appointment_filters_read_level_and_year(client, director, program, appointments, ana):
    add_totp(director)
    client.force_login(director)
    appointment_set(user=ana.user, program=program, level=Level.CA3)
    year = appointments["sam"].year.starts_on.year

    ca3 = client.get(changelist("appointment"), {"level__exact": "ca3"}).context["cl"]
    this_year = client.get(changelist("appointment"), {"year": str(year)}).context["cl"]
    last_year = client.get(changelist("appointment"), {"year": str(year - 1)}).context["cl"]

    assert [a.user.name for a in ca3.result_list] == ["Ana Ruiz"]
    assert this_year.result_count == 2
    assert last_year.result_count == 0


# Pinned: the same for 10 and 200 rows (session, user, two-step check, permissions,
# the program and year filters' choices, the count, the page).
APPOINTMENT_CHANGELIST_QUERIES = 10


def test_the_appointment_changelist_costs_the_same_for_10_and_200_rows(
    client, django_assert_max_num_queries
):
    director = make_director()
    program = make_program("Stanford Anesthesiology Residency", directors=[director])
    client.force_login(director)
    url = changelist("appointment")
    client.get(url)
    year = AcademicYear.objects.for_day(program)

    def add(start, stop):
        users = User.objects.bulk_create(
            User(email=f"resident{i}@example.com", name=f"Resident {i}", is_mentee=True)
            for i in range(start, stop)
        )
        Appointment.objects.bulk_create(
            Appointment(user=user, year=year, level=Level.CA1) for user in users
        )

    add(0, 10)
    with django_assert_max_num_queries(APPOINTMENT_CHANGELIST_QUERIES) as few:
        client.get(url)
    add(10, 200)
    with django_assert_max_num_queries(APPOINTMENT_CHANGELIST_QUERIES) as many:
        response = client.get(url)

    assert len(many) == len(few)
    assert response.context["cl"].result_count == 200


def test_the_year_changelist_counts_each_years_people(client, director, program, appointments):
    add_totp(director)
    client.force_login(director)

    response = client.get(changelist("academicyear"))

    assert response.status_code == HTTPStatus.OK
    [year] = response.context["cl"].result_list
    assert (year.program, year.appointment_count) == (program, 1)
    assert '<td class="field-appointment_count">1</td>' in response.content.decode()


def test_mentee_profiles_saved_in_the_admin_keep_the_appointment_in_step(
    client, director, program, sam
):
    add_totp(director)
    client.force_login(director)
    MenteeProfile.objects.filter(pk=sam.pk).update(training_level="ca1")
    url = reverse("admin:mentees_menteeprofile_change", args=[sam.pk])
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK

    client.post(
        url,
        {
            "program": program.pk,
            "training_level": "ca3",
            "start_year": "2024",
            "curious_about": sam.curious_about,
        },
    )

    assert Appointment.objects.get(user=sam.user).level == Level.CA3


# --- the migration that brought the typed levels in --------------------------------


def test_typed_levels_become_this_years_appointments_once(program, sam, alex):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("mentorship.years.migrations.0002_levels_from_mentee_profiles")
    MenteeProfile.objects.filter(pk=sam.pk).update(training_level="ca2")
    already = appointment_set(user=alex.user, program=alex.program, level=Level.FELLOW)

    migration.levels_to_appointments(apps, None)
    migration.levels_to_appointments(apps, None)  # run again: nothing twice

    sams = Appointment.objects.get(user=sam.user)
    assert sams.described == f"CA-2 in {AcademicYear.objects.for_day(program).label}"
    assert Appointment.objects.get(user=alex.user) == already  # kept as it was
    assert Appointment.objects.get(user=alex.user).level == Level.FELLOW
    assert Appointment.objects.count() == MenteeProfile.objects.count()


def test_an_end_before_the_start_comes_back_with_a_clear_message_and_what_was_typed(
    client, director, appointments
):
    add_totp(director)
    client.force_login(director)
    sam = appointments["sam"]
    url = reverse("admin:years_appointment_change", args=[sam.pk])

    response = client.post(
        url,
        {
            "level": "ca2",
            "status": "extended",
            "starts_on": "2026-09-01",
            "expected_end": "2026-08-01",
        },
    )

    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "The expected end comes after the start." in text
    assert 'value="2026-09-01"' in text and 'value="2026-08-01"' in text
    sam.refresh_from_db()
    assert (sam.level, sam.expected_end) == ("ca1", None)


def test_a_second_year_on_the_same_first_day_is_refused_with_a_message(
    client, director, program, appointments
):
    add_totp(director)
    client.force_login(director)
    year = appointments["sam"].year

    response = client.post(
        reverse("admin:years_academicyear_add"),
        {"program": program.pk, "starts_on": year.starts_on, "ends_on": year.ends_on},
    )

    assert response.status_code == HTTPStatus.OK
    assert "This program already has a year starting that day." in response.content.decode()
    assert AcademicYear.objects.filter(program=program).count() == 1
