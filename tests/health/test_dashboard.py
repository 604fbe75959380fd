"""The director's health dashboard through the client: who may open it, what it
shows for last year's hand-built program (tests/health/conftest.py), its CSVs
and charts, the nudge, and what never reaches it."""

import csv
import io
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import reverse

from mentorship.meetings.models import Nudge
from tests.health.conftest import NOTE

pytestmark = pytest.mark.django_db

URL = reverse("health:dashboard")


def year_query(world) -> str:
    return f"?year={world['start'].isoformat()}"


def rows_of(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


# --- who may open it ------------------------------------------------------------


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("who", ["mentee", "mentor"])
def test_mentees_and_mentors_get_no_page(client, world, sam, chen, who):
    client.force_login({"mentee": sam.user, "mentor": chen.user}[who])
    assert client.get(URL).status_code == HTTPStatus.NOT_FOUND
    assert client.get(reverse("health:csv", args=["coverage"])).status_code == 404
    assert client.get(reverse("health:chart", args=["coverage"])).status_code == 404
    assert client.post(reverse("health:nudge")).status_code == 404


def test_staff_without_two_step_is_sent_to_set_it_up(client, director):
    client.force_login(director)
    response = client.get(URL)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_director_sees_their_programs_figures(client, world, director):
    client.force_login(director)
    response = client.get(URL + year_query(world))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Program health" in page
    assert "2 of 4 residents have an active mentor" in page
    assert "Noor Haddad" in page  # without a mentor
    assert "Sam Whitfield" in page and "Ana Ruiz" in page
    assert "Rae Other" not in page and "Dr Kim Stone" not in page


def test_director_of_another_program_sees_none_of_this_one(client, world, other_director):
    client.force_login(other_director)
    page = client.get(URL + year_query(world)).content.decode()
    assert "1 of 1 residents have an active mentor" in page
    assert "Sam Whitfield" not in page and "Noor Haddad" not in page
    rows = rows_of(client.get(reverse("health:csv", args=["pairs"]) + year_query(world)))
    assert [r[0] for r in rows[1:]] == ["Rae Other"]


def test_a_director_of_no_program_is_told_so(client, world):
    from tests.factories import make_director

    client.force_login(make_director("nobody@example.com", name="Dr No Program"))
    response = client.get(URL)
    assert "No program of yours yet" in response.content.decode()
    assert client.get(reverse("health:csv", args=["coverage"])).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "?year=1999-07-01",
        "?year=nonsense",
        "?level=chief",
        "?kind=robot",
        "?pairs=lost&sort=shoe",
        "?page=-3",
        "?year=2026-02-30&level=%00",
    ],
)
def test_bad_filters_show_the_page_with_a_message(client, world, director, query):
    client.force_login(director)
    response = client.get(URL + query)
    assert response.status_code == HTTPStatus.OK
    if "page=" not in query:
        assert "one of this page" in response.content.decode()
    assert client.get(reverse("health:csv", args=["pairs"]) + query).status_code == 200
    assert client.get(reverse("health:chart", args=["coverage"]) + query).status_code == 200


def test_unknown_figures_and_charts_are_404(client, world, director):
    client.force_login(director)
    assert client.get(reverse("health:csv", args=["notes"])).status_code == 404
    assert client.get(reverse("health:chart", args=["notes"])).status_code == 404


# --- CSVs and charts ----------------------------------------------------------------


def test_every_figure_downloads_as_csv(client, world, director):
    client.force_login(director)
    q = year_query(world)
    get = lambda name: rows_of(client.get(reverse("health:csv", args=[name]) + q))  # noqa: E731
    assert get("coverage") == [
        ["Level", "Residents", "With a mentor", "Share"],
        ["CA-1", "2", "2", "100%"],
        ["CA-2", "2", "0", "0%"],
        ["Every level", "4", "2", "50%"],
    ]
    assert get("funnel")[1:] == [
        ["Invited", "3", "100%"],
        ["Joined", "2", "67%"],
        ["Matched with a mentor", "1", "33%"],
        ["Met their mentor", "1", "33%"],
    ]
    assert get("commitments")[1:] == [["Due by now", "3"], ["Done", "2"], ["Not done yet", "1"]]
    assert ["Within a week", "1"] in get("days-to-match")
    assert ["Within a week", "2"] in get("first-meeting")
    # Alex's pairing ended before the year did; Noor never had one.
    assert get("residents")[1:] == [
        ["Alex Park", "CA-2", "Stanford Anesthesiology"],
        ["Noor Haddad", "CA-2", "Stanford Anesthesiology"],
    ]
    for name in ("meetings", "status", "pulse", "pulse-answers", "response"):
        assert len(get(name)) > 1, name


def test_the_pairs_list_downloads_with_its_columns(client, world, director):
    client.force_login(director)
    rows = rows_of(client.get(reverse("health:csv", args=["pairs"]) + year_query(world)))
    assert rows[0][:3] == ["Mentee", "Mentor", "Level"]
    by_mentee = {r[0]: r for r in rows[1:]}
    assert set(by_mentee) == {"Sam Whitfield", "Ana Ruiz", "Alex Park"}
    sam = by_mentee["Sam Whitfield"]
    assert sam[1] == "Dr Dana Chen" and sam[2] == "CA-1" and sam[8] == "4"
    assert by_mentee["Alex Park"][6] == "Ended"


def test_charts_are_svg_images_with_their_own_style_policy(client, world, director):
    client.force_login(director)
    for name in ("coverage", "status", "meetings", "pulse", "first-meeting", "funnel"):
        response = client.get(reverse("health:chart", args=[name]) + year_query(world))
        assert response["Content-Type"].startswith("image/svg+xml")
        assert b"<svg" in response.content
        assert "'unsafe-inline'" in response["Content-Security-Policy"]
    page = client.get(URL + year_query(world))
    assert "unsafe-inline" not in page["Content-Security-Policy"]


# --- the nudge ----------------------------------------------------------------------


def test_nudge_mails_both_people_of_the_chosen_active_pairs(
    client, world, director, django_capture_on_commit_callbacks
):
    client.force_login(director)
    chosen = [world["sam_chen"].pk, world["alex_park"].pk, world["other"].pk, "x"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("health:nudge"), {"pairing": chosen, "back": "year=1\r\nX: y"}
        )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(URL + "?year=1")
    # Only Sam and Dr Chen: Alex's pairing ended, Rae's is another program's.
    assert sorted(m.to[0] for m in mail.outbox) == ["chen@example.com", "sam@example.com"]
    assert list(Nudge.objects.values_list("pairing", flat=True)) == [world["sam_chen"].pk]


def test_a_second_press_the_same_day_nudges_no_one_twice(
    client, world, director, django_capture_on_commit_callbacks
):
    client.force_login(director)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("health:nudge"), {"pairing": [world["sam_chen"].pk]})
    assert len(mail.outbox) == 2 and Nudge.objects.count() == 1


def test_nudge_of_nothing_says_so(client, world, director, django_capture_on_commit_callbacks):
    client.force_login(director)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("health:nudge"), {"pairing": [world["other"].pk]}, follow=True
        )
    assert "No nudge sent" in response.content.decode()
    assert not mail.outbox


# --- what never reaches it ------------------------------------------------------------


def test_no_note_reaches_the_page_or_its_csvs(client, world, director):
    client.force_login(director)
    q = year_query(world)
    assert NOTE not in client.get(URL + q).content.decode()
    for name in (
        "coverage",
        "days-to-match",
        "first-meeting",
        "meetings",
        "status",
        "commitments",
        "funnel",
        "pulse",
        "pulse-answers",
        "response",
        "pairs",
        "residents",
    ):
        assert NOTE not in client.get(reverse("health:csv", args=[name]) + q).content.decode()


# --- the pulse: totals only -------------------------------------------------------------


def pulses(world, numbers: list[int]) -> None:
    from mentorship.checkins.models import Answer, Checkin, Question
    from tests.health.conftest import at

    useful = Question.objects.get(kind="pulse", key="useful", program__isnull=True)
    pairing = world["sam_chen"]
    for n, number in enumerate(numbers):
        opened_on = world["start"] + timedelta(days=100 + n)
        checkin = Checkin.objects.create(
            program=pairing.program,
            person=pairing.mentee.user,
            pairing=pairing,
            side="mentee",
            kind="pulse",
            period=f"pulse-{n}",
            level="ca1",
            mentor_kind="faculty",
            opened_on=opened_on,
            closes_on=opened_on + timedelta(days=14),
            status="answered",
            answered_at=at(opened_on),
        )
        Answer.objects.create(checkin=checkin, question=useful, number=number, audience="total")


def test_the_pulse_shows_as_a_mean_of_enough_answers(client, world, director):
    pulses(world, [4, 4, 5, 3, 4])
    client.force_login(director)
    page = client.get(URL + year_query(world)).content.decode()
    assert "<strong>4.0</strong> mean pulse" in page
    rows = rows_of(client.get(reverse("health:csv", args=["pulse-answers"]) + year_query(world)))
    assert rows[1:] == [
        ["1 (Strongly disagree)", "0"],
        ["2 (Disagree)", "0"],
        ["3 (Neither)", "1"],
        ["4 (Agree)", "3"],
        ["5 (Strongly agree)", "1"],
    ]
    # The pair's row has the day of its last pulse, never its answers.
    pairs = rows_of(client.get(reverse("health:csv", args=["pairs"]) + year_query(world)))
    sam = next(r for r in pairs if r[0] == "Sam Whitfield")
    assert sam[11] == str(world["start"] + timedelta(days=104))


def test_too_few_answers_show_why_and_no_number(client, world, director):
    pulses(world, [2, 5])
    client.force_login(director)
    page = client.get(URL + year_query(world)).content.decode()
    assert "Mean pulse (1 to 5): no total yet." in page
    assert "Only 2 people have answered so far" in page
    rows = rows_of(client.get(reverse("health:csv", args=["pulse"]) + year_query(world)))
    assert all(row[3] == "" for row in rows[1:])  # no mean anywhere
    answers = rows_of(client.get(reverse("health:csv", args=["pulse-answers"]) + year_query(world)))
    assert answers[1][0] == "No total" and "Only 2 people" in answers[1][1]


def test_filters_by_level_and_mentor_type(client, world, director):
    client.force_login(director)
    q = year_query(world)
    page = client.get(URL + q + "&level=ca2").content.decode()
    assert "0 of 2 residents have an active mentor" in page
    assert "Sam Whitfield" not in page and "Alex Park" in page
    page = client.get(URL + q + "&kind=near_peer").content.decode()
    assert "0 of 4 residents have an active mentor" in page
    rows = rows_of(client.get(reverse("health:csv", args=["pairs"]) + q + "&kind=near_peer"))
    assert rows[1:] == []


def test_the_pairs_list_filters_by_standing_and_sorts(client, world, director):
    client.force_login(director)
    q = year_query(world)
    rows = rows_of(client.get(reverse("health:csv", args=["pairs"]) + q + "&sort=mentee"))
    assert [r[0] for r in rows[1:]] == ["Alex Park", "Ana Ruiz", "Sam Whitfield"]
    rows = rows_of(client.get(reverse("health:csv", args=["pairs"]) + q + "&sort=overdue"))
    assert rows[1][0] == "Sam Whitfield" and rows[1][13] == "1"
    # Both active pairs last met long ago: each needs a check-in today.
    rows = rows_of(client.get(reverse("health:csv", args=["pairs"]) + q + "&pairs=check_in"))
    assert sorted(r[0] for r in rows[1:]) == ["Ana Ruiz", "Sam Whitfield"]
    page = client.get(URL + q + "&pairs=on_track").content.decode()
    assert "No pair is “on track” for these choices." in page
