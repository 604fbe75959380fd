"""A note is read by its author and, when shared, by the other person of the
pairing. Nobody else: not other mentors or mentees, not the program's director,
not a superuser. Each page is checked for the note's exact words, and for the
status a stranger gets (404, or the log-in page when signed out).

The admin side of the matrix lives with the admin tests."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings import services
from mentorship.meetings.models import Note
from mentorship.meetings.services import NoteInput
from tests.factories import add_totp, make_pairing

pytestmark = pytest.mark.django_db

PRIVATE = "She is carrying more than she says about the night shifts."
SHARED = "We talked about asking for help before the pager gets loud."

# Which prompts each side answers: the private one, then the shared one.
PROMPTS = {
    "mentor": ("learned_about_them", "curious_or_carrying"),
    "mentee": ("taking_away", "try_before_next"),
}
VIEWERS = [
    "author",
    "partner",
    "other mentor",
    "other mentee",
    "director",
    "superuser",
    "anonymous",
]
# Who may read each kind of note.
READERS = {"private": {"author"}, "shared": {"author", "partner"}}
MEMBERS = {"author", "partner"}


@pytest.fixture(params=["mentor", "mentee"])
def world(request, program, sam, chen, levin, director, noor, superuser_with_mfa):
    """Dana mentors Sam; one of them wrote a private and a shared answer last week.
    Ari mentors Noor in the same program; Maya directs it; and there is a superuser."""
    pairing = make_pairing(chen, sam)
    make_pairing(levin, noor)
    add_totp(director)
    superuser = superuser_with_mfa
    author_side = request.param
    author = chen.user if author_side == "mentor" else sam.user
    partner = sam.user if author_side == "mentor" else chen.user
    private_prompt, shared_prompt = PROMPTS[author_side]
    meeting = services.meeting_log(
        pairing=pairing,
        by=author,
        starts_at=timezone.now() - timedelta(days=7),
        minutes=45,
        format="walk",
        notes=[
            NoteInput(private_prompt, PRIVATE, shared=False),
            NoteInput(shared_prompt, SHARED, shared=True),
        ],
    )
    return {
        "pairing": pairing,
        "meeting": meeting,
        "notes": {
            "private": Note.objects.get(prompt=private_prompt),
            "shared": Note.objects.get(prompt=shared_prompt),
        },
        "people": {
            "author": author,
            "partner": partner,
            "other mentor": levin.user,
            "other mentee": noor.user,
            "director": director,
            "superuser": superuser,
            "anonymous": None,
        },
    }


def visit(client, world, viewer: str, url: str):
    person = world["people"][viewer]
    if person is not None:
        client.force_login(person)
    return client.get(url)


def shows(response, text: str) -> bool:
    return text in response.content.decode()


def assert_signed_out_goes_to_log_in(response):
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", ["private", "shared"])
def test_the_pairing_page_shows_a_note_only_to_its_readers(client, world, viewer, kind):
    text = PRIVATE if kind == "private" else SHARED

    response = visit(client, world, viewer, world["pairing"].get_absolute_url())

    if viewer == "anonymous":
        assert_signed_out_goes_to_log_in(response)
    elif viewer in MEMBERS:
        assert response.status_code == 200
        assert shows(response, text) == (viewer in READERS[kind])
    else:
        assert response.status_code == 404
    assert shows(response, text) == (viewer in READERS[kind])


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", ["private", "shared"])
def test_the_meeting_page_shows_a_note_only_to_its_readers(client, world, viewer, kind):
    text = PRIVATE if kind == "private" else SHARED

    response = visit(client, world, viewer, reverse("meetings:detail", args=[world["meeting"].pk]))

    if viewer == "anonymous":
        assert_signed_out_goes_to_log_in(response)
    elif viewer in MEMBERS:
        assert response.status_code == 200
        assert "45 minutes" in response.content.decode()
    else:
        assert response.status_code == 404
    assert shows(response, text) == (viewer in READERS[kind])


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", ["private", "shared"])
def test_the_note_page_opens_only_for_its_readers(client, world, viewer, kind):
    text = PRIVATE if kind == "private" else SHARED
    note = world["notes"][kind]

    response = visit(client, world, viewer, reverse("meetings:note", args=[note.pk]))

    if viewer == "anonymous":
        assert_signed_out_goes_to_log_in(response)
    elif viewer in READERS[kind]:
        assert response.status_code == 200
    else:
        assert response.status_code == 404
    assert shows(response, text) == (viewer in READERS[kind])


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", ["private", "shared"])
def test_the_note_edit_page_opens_only_for_its_author(client, world, viewer, kind):
    note = world["notes"][kind]

    response = visit(client, world, viewer, reverse("meetings:note_edit", args=[note.pk]))

    if viewer == "anonymous":
        assert_signed_out_goes_to_log_in(response)
    elif viewer == "author":
        assert response.status_code == 200
    else:
        assert response.status_code == 404
    assert shows(response, PRIVATE if kind == "private" else SHARED) == (viewer == "author")


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("kind", ["private", "shared"])
@pytest.mark.parametrize("file_format", ["md", "json"])
def test_the_export_holds_a_note_only_for_its_readers(client, world, viewer, kind, file_format):
    text = PRIVATE if kind == "private" else SHARED

    response = visit(client, world, viewer, reverse("meetings:export") + f"?format={file_format}")

    if viewer == "anonymous":
        assert_signed_out_goes_to_log_in(response)
    else:
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
    assert shows(response, text) == (viewer in READERS[kind])


@pytest.mark.parametrize("viewer", ["other mentor", "other mentee", "director", "superuser"])
def test_strangers_cannot_change_a_note_by_posting_to_it(client, world, viewer):
    note = world["notes"]["shared"]

    client.force_login(world["people"][viewer])
    response = client.post(
        reverse("meetings:note_edit", args=[note.pk]), {"answer": "Overwritten", "shared": "on"}
    )

    assert response.status_code == 404
    note.refresh_from_db()
    assert note.answer == SHARED


def test_the_partner_cannot_change_a_shared_note(client, world):
    note = world["notes"]["shared"]
    client.force_login(world["people"]["partner"])

    response = client.post(
        reverse("meetings:note_edit", args=[note.pk]), {"answer": "Overwritten", "shared": ""}
    )

    assert response.status_code == 404
    note.refresh_from_db()
    assert (note.answer, note.is_shared) == (SHARED, True)
