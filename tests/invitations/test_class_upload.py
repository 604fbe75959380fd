"""A director brings in the incoming class from a spreadsheet: a preview that
names every bad row and why, nothing saved until confirmed, and each person
invited exactly once."""

import html
from datetime import date

import pytest

from accounts.models import User
from mentorship.invitations.models import Invitation
from mentorship.mentees.models import MenteeProfile
from mentorship.programs.models import Interest
from mentorship.years.models import Appointment
from tests.factories import make_mentee, make_mentee_profile
from tests.invitations.support import (
    CONFIRM,
    IMPORT,
    INVITATIONS,
    confirm_data,
    intern,
    join_links,
    upload,
)

pytestmark = pytest.mark.django_db


def test_a_clean_class_is_previewed_then_invited_on_confirmation(
    client, desk, program, mailoutbox, django_capture_on_commit_callbacks
):
    Interest.objects.create(name="Regional anesthesia", category="clinical")
    client.force_login(desk)
    rows = [intern(1, interests="Regional anesthesia"), intern(2), intern(3, level="CA-1")]

    preview = upload(client, program, rows)

    assert preview.status_code == 200
    text = html.unescape(preview.content.decode())
    assert "Who will be invited" in text
    assert "3 to invite" in text
    assert Invitation.objects.count() == 0 and not User.objects.filter(email__startswith="intern")

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(CONFIRM, confirm_data(preview), follow=True)

    assert done.redirect_chain[-1][0] == INVITATIONS
    assert "Invited 3 people" in done.content.decode()
    assert Invitation.objects.filter(program=program).count() == 3
    first = MenteeProfile.objects.get(user__email="intern001@example.com")
    assert first.program == program
    assert [i.name for i in first.interests.all()] == ["Regional anesthesia"]
    appointment = Appointment.objects.get(user=first.user)
    assert (appointment.level, appointment.year.starts_on) == ("intern", date(2027, 7, 1))
    assert not first.user.has_usable_password()
    assert len(mailoutbox) == 3
    assert mailoutbox[0].subject.endswith(
        "Welcome to Stanford Anesthesiology: what are you curious about?"
    )
    assert len(join_links(mailoutbox)) == 3


def test_bad_rows_are_each_named_with_why_and_nothing_is_saved(client, desk, program):
    make_mentee_profile(make_mentee("taken@example.com", name="Already Here"), program=program)
    client.force_login(desk)
    rows = [
        intern(1),
        intern(2, email="not-an-address"),
        intern(3, email="intern001@example.com"),
        intern(4, email="taken@example.com"),
        intern(5, level="CA-7"),
        intern(6, start="next summer"),
        intern(7, name=""),
    ]

    preview = upload(client, program, rows)

    assert preview.status_code == 200, preview
    text = html.unescape(preview.content.decode())
    assert "Some rows need fixing" in text
    assert "“not-an-address” isn't an e-mail address." in text
    assert "intern001@example.com is also on row 1" in text
    assert "taken@example.com already has an account here" in text
    assert "“CA-7” isn't a level we know" in text
    assert "“next summer” isn't a date we can read" in text
    assert "Give the person's name." in text
    assert "confirm_form" not in preview.context or preview.context["confirm_form"] is None
    assert Invitation.objects.count() == 0
    assert not User.objects.filter(email="intern001@example.com").exists()


def test_a_class_of_200_with_10_bad_rows_names_each_and_can_leave_them_out(
    client, desk, program, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(desk)
    bad = {7, 19, 33, 48, 61, 90, 111, 140, 175, 199}
    rows = [intern(n, level="CA-9") if n in bad else intern(n) for n in range(1, 201)]

    first = upload(client, program, rows)

    text = html.unescape(first.content.decode())
    assert first.context.get("confirm_form") is None
    numbers = sorted(row.number for row in first.context["result"].invalid_rows)
    assert numbers == sorted(bad)
    assert text.count("“CA-9” isn't a level we know") == 10
    assert Invitation.objects.count() == 0

    second = upload(client, program, rows, skip=True)

    assert "190 to invite, 10 left out" in html.unescape(second.content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(CONFIRM, confirm_data(second), follow=True)

    assert "Invited 190 people" in html.unescape(done.content.decode())
    assert "10 rows were left out" in html.unescape(done.content.decode())
    assert Invitation.objects.count() == 190
    assert len(mailoutbox) == 190
    assert not Invitation.objects.filter(email="intern007@example.com").exists()


def test_confirming_twice_invites_no_one_twice(
    client, desk, program, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(desk)
    preview = upload(client, program, [intern(1), intern(2)])
    data = confirm_data(preview)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(CONFIRM, data)
        again = client.post(CONFIRM, data, follow=True)

    assert "already been confirmed" in html.unescape(again.content.decode())
    assert Invitation.objects.count() == 2
    assert User.objects.filter(email__startswith="intern").count() == 2
    assert len(mailoutbox) == 2


def test_the_same_file_uploaded_again_says_who_is_already_invited(client, desk, program):
    client.force_login(desk)
    preview = upload(client, program, [intern(1)])
    client.post(CONFIRM, confirm_data(preview))

    again = upload(client, program, [intern(1), intern(2)])

    text = html.unescape(again.content.decode())
    assert "intern001@example.com is already invited to Stanford Anesthesiology." in text
    assert Invitation.objects.count() == 1


def test_headings_and_levels_are_read_loosely_and_a_blank_start_is_next_year(client, desk, program):
    client.force_login(desk)
    rows = [
        ["Ada Lim", "ADA@example.com", "intern", ""],
        ["Bo Tan", "bo@example.com", "CA1", "8/15/2027"],
    ]

    preview = upload(
        client, program, rows, headings=["Full name", "Email address", "Training level", "Start"]
    )
    client.post(CONFIRM, confirm_data(preview))

    ada, bo = Invitation.objects.order_by("name")
    assert (ada.level, ada.starts_on, ada.email) == ("intern", date(2027, 7, 1), "ADA@example.com")
    assert (bo.level, bo.starts_on) == ("ca1", date(2027, 8, 15))
    assert Appointment.objects.get(user=bo.user).starts_on == date(2027, 8, 15)
    assert Appointment.objects.get(user=ada.user).starts_on is None


@pytest.mark.parametrize(
    ("headings", "rows", "message"),
    [
        (["Name", "Level"], [["Ada", "intern"]], "it has no email"),
        (["Name", "Email", "Level"], [], "No valid data to import"),
    ],
)
def test_a_file_without_the_columns_says_what_it_needs(
    client, desk, program, headings, rows, message
):
    client.force_login(desk)

    response = upload(client, program, rows, headings=headings)

    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert Invitation.objects.count() == 0


def test_a_file_that_isnt_a_spreadsheet_is_a_clear_message(client, desk, program):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(desk)
    junk = SimpleUploadedFile(
        "class.xlsx", b"\x00\x01 not a spreadsheet", content_type="application/octet-stream"
    )

    response = client.post(IMPORT, {"program": program.pk, "format": "1", "import_file": junk})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert Invitation.objects.count() == 0


def test_a_spreadsheet_uploads_like_a_csv(client, desk, program):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    client.force_login(desk)
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Email", "Level", "Start date"])
    sheet.append(["Ada Lim", "ada@example.com", "PGY-1", date(2027, 7, 1)])
    out = io.BytesIO()
    book.save(out)
    upload_file = SimpleUploadedFile("class.xlsx", out.getvalue())

    preview = client.post(
        IMPORT, {"program": program.pk, "format": "1", "import_file": upload_file}
    )
    client.post(CONFIRM, confirm_data(preview))

    assert Invitation.objects.get().starts_on == date(2027, 7, 1)


def test_a_director_can_not_bring_a_class_into_another_program(
    client, desk, program, other_program
):
    client.force_login(desk)

    response = upload(client, other_program, [intern(1)])

    assert response.status_code == 200
    assert "program" in response.context["form"].errors
    assert Invitation.objects.count() == 0
