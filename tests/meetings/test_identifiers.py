"""The gentle check for patient identifiers: what it flags, what it lets pass, and
how the log form asks before saving."""

import pytest
from django.utils import timezone

from mentorship.meetings.identifiers import likely_identifiers
from mentorship.meetings.models import Commitment, Meeting, Note
from tests.meetings.test_log import commitment, log_as, session, text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Her patient, MRN 12345678, was the hard one.", ["12345678"]),
        ("record 123-4567 again", ["123-4567"]),
        ("chart 12 34 56 78 came back", ["12 34 56 78"]),
        ("DOB 03/14/1987, the one from the ICU", ["DOB 03/14/1987"]),
        ("d.o.b. 3/14/87", ["d.o.b. 3/14/87"]),
        ("date of birth: 1987-03-14", ["date of birth: 1987-03-14"]),
        ("the twins, born on March 14, 1987", ["born on March 14, 1987"]),
        ("DOB 14.03.1987", ["DOB 14.03.1987"]),
    ],
)
def test_record_numbers_and_dates_of_birth_are_flagged(text, flagged):
    assert likely_identifiers(text) == flagged


@pytest.mark.parametrize(
    "text",
    [
        "",
        "We talked about asking for help before the pager gets loud.",
        "Meet again on 2026-04-02 after the 07:00 list.",
        "Read 3 papers by 12/05/2026 and page 123456 if stuck.",
        "Born in 1987, like me: we laughed about it.",
        "She was born to teach.",
        "The PGY-2 class of 2027 has 24 residents.",
    ],
)
def test_ordinary_words_dates_and_short_numbers_pass(text):
    assert likely_identifiers(text) == []


def test_a_likely_identifier_asks_for_a_check_and_saves_nothing_yet(client, cast):
    answer = "The airway case, MRN 12345678, stayed with her."
    response = log_as(
        client,
        cast.mentor,
        cast.pairing,
        session(
            answer_curious_or_carrying=answer,
            **commitment(1, what="Talk through the case DOB 03/14/1987 together"),
        ),
    )
    page = text_of(response)
    assert "Nothing is saved yet. Some of what you wrote may identify a patient" in page
    assert "What are they curious about, or carrying? (“12345678”)" in page
    assert "Commitment 1 (“DOB 03/14/1987”)" in page
    assert "I've checked: nothing here identifies a patient" in page
    assert f">\n{answer}</textarea>" in page
    assert "Please look at the" not in page  # one notice, not two
    assert not Meeting.objects.exists() and not Note.objects.exists()

    response = log_as(
        client,
        cast.mentor,
        cast.pairing,
        session(
            answer_curious_or_carrying=answer,
            **commitment(1, what="Talk through the case DOB 03/14/1987 together"),
            confirm_no_identifiers="on",
        ),
    )
    assert response.status_code == 302
    assert Note.objects.get().answer == answer
    assert Commitment.objects.count() == 1


def test_plain_answers_are_saved_without_a_check(client, cast):
    day = timezone.localdate().isoformat()
    response = log_as(
        client,
        cast.mentee,
        cast.pairing,
        session(answer_taking_away=f"Ask early. We meet again after {day}."),
    )
    assert response.status_code == 302
    assert Note.objects.count() == 1
