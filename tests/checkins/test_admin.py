"""Check-ins in the admin: a program's own questions beside the built-in ones (read
only), at most six a check-in, no words added up into a total; the tasks, marked
done; who was asked, never what they answered; every changelist for the same
number of queries however many rows."""

from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape

from mentorship.checkins.models import Checkin, Kind, Question
from tests.checkins.factories import answered, make_checkin, make_follow_up, make_question, question
from tests.factories import (
    add_totp,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
)

pytestmark = pytest.mark.django_db

HELP = "Time to talk about fellowship applications."


@pytest.fixture
def admin_client(client, director):
    add_totp(director)
    client.force_login(director)
    return client


def question_form(program, **fields) -> dict:
    data = {
        "program": program.pk if program else "",
        "kind": Kind.PULSE,
        "text": "I know who to call when a case goes badly.",
        "hint": "",
        "format": "scale",
        "audience": "total",
        "asks": "mentee",
        "required": "",
        "order": "10",
        "active": "on",
        "key": "who_to_call",
    }
    return {**data, **fields}


# --- questions -------------------------------------------------------------------


def test_a_director_sees_the_built_in_questions_and_their_programs_own_only(
    admin_client, program, other_program
):
    make_question(program, text="Our own question?")
    make_question(other_program, text="Their own question?")

    text = admin_client.get(reverse("admin:checkins_question_changelist")).content.decode()

    assert escape(question(Kind.PULSE, "useful").text) in text
    assert "Our own question?" in text
    assert "Their own question?" not in text
    assert "Every program (built in)" in text


def test_a_built_in_question_is_read_only(admin_client):
    built_in = question(Kind.PULSE, "useful")
    url = reverse("admin:checkins_question_change", args=[built_in.pk])

    text = admin_client.get(url).content.decode()
    assert 'name="_save"' not in text
    response = admin_client.post(url, question_form(None, text="Changed"))

    assert response.status_code == HTTPStatus.FORBIDDEN
    built_in.refresh_from_db()
    assert built_in.text == "This mentorship is useful to me."


def test_a_director_adds_a_question_to_their_program(admin_client, program):
    response = admin_client.post(reverse("admin:checkins_question_add"), question_form(program))

    assert response.status_code == HTTPStatus.FOUND
    assert Question.objects.get(key="who_to_call").program == program


def test_a_director_cannot_add_a_question_to_another_program_or_every_program(
    admin_client, other_program
):
    for program in (other_program.pk, ""):
        data = {**question_form(other_program), "program": program}
        response = admin_client.post(reverse("admin:checkins_question_add"), data)
        assert response.status_code == HTTPStatus.OK
    assert not Question.objects.filter(key="who_to_call").exists()


def test_a_seventh_question_for_the_same_side_is_refused_in_a_sentence(admin_client, program):
    # The pulse asks mentees four built-in questions: room for two more.
    make_question(program, key="own1", order=1)
    make_question(program, key="own2", order=2)

    response = admin_client.post(reverse("admin:checkins_question_add"), question_form(program))

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert (
        "The pulse already asks mentees 6 questions (4 built in, 2 of Stanford "
        "Anesthesiology&#x27;s own): 6 is the most a check-in asks"
    ) in text
    # Asked of mentors, whom the pulse asks nothing, it fits.
    response = admin_client.post(
        reverse("admin:checkins_question_add"), question_form(program, asks="mentor")
    )
    assert response.status_code == HTTPStatus.FOUND


def test_an_inactive_question_does_not_count_towards_the_six(admin_client, program):
    make_question(program, key="own1", order=1)
    make_question(program, key="own2", order=2, active=False)

    response = admin_client.post(reverse("admin:checkins_question_add"), question_form(program))

    assert response.status_code == HTTPStatus.FOUND


def test_answers_in_words_cannot_be_a_total(admin_client, program):
    response = admin_client.post(
        reverse("admin:checkins_question_add"), question_form(program, format="text")
    )

    assert response.status_code == HTTPStatus.OK
    assert "Answers in words can&#x27;t be added up into a total" in response.content.decode()


@pytest.mark.parametrize(
    "audience, format",
    [("partner", "text"), ("partner", "scale"), ("wellness", "text"), ("wellness", "scale")],
)
def test_a_programs_question_goes_to_someone_who_reads_it(admin_client, program, audience, format):
    """Nothing would deliver a program's own question to the partner, or its words to
    the wellness contact: the admin says so rather than promise it."""
    response = admin_client.post(
        reverse("admin:checkins_question_add"),
        question_form(program, format=format, audience=audience),
    )
    assert response.status_code == HTTPStatus.OK
    assert "only a yes or no question can go to the wellness contact" in response.content.decode()
    assert not Question.objects.filter(program=program).exists()


def test_a_programs_yes_or_no_may_go_to_the_wellness_contact(admin_client, program):
    response = admin_client.post(
        reverse("admin:checkins_question_add"),
        question_form(program, format="yes_no", audience="wellness"),
    )
    assert response.status_code == HTTPStatus.FOUND


def test_a_question_with_answers_cannot_be_deleted_or_change_its_promise(
    admin_client, program, sam
):
    own = make_question(program, key="own1")
    checkin = make_checkin(sam.user, program=program)
    checkin.answers.create(question=own, number=2, audience=own.audience)

    url = reverse("admin:checkins_question_delete", args=[own.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    text = admin_client.get(reverse("admin:checkins_question_change", args=[own.pk])).content
    assert b'name="audience"' not in text
    assert Question.objects.filter(pk=own.pk).exists()


def test_another_programs_question_and_task_are_not_found(admin_client, other_program):
    theirs = make_question(other_program, text="Their own question?")
    mentee = make_mentee_profile(
        make_mentee("zoe@example.com", name="Zoe Lind"), program=other_program
    )
    mentor = make_mentor_profile(
        make_mentor("lee@example.com", name="Dr Lee Wu"), programs=[other_program]
    )
    task = make_follow_up(make_pairing(mentor, mentee))

    for url in (
        reverse("admin:checkins_question_change", args=[theirs.pk]),
        reverse("admin:checkins_followup_change", args=[task.pk]),
    ):
        response = admin_client.get(url)
        assert response.status_code == HTTPStatus.FOUND  # the admin's "doesn't exist"
        assert response["Location"] == reverse("admin:index")
    response = admin_client.post(
        reverse("admin:checkins_question_change", args=[theirs.pk]), {"text": "Changed"}
    )
    theirs.refresh_from_db()
    assert theirs.text == "Their own question?"


# --- tasks ----------------------------------------------------------------------


def test_the_tasks_are_listed_filtered_and_marked_done(
    admin_client, pairing, director, other_program
):
    mine = make_follow_up(pairing, detail="Please have a word with them.")
    other = make_mentee_profile(
        make_mentee("zoe@example.com", name="Zoe Lind"), program=other_program
    )
    theirs = make_follow_up(
        make_pairing(
            make_mentor_profile(
                make_mentor("lee@example.com", name="Dr Lee Wu"), programs=[other_program]
            ),
            other,
        ),
        detail="Their task.",
    )
    url = reverse("admin:checkins_followup_changelist")

    text = admin_client.get(url, {"done": "no"}).content.decode()
    assert "Please have a word with them." in text and "Their task." not in text

    response = admin_client.post(
        url, {"action": "mark_done", ACTION_CHECKBOX_NAME: [mine.pk, theirs.pk]}
    )
    assert response.status_code == HTTPStatus.FOUND
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.done_by == director
    assert theirs.done_at is None


def test_saving_a_task_with_a_note_marks_it_done(admin_client, pairing, director):
    task = make_follow_up(pairing)
    url = reverse("admin:checkins_followup_change", args=[task.pk])

    response = admin_client.post(url, {"done_note": "Called Sam; all well."})

    assert response.status_code == HTTPStatus.FOUND
    task.refresh_from_db()
    assert (task.done_by, task.done_note) == (director, "Called Sam; all well.")


# --- who was asked ------------------------------------------------------------------


def test_the_check_ins_list_who_was_asked_and_never_what_they_answered(admin_client, program, sam):
    checkin = answered(make_checkin(sam.user, program=program), useful=1, help=HELP)

    text = admin_client.get(reverse("admin:checkins_checkin_changelist")).content.decode()
    assert "Sam Whitfield" in text and "pulse-90" in text
    detail = admin_client.get(reverse("admin:checkins_checkin_change", args=[checkin.pk]))

    for page in (text, detail.content.decode()):
        assert HELP not in page
        assert "Strongly disagree" not in page
    assert 'name="_save"' not in detail.content.decode()
    with pytest.raises(NoReverseMatch):
        reverse("admin:checkins_answer_changelist")


def test_check_ins_cannot_be_deleted_in_the_admin(admin_client, program, sam):
    checkin = make_checkin(sam.user, program=program)

    url = reverse("admin:checkins_checkin_delete", args=[checkin.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    assert Checkin.objects.filter(pk=checkin.pk).exists()


# --- constant queries -----------------------------------------------------------------


def _rows(program, pairing, start: int, stop: int) -> None:
    for i in range(start, stop):
        user = make_mentee(f"r{i}@example.com", name=f"Resident {i}")
        make_checkin(user, program=program, period=f"p{i}")
        make_follow_up(pairing, detail=f"Task {i}")
        make_question(program, kind=Kind.MIDYEAR, key=f"q{i}", active=False)


# Pinned: the same for 10 and for 100 rows. The session and the user, the MFA check
# and the permissions; the programs the filter offers, the count of the rows
# filtered (never of the whole table) and the page of rows with their joins.
CHANGELIST_QUERIES = 9


@pytest.mark.parametrize("model", ["question", "followup", "checkin"])
def test_the_changelists_cost_the_same_for_10_or_100_rows(
    admin_client, program, pairing, model, django_assert_num_queries
):
    url = reverse(f"admin:checkins_{model}_changelist")
    counts = []
    for start, stop in ((0, 10), (10, 100)):
        _rows(program, pairing, start, stop)
        admin_client.get(url)
        with django_assert_num_queries(CHANGELIST_QUERIES) as captured:
            assert admin_client.get(url).status_code == HTTPStatus.OK
        counts.append(len(captured))

    assert counts[0] == counts[1], counts
