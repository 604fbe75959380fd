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
from tests.invitations.support import CONFIRM, INVITATIONS, confirm_data, intern, join_links, upload

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
