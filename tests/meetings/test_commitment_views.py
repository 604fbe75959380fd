"""Commitments through the pages: added inline and settled when a session is
logged, kept or carried forward from the pairing page."""

import html
import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings.models import Commitment, Meeting, Side
from tests.meetings.test_log import commitment, log_as, log_url, open_commitments, session

pytestmark = pytest.mark.django_db

PROMISE = "Send Sam the airway simulation schedule"


@pytest.fixture
def promise(cast):
    """Dana's open commitment, two days overdue."""
    return Commitment.objects.create(
        pairing=cast.pairing,
        owner=Side.MENTOR,
        what=PROMISE,
        due_on=timezone.localdate() - timedelta(days=2),
    )


def done_url(commitment) -> str:
    return reverse("meetings:commitment_done", args=[commitment.pk])


def carry_url(commitment) -> str:
    return reverse("meetings:commitment_carry", args=[commitment.pk])


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def fresh(commitment) -> Commitment:
    return Commitment.objects.get(pk=commitment.pk)


# --- commitments, new and from last time ------------------------------------------


def test_new_commitments_are_added_with_their_owner_and_empty_rows_are_ignored(client, cast):
    due = timezone.localdate() + timedelta(days=14)
    log_as(
        client,
        cast.mentee,
        cast.pairing,
        session(
            **commitment(
                1, owner="mentee", what="Read the two airway papers", due_on=due.isoformat()
            ),
            **commitment(2, owner="mentor", what=PROMISE, due_on=""),
            **commitment(3, owner="mentee", what="   ", due_on=""),
        ),
    )
    rows = list(Commitment.objects.order_by("pk").values_list("owner", "what", "due_on"))
    assert rows == [
        (Side.MENTEE, "Read the two airway papers", due),
        (Side.MENTOR, PROMISE, None),
    ]
    assert set(Commitment.objects.values_list("created_by", flat=True)) == {cast.mentee.pk}


def test_the_commitment_owners_read_me_and_the_other_persons_name(client, cast):
    client.force_login(cast.mentor)
    page = text_of(client.get(log_url(cast.pairing)))
    assert '<option value="mentor" selected>Me</option>' in page
    assert '<option value="mentee">Sam</option>' in page


def test_a_commitment_with_a_bad_date_comes_back_with_a_message(client, cast):
    response = log_as(
        client,
        cast.mentor,
        cast.pairing,
        session(**commitment(1, what=PROMISE, due_on="next Tuesday")),
    )
    page = text_of(response)
    assert "That date doesn't look right." in page
    assert f'value="{PROMISE}"' in page
    assert 'value="next Tuesday"' in page
    assert not Meeting.objects.exists() and not Commitment.objects.exists()


def test_a_date_without_a_commitment_asks_what_will_be_done(client, cast):
    response = log_as(
        client, cast.mentor, cast.pairing, session(**commitment(2, due_on="2030-01-01"))
    )
    assert "Say what will be done, or clear the date." in text_of(response)
    assert not Meeting.objects.exists()


def test_each_rows_error_is_shown_on_its_own_row_with_every_row_kept(client, cast):
    response = log_as(
        client,
        cast.mentor,
        cast.pairing,
        session(
            **commitment(1, owner="mentee", what=PROMISE, due_on="2030-05-01"),
            **commitment(2, what="", due_on="2030-01-01"),
            **commitment(3, what="Read the airway paper", due_on="next Tuesday"),
        ),
    )
    page = text_of(response)
    row_1, row_2, row_3 = re.findall(r'<fieldset class="commitment-row">.*?</fieldset>', page, re.S)
    assert "field--invalid" not in row_1
    assert f'value="{PROMISE}"' in row_1 and 'value="2030-05-01"' in row_1
    assert '<option value="mentee" selected>Sam</option>' in row_1
    assert 'id="id_commitments-1-what_error"' in row_2
    assert "Say what will be done, or clear the date." in row_2 and 'value="2030-01-01"' in row_2
    assert 'id="id_commitments-2-due_on_error"' in row_3
    assert "That date doesn't look right." in row_3 and 'value="next Tuesday"' in row_3
    assert "Please look at the 2 fields marked below" in page
    assert not Meeting.objects.exists() and not Commitment.objects.exists()


def test_a_commitment_longer_than_its_limit_gets_the_kind_message(client, cast):
    long = "x" * 301
    response = log_as(client, cast.mentor, cast.pairing, session(**commitment(1, what=long)))
    page = text_of(response)
    assert "Please keep this under 300 characters; it has 301 now." in page
    assert f'value="{long}"' in page
    assert not Meeting.objects.exists()


def test_a_post_without_the_rows_counts_logs_the_session_with_no_commitment(client, cast):
    data = session()
    del data["commitments-TOTAL_FORMS"], data["commitments-INITIAL_FORMS"]

    response = log_as(client, cast.mentor, cast.pairing, data)

    assert response.status_code == HTTPStatus.FOUND
    assert Meeting.objects.count() == 1 and not Commitment.objects.exists()


@pytest.mark.parametrize("total", ["abc", "99999999999999999999", "4", "-1", "0"])
def test_crafted_row_counts_log_the_three_rows_and_ignore_the_rest(client, cast, total):
    data = session(**{"commitments-TOTAL_FORMS": total})
    for number in range(1, 6):
        data.update(commitment(number, what=f"Promise {number}"))

    response = log_as(client, cast.mentor, cast.pairing, data)

    assert response.status_code == HTTPStatus.FOUND
    assert Meeting.objects.count() == 1
    assert sorted(Commitment.objects.values_list("what", flat=True)) == [
        "Promise 1",
        "Promise 2",
        "Promise 3",
    ]


def test_the_form_opens_with_last_times_open_commitments_of_both_sides(client, cast):
    open_commitments(cast)
    client.force_login(cast.mentor)
    page = text_of(client.get(log_url(cast.pairing)))
    assert "Last time, you said you would…" in page
    assert "Sam: Ask the chief about the research month" in re.sub(r"<[^>]+>", "", page)
    assert f"You: {PROMISE}" in re.sub(r"<[^>]+>", "", page)
    assert "overdue" in page
    assert "Not theirs to see" not in page
    assert "Already done" not in page


def test_no_open_commitments_means_no_last_time_section(client, cast):
    client.force_login(cast.mentee)
    assert "Last time, you said you would" not in text_of(client.get(log_url(cast.pairing)))


def test_last_times_commitments_are_marked_done_or_carried_forward(client, cast):
    first, second = open_commitments(cast)
    later = timezone.localdate() + timedelta(days=10)
    log_as(
        client,
        cast.mentee,
        cast.pairing,
        session(**{f"open_{first.pk}": "done", f"open_{second.pk}": "carry"})
        | {f"open_{second.pk}_to": later.isoformat()},
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_done
    assert not second.is_done and second.due_on == later


def test_leaving_last_times_commitments_as_they_are_changes_nothing(client, cast):
    first, second = open_commitments(cast)
    log_as(client, cast.mentee, cast.pairing, session(**{f"open_{first.pk}": "keep"}))
    first.refresh_from_db()
    assert not first.is_done and first.due_on == timezone.localdate() - timedelta(days=3)


def test_carrying_forward_without_a_date_asks_for_one(client, cast):
    first, _ = open_commitments(cast)
    response = log_as(client, cast.mentor, cast.pairing, session(**{f"open_{first.pk}": "carry"}))
    assert "Choose the new date to carry it to." in text_of(response)
    assert not Meeting.objects.exists()


# --- from the pairing page ----------------------------------------------------


@pytest.mark.parametrize("who", ["mentor", "mentee"])
def test_either_person_marks_a_commitment_done(client, cast, promise, who):
    client.force_login(getattr(cast, who))
    response = client.post(done_url(promise), follow=True)
    assert response.redirect_chain[-1][0] == cast.pairing.get_absolute_url()
    assert f"Done: “{PROMISE}”. That's a promise kept." in text_of(response)
    assert fresh(promise).is_done


def test_a_commitment_already_done_says_so(client, cast, promise):
    Commitment.objects.filter(pk=promise.pk).update(done_at=timezone.now())
    client.force_login(cast.mentee)
    response = client.post(done_url(promise), follow=True)
    assert "That one is already done." in text_of(response)


def test_carrying_forward_sets_the_new_date(client, cast, promise):
    later = timezone.localdate() + timedelta(days=9)
    client.force_login(cast.mentee)
    response = client.post(carry_url(promise), {"due_on": later.isoformat()}, follow=True)
    assert f"Carried forward to {later.day} {later:%B}: “{PROMISE}”." in text_of(response)
    commitment = fresh(promise)
    assert commitment.due_on == later and not commitment.is_done


@pytest.mark.parametrize(
    ("due_on", "message"),
    [
        ("", "Choose the date."),
        ("soon", "That date doesn't look right."),
        ("2001-01-01", "Choose a date from today on."),
    ],
)
def test_carrying_forward_without_a_good_date_changes_nothing(
    client, cast, promise, due_on, message
):
    client.force_login(cast.mentor)
    response = client.post(carry_url(promise), {"due_on": due_on}, follow=True)
    page = text_of(response)
    assert f"“{PROMISE}” stays as it was: {message}" in page
    assert fresh(promise).due_on == promise.due_on


def test_the_answer_goes_back_to_a_page_of_this_site(client, cast, promise):
    client.force_login(cast.mentor)
    response = client.post(done_url(promise), {"next": "/"})
    assert response.url == "/"


def test_a_next_address_elsewhere_is_ignored(client, cast, promise):
    client.force_login(cast.mentor)
    response = client.post(
        carry_url(promise),
        {"due_on": timezone.localdate().isoformat(), "next": "https://evil.example/"},
    )
    assert response.url == cast.pairing.get_absolute_url()


@pytest.mark.parametrize("url", [done_url, carry_url])
def test_a_get_does_nothing(client, cast, promise, url):
    client.force_login(cast.mentor)
    assert client.get(url(promise)).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert not fresh(promise).is_done


@pytest.mark.parametrize("url", [done_url, carry_url])
def test_anyone_logged_out_is_sent_to_log_in(client, cast, promise, url):
    response = client.post(url(promise), {"due_on": "2030-01-01"})
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))
    assert fresh(promise).due_on == promise.due_on


@pytest.mark.parametrize("who", ["other_mentor", "other_mentee", "director", "superuser"])
@pytest.mark.parametrize("url", [done_url, carry_url])
def test_nobody_else_can_touch_the_commitment(client, cast, promise, who, url):
    client.force_login(getattr(cast, who))
    response = client.post(url(promise), {"due_on": "2030-01-01"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    commitment = fresh(promise)
    assert not commitment.is_done and commitment.due_on == promise.due_on


def test_rows_typed_in_a_form_from_before_the_formset_are_kept(client, cast):
    """A log page opened before the rows became a formset posts c1_what, c1_owner,
    c1_due: what was typed there is saved, not dropped."""
    data = session()
    del data["commitments-TOTAL_FORMS"], data["commitments-INITIAL_FORMS"]
    due = timezone.localdate() + timedelta(days=14)
    data.update(c1_owner="mentee", c1_what="Read the airway chapter.", c1_due=due.isoformat())

    response = log_as(client, cast.mentor, cast.pairing, data)

    assert response.status_code == HTTPStatus.FOUND
    saved = Commitment.objects.get()
    assert (saved.owner, saved.what, saved.due_on) == ("mentee", "Read the airway chapter.", due)
