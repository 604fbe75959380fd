"""The annual report: what the committee reads, on paper, with nothing protected."""

from datetime import timedelta

import pytest
from django.urls import reverse

from mentorship.checkins.models import Answer, Checkin, Question
from mentorship.years.models import YearAction, YearReview
from tests.factories import make_mentee, make_mentee_profile, make_mentor, make_mentor_profile

from .conftest import NOTE

pytestmark = pytest.mark.django_db

URL = reverse("health:report")
CSV = reverse("health:report_csv")


def get(client, user, url=URL, **params):
    client.force_login(user)
    return client.get(url, params)


def test_anonymous_and_residents_and_mentors_get_no_report(client, world, sam, chen):
    for url in (URL, CSV):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    for person in (sam.user, chen.user):
        assert get(client, person).status_code == 404


def test_staff_without_two_step_are_sent_to_set_it_up(client, program):
    from tests.factories import make_director

    director = make_director("new.director@example.com", with_mfa=False)
    program.directors.add(director)
    response = get(client, director)
    assert response.status_code == 302 and reverse("mfa_activate_totp") in response.url


def test_the_report_of_last_year_beside_the_one_before(client, world, director, program, start):
    review = YearReview.objects.create(
        year=world["sam_chen"].program.years.get(starts_on=start),
        themes="Residents asked for more near-peer mentors in their first winter.",
    )
    YearAction.objects.create(
        review=review, what="Pair every intern by October", state="done", note="All but one."
    )
    response = get(client, director, year=start.isoformat())
    assert response.status_code == 200
    page = response.content.decode()
    assert f"{program.name}: mentorship in" in page
    report = response.context["report"]
    by_label = {line.label: line for line in report.summary}
    assert by_label["Residents with a mentor"].this == "50% (2 of 4)"
    assert by_label["Median days to match"].this == "12 days"
    assert by_label["Pairs meeting at least quarterly"].this == "50%"
    assert by_label["Commitments kept"].this == "67% (2 of 3)"
    assert [(r["label"], r["mentored"], r["residents"]) for r in report.levels] == [
        ("CA-1", 2, 2),
        ("CA-2", 0, 2),
    ]
    assert "Residents asked for more near-peer mentors" in page
    assert "Pair every intern by October" in page and "All but one." in page
    assert "Edit this section" in page
    assert NOTE not in page
    # Another director's program is neither counted nor named.
    assert "Rae Other" not in page and world["other"].program.name not in page


def test_check_in_totals_show_only_from_four_answers(client, world, director, program, start):
    useful = Question.objects.get(program=None, kind="pulse", key="useful")
    pairing = world["sam_chen"]
    for n in range(3):
        checkin = Checkin.objects.create(
            program=program, person=pairing.mentee.user, pairing=pairing, side="mentee",
            kind="pulse", period=f"pulse-{n}", level="ca1", mentor_kind="faculty",
            opened_on=start + timedelta(days=30 + n), closes_on=start + timedelta(days=44 + n),
            status="answered",
        )  # fmt: skip
        Answer.objects.create(checkin=checkin, question=useful, number=1, audience="total")
    page = get(client, director, year=start.isoformat()).content.decode()
    assert "Only 3 people have answered so far" in page
    assert "mean 1.0" not in page
    csv = get(client, director, CSV, year=start.isoformat()).content.decode()
    assert "Not shown: Only 3 people" in csv and "mean 1.0" not in csv
    # A fourth answer, of the four asked: the total shows, on the page and in the CSV.
    checkin = Checkin.objects.create(
        program=program, person=pairing.mentee.user, pairing=pairing, side="mentee",
        kind="pulse", period="pulse-9", level="ca1", mentor_kind="faculty",
        opened_on=start + timedelta(days=60), closes_on=start + timedelta(days=74),
        status="answered",
    )  # fmt: skip
    Answer.objects.create(checkin=checkin, question=useful, number=5, audience="total")
    page = get(client, director, year=start.isoformat()).content.decode()
    assert "mean 2.0 of 5" in page
    csv = get(client, director, CSV, year=start.isoformat()).content.decode()
    assert "mean 2.0 of 5 (4 of 4 asked)" in csv


def test_the_csv_holds_the_reports_figures(client, world, director, program, start):
    response = get(client, director, CSV, year=start.isoformat())
    assert response["Content-Type"].startswith("text/csv")
    assert f"annual-report-{program.slug}-" in response["Content-Disposition"]
    text = response.content.decode()
    assert "Summary,Residents with a mentor,,50% (2 of 4)" in text
    assert "By level,With a mentor,CA-1,2" in text
    assert NOTE not in text


def test_a_year_or_program_that_cant_be_read_says_so(client, world, director, other_program):
    for params in ({"year": "not-a-day"}, {"year": "1999-07-01"}, {"program": other_program.slug}):
        response = get(client, director, **params)
        assert response.status_code == 200
        assert other_program.name not in response.content.decode()
        assert [m.level_tag for m in response.context["messages"]] == ["warning"]
    assert get(client, director, CSV, year="x").status_code == 200


def test_a_director_of_no_program_is_told_so(client):
    from tests.factories import make_director

    director = make_director("lonely@example.com")
    page = get(client, director).content.decode()
    assert "Once an administrator names you a director" in page


def grow(program, n, start):
    """n more mentors, each with a resident paired and met, in the year."""
    from tests.factories import make_appointment, make_pairing

    from .conftest import held

    for i in range(n):
        mentor = make_mentor_profile(make_mentor(f"m{i}@example.com"), programs=[program])
        mentee = make_mentee_profile(make_mentee(f"r{i}@example.com"), program=program)
        make_appointment(mentee.user, program=program, level="ca2", day=start)
        held(
            make_pairing(mentor, mentee, started_on=start + timedelta(days=3)),
            start + timedelta(days=9),
        )


def test_the_report_costs_the_same_queries_for_few_or_many(
    client, world, director, program, start, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(director)
    client.get(URL, {"year": start.isoformat()})  # the session and the caches, once
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL, {"year": start.isoformat()}).status_code == 200
    grow(program, 30, start)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(URL, {"year": start.isoformat()}).status_code == 200


def test_a_year_typed_with_other_dates_is_not_offered(client, world, director, program, start):
    """A "year" from the 2nd of the month beside the real one from the 1st would cut
    one day's answers apart: only whole years are offered, on the dashboard too."""
    from mentorship.years.models import AcademicYear

    odd = AcademicYear.objects.create(
        program=program,
        starts_on=start + timedelta(days=1),
        ends_on=AcademicYear.last_day_after(start + timedelta(days=1)),
    )
    for url in (URL, reverse("health:dashboard")):
        response = get(client, director, url, year=odd.starts_on.isoformat())
        assert response.status_code == 200
        assert odd.starts_on.isoformat() not in response.content.decode()
