"""The meeting services, notes and commitments: only the author changes a note,
only the two people keep their commitments, and who can read which note."""

from datetime import date

import pytest

from mentorship.meetings import services
from mentorship.meetings.models import Commitment, Meeting, Note
from mentorship.meetings.services import CommitmentInput, NoteInput
from tests.meetings.service_support import (
    NOW,
    OUTSIDERS,
    PRIVATE,
    PROMISE,
    SHARED,
    log,
    refused,
)

pytestmark = pytest.mark.django_db


# --- note_update --------------------------------------------------------------------


@pytest.fixture
def private_note(cast):
    meeting = log(cast["pairing"], cast["mentor"], notes=[NoteInput("be_of_service", PRIVATE)])
    return meeting.notes.get()


def test_the_author_shares_a_note_and_rewrites_it(cast, private_note):
    services.note_update(note=private_note, by=cast["mentor"], answer=SHARED, shared=True)

    note = Note.objects.get()
    assert (note.answer, note.visibility) == (SHARED, "shared")
    assert list(Note.objects.readable_by(cast["mentee"])) == [note]


@pytest.mark.parametrize(
    "who", ["mentee", "other mentor", "other mentee", "director", "superuser", "anonymous"]
)
def test_only_the_author_changes_a_note(
    who, cast, private_note, django_capture_on_commit_callbacks, mailoutbox
):
    error = refused(
        "not_author",
        lambda: services.note_update(note=private_note, by=cast[who], answer=SHARED, shared=True),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )
    assert error.message == "Only the person who wrote a note can change it."


def test_a_note_cannot_be_emptied(
    cast, private_note, django_capture_on_commit_callbacks, mailoutbox
):
    refused(
        "empty_note",
        lambda: services.note_update(
            note=private_note, by=cast["mentor"], answer=" \n", shared=False
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- commitments ---------------------------------------------------------------------


@pytest.fixture
def commitment(cast):
    return services.commitment_add(
        pairing=cast["pairing"],
        by=cast["mentor"],
        item=CommitmentInput("mentor", PROMISE, date(2026, 3, 1)),
    )


def test_either_person_adds_completes_or_carries_a_commitment(cast, commitment):
    assert commitment.is_overdue(today=date(2026, 3, 10))
    assert list(Commitment.objects.overdue(today=date(2026, 3, 10))) == [commitment]

    services.commitment_carry(commitment=commitment, by=cast["mentee"], due_on=date(2026, 4, 1))
    assert Commitment.objects.get().due_on == date(2026, 4, 1)
    assert list(Commitment.objects.overdue(today=date(2026, 3, 10))) == []

    services.commitment_complete(commitment=commitment, by=cast["mentee"], now=NOW)
    assert Commitment.objects.get().done_at == NOW
    assert list(Commitment.objects.open()) == []


@pytest.mark.parametrize("who", OUTSIDERS)
def test_only_the_two_people_complete_or_carry_a_commitment(
    who, cast, commitment, django_capture_on_commit_callbacks, mailoutbox
):
    by = cast[who]
    for call in (
        lambda: services.commitment_complete(commitment=commitment, by=by, now=NOW),
        lambda: services.commitment_carry(commitment=commitment, by=by, due_on=date(2026, 4, 1)),
    ):
        refused("not_member", call, django_capture_on_commit_callbacks, mailoutbox)


def test_a_done_commitment_is_neither_done_again_nor_carried(
    cast, commitment, django_capture_on_commit_callbacks, mailoutbox
):
    services.commitment_complete(commitment=commitment, by=cast["mentor"], now=NOW)

    for call in (
        lambda: services.commitment_complete(commitment=commitment, by=cast["mentee"]),
        lambda: services.commitment_carry(
            commitment=commitment, by=cast["mentee"], due_on=date(2026, 4, 1)
        ),
    ):
        error = refused("already_done", call, django_capture_on_commit_callbacks, mailoutbox)
        assert error.message == "That one is already done."


def test_an_empty_commitment_is_refused(cast, django_capture_on_commit_callbacks, mailoutbox):
    refused(
        "empty_commitment",
        lambda: services.commitment_add(
            pairing=cast["pairing"], by=cast["mentee"], item=CommitmentInput("mentee", "  ")
        ),
        django_capture_on_commit_callbacks,
        mailoutbox,
    )


# --- who reads what --------------------------------------------------------------------


@pytest.fixture
def notes(cast):
    """Each of the two keeps one private and one shared answer; so do Ari and Noor."""
    log(
        cast["pairing"],
        cast["mentor"],
        notes=[
            NoteInput("curious_or_carrying", "mentor private"),
            NoteInput("learned_about_them", "mentor shared", shared=True),
        ],
    )
    log(
        cast["pairing"],
        cast["mentee"],
        notes=[
            NoteInput("taking_away", "mentee private"),
            NoteInput("try_before_next", "mentee shared", shared=True),
        ],
    )
    log(
        cast["their pairing"],
        cast["other mentor"],
        notes=[NoteInput("learned_about_them", "their shared", shared=True)],
    )


@pytest.mark.parametrize(
    ("who", "reads"),
    [
        ("mentor", {"mentor private", "mentor shared", "mentee shared"}),
        ("mentee", {"mentee private", "mentee shared", "mentor shared"}),
        ("other mentor", {"their shared"}),
        ("other mentee", {"their shared"}),
        ("director", set()),
        ("superuser", set()),
        ("anonymous", set()),
    ],
)
def test_a_note_is_read_by_its_author_and_when_shared_by_the_other_person_only(
    who, reads, cast, notes
):
    readable = Note.objects.readable_by(cast[who])

    assert set(readable.values_list("answer", flat=True)) == reads


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("mentor", "ours"),
        ("mentee", "ours"),
        ("other mentor", "theirs"),
        ("other mentee", "theirs"),
        ("director", None),
        ("superuser", None),
        ("anonymous", None),
    ],
)
def test_meetings_and_commitments_are_the_two_peoples_only(who, sees, cast, notes):
    for pairing, by in ((cast["pairing"], "mentee"), (cast["their pairing"], "other mentee")):
        services.commitment_add(
            pairing=pairing, by=cast[by], item=CommitmentInput("mentee", f"{by} promise")
        )
    pairing = {"ours": cast["pairing"], "theirs": cast["their pairing"], None: None}[sees]

    meetings = Meeting.objects.visible_to(cast[who])
    commitments = Commitment.objects.visible_to(cast[who])

    if pairing is None:
        assert (list(meetings), list(commitments)) == ([], [])
    else:
        assert {m.pairing_id for m in meetings} == {pairing.pk}
        assert meetings.count() == Meeting.objects.filter(pairing=pairing).count()
        assert [c.pairing_id for c in commitments] == [pairing.pk]
