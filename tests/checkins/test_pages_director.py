"""The directors' check-in pages: who may open them, the tasks and their notes, every
period with its counts, and a period's totals, names of who hasn't answered (never
what anyone answered), the answers meant for the director by name, and a reminder."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.html import escape

from mentorship.checkins.models import FollowUp, Kind
from mentorship.meetings.models import Meeting, Note
from tests.checkins.factories import answered, make_checkin, make_follow_up
from tests.factories import add_totp, make_mentee, make_mentee_profile

pytestmark = pytest.mark.django_db

BETTER = "More teaching on night shifts, please."
NOTE = "Sam is worried about the ICU month and sleeping badly."
DONE_NOTE = "Met Sam and Dana for coffee; all well."


@pytest.fixture
def midyear(program, sam, ana, noor, alex):
    """Mid-year, sent five days ago to four mentees: Sam and Ana answered, Noor and
    Alex haven't yet."""
    rows = {
        profile.user.name: make_checkin(
            profile.user, program=program, kind=Kind.MIDYEAR, period="midyear-2026", days_ago=5
        )
        for profile in (sam, ana, noor, alex)
    }
    answered(rows["Sam Whitfield"], useful=4, progress=2, better=BETTER, outside=1)
    answered(rows["Ana Ruiz"], useful=5, progress=3)
    return rows


@pytest.fixture
def task(pairing):
    return make_follow_up(pairing)


@pytest.fixture
def note(pairing):
    meeting = Meeting.objects.create(
        pairing=pairing,
        starts_at=timezone.now(),
        minutes=30,
        format="video",
        status=Meeting.Status.HELD,
        logged_by=pairing.mentor.user,
    )
    return Note.objects.create(
        meeting=meeting, author=pairing.mentor.user, prompt="curious_or_carrying", answer=NOTE
    )


def signed_in(client, user):
    add_totp(user)
    client.force_login(user)
    return client


def pages(midyear, task) -> list[tuple[str, str]]:
    one = midyear["Noor Haddad"].pk
    return [
        ("get", reverse("checkins:index")),
        ("get", reverse("checkins:follow_ups")),
        ("post", reverse("checkins:follow_up_done", args=[task.pk])),
        ("get", reverse("checkins:period", args=[one])),
        ("post", reverse("checkins:remind", args=[one])),
    ]


LISTS = {reverse("checkins:index"), reverse("checkins:follow_ups")}


def test_the_walk_covers_every_directors_page(midyear, task):
    from mentorship.checkins.urls import urlpatterns

    wanted = {p.name for p in urlpatterns if str(p.pattern).startswith("director/")}
    assert {resolve(url).url_name for _, url in pages(midyear, task)} == wanted


def test_anonymous_visitors_are_sent_to_log_in(client, midyear, task):
    for method, url in pages(midyear, task):
        response = getattr(client, method)(url)
        assert response.status_code == HTTPStatus.FOUND, url
        assert response["Location"].startswith(reverse("account_login")), url


@pytest.mark.parametrize("who", ["mentee", "mentor", "other director"])
def test_mentees_mentors_and_other_programs_directors_find_nothing(
    client, midyear, task, sam, chen, other_director, who
):
    user = {"mentee": sam.user, "mentor": chen.user, "other director": other_director}[who]
    signed_in(client, user)

    for method, url in pages(midyear, task):
        response = getattr(client, method)(url)
        if url in LISTS and who == "other director":
            assert response.status_code == HTTPStatus.OK
            text = response.content.decode()
            assert "Sam Whitfield" not in text and "midyear-2026" not in text
            continue
        assert response.status_code == HTTPStatus.NOT_FOUND, (who, method, url)
    task.refresh_from_db()
    assert task.done_at is None


def test_a_director_without_two_step_verification_turns_it_on_first(
    client, midyear, task, director
):
    client.force_login(director)

    for method, url in pages(midyear, task):
        response = getattr(client, method)(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_a_superuser_reads_every_program(client, midyear, superuser):
    signed_in(client, superuser)

    assert "midyear-2026" in client.get(reverse("checkins:index")).content.decode()


# --- the periods ------------------------------------------------------------------


def test_the_index_counts_each_period(client, midyear, director):
    signed_in(client, director)

    text = client.get(reverse("checkins:index")).content.decode()

    link = reverse("checkins:period", args=[min(c.pk for c in midyear.values())])
    assert f'<a href="{link}">Mid-year check-in</a>' in text
    assert "<td>4</td>\n          <td>2</td>\n          <td>2</td>\n          <td>0</td>" in text
    assert "<td>50 %</td>" in text


def test_the_period_names_who_has_not_answered_and_nothing_anyone_answered(
    client, midyear, director, note
):
    signed_in(client, director)

    text = client.get(reverse("checkins:period", args=[midyear["Alex Park"].pk])).content.decode()

    waiting = text[text.index('id="waiting-heading"') :]
    assert "Noor Haddad" in waiting and "Alex Park" in waiting
    assert "Sam Whitfield" not in waiting and "Ana Ruiz" not in waiting
    assert "Send a reminder to 2 people" in waiting
    # Totals of two answers show nothing, and say why.
    assert "Only 2 people have answered so far" in text
    assert "Strongly agree" not in text and "average" not in text
    # The answer meant for the director by name is there with the name; the wellness
    # question, even as a total, is not the director's.
    said = text[text.index('id="said-heading"') : text.index('id="waiting-heading"')]
    assert "Sam Whitfield" in said and escape(BETTER) in said
    assert "Ana Ruiz" not in said
    assert "support from someone outside my pairing" not in text
    assert NOTE not in text and "ICU month" not in text


def test_totals_show_once_four_people_of_most_asked_have_answered(
    client, midyear, director, program
):
    for name in ("Noor Haddad", "Alex Park"):
        answered(midyear[name], useful=4, progress=5)
    signed_in(client, director)

    text = client.get(reverse("checkins:period", args=[midyear["Sam Whitfield"].pk])).content
    text = text.decode()

    assert "4 of 4 answered (100 %) · average 4.3 of 5" in text
    assert '<tr><th scope="row">Agree</th><td>3</td></tr>' in text
    assert "Nobody: everyone asked has answered" in text
    assert "Shown only as a total of 4 or more answers" in text


def test_a_filtered_or_small_period_never_shows_a_number_without_a_why(
    client, program, director, sam
):
    lone = make_checkin(sam.user, program=program, kind=Kind.END_OF_YEAR, period="end_of_year-2026")
    answered(lone, useful=1, recommend=1)
    signed_in(client, director)

    text = client.get(reverse("checkins:period", args=[lone.pk])).content.decode()

    assert text.count("Not shown.") == text.count('class="card checkin-total"') > 0
    assert "Strongly disagree" not in text


def test_a_crafted_period_id_is_a_404(client, director):
    signed_in(client, director)

    for page in ("x", "-1", "999"):
        response = client.get(reverse("checkins:index"), {"page": page})
        assert response.status_code == HTTPStatus.OK

    assert client.get("/director/checkins/999999/").status_code == HTTPStatus.NOT_FOUND
    assert client.post("/director/checkins/999999/remind/").status_code == HTTPStatus.NOT_FOUND


# --- the tasks ---------------------------------------------------------------------


def test_a_task_names_the_pairing_links_its_admin_page_and_says_why(client, task, director, note):
    signed_in(client, director)

    text = client.get(reverse("checkins:follow_ups")).content.decode()

    url = reverse("admin:pairings_pairing_change", args=[task.pairing_id])
    assert f'<a href="{url}">Dr Dana Chen and Sam Whitfield</a>' in text
    assert "A recent pulse check-in" in text
    assert task.detail in text
    assert "Mark as done" in text
    assert NOTE not in text


def test_marking_a_task_done_keeps_the_note_and_lists_it_below(client, task, director):
    signed_in(client, director)

    response = client.post(
        reverse("checkins:follow_up_done", args=[task.pk]), {f"task-{task.pk}-done_note": DONE_NOTE}
    )

    assert response.status_code == HTTPStatus.FOUND
    task.refresh_from_db()
    assert task.done_by == director and task.done_note == DONE_NOTE
    text = client.get(response["Location"]).content.decode()
    assert "Marked done: checking in with Dr Dana Chen and Sam Whitfield" in text
    done = text[text.index('id="done-heading"') :]
    assert escape(DONE_NOTE) in done and "Dr Maya Okafor" in done
    assert "Nothing waiting" in text


def test_a_note_too_long_comes_back_as_typed(client, task, director):
    signed_in(client, director)
    long = "Talked it through. " * 20

    response = client.post(
        reverse("checkins:follow_up_done", args=[task.pk]), {f"task-{task.pk}-done_note": long}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    text = response.content.decode()
    assert "Please keep this under 300 characters" in text
    assert long.strip() in text
    task.refresh_from_db()
    assert task.done_at is None


# --- constant queries ---------------------------------------------------------------


def _many(program, n: int, pairing) -> None:
    people = [
        make_mentee_profile(
            make_mentee(f"r{n}-{i}@example.com", name=f"Resident {n}-{i}"), program=program
        )
        for i in range(n)
    ]
    for i, profile in enumerate(people):
        checkin = make_checkin(
            profile.user, program=program, kind=Kind.MIDYEAR, period=f"midyear-{n}", days_ago=5
        )
        if i % 2:
            answered(checkin, useful=4, progress=4, better=f"Better {i}")
        make_follow_up(pairing, reason=FollowUp.Reason.LOW_PULSE, detail=f"Task {n}-{i}")
        make_checkin(
            profile.user,
            program=program,
            kind=Kind.MIDYEAR,
            period=f"m-{n}-{i}",
            days_ago=i + 20,
            status="closed",
        )


# Every page: the session and its user (2), two-step verification (1), whether the
# viewer directs, for the menu (1).
GATE = 4
QUERIES = {
    # The periods counted (1) and a page of them with their counts (1), the open
    # tasks counted (1).
    "index": GATE + 3,
    # The open tasks (1) and the last done (1), each with its pairing's people.
    "follow_ups": GATE + 2,
    # The check-in (1), the period's counts (1), its totals (3: questions, answers,
    # people asked) and their questions' promises (1), who hasn't answered (1), the
    # answers meant for the director by name (1).
    "period": GATE + 8,
}


@pytest.mark.parametrize("name", list(QUERIES))
def test_the_pages_cost_the_same_for_4_or_24_people(
    client, program, pairing, director, name, django_assert_num_queries
):
    signed_in(client, director)
    counts = []
    for n in (4, 24):
        _many(program, n, pairing)
        first = min(c.pk for c in program.checkins.filter(period=f"midyear-{n}"))
        url = reverse(f"checkins:{name}", args=[first] if name == "period" else [])
        client.get(url)
        with django_assert_num_queries(QUERIES[name]) as captured:
            assert client.get(url).status_code == HTTPStatus.OK
        counts.append(len(captured))

    assert counts[0] == counts[1], counts


def test_a_surveys_totals_count_the_whole_years_survey_never_one_day(
    client, midyear, director, program
):
    """Someone who joined later was asked the mid-year on a later day: the page of
    either day shows the same total, of the year's survey, so no day's few answers
    can be worked out from the difference."""
    for name in ("Noor Haddad", "Alex Park"):
        answered(midyear[name], useful=4, progress=5)
    late = make_mentee_profile(make_mentee("late@example.com", name="Lee Late"), program=program)
    later = make_checkin(
        late.user, program=program, kind=Kind.MIDYEAR, period="midyear-2026", days_ago=4
    )
    # Another day of the same month as the others (a month's answers add up together).
    first = midyear["Sam Whitfield"].opened_on
    other_day = (
        first + timedelta(days=1)
        if (first + timedelta(days=1)).month == first.month
        else first - timedelta(days=1)
    )
    later.opened_on, later.closes_on = other_day, other_day + timedelta(days=14)
    later.save(update_fields=["opened_on", "closes_on"])
    answered(later, useful=1, progress=1)
    signed_in(client, director)
    for one in (midyear["Sam Whitfield"], later):
        text = client.get(reverse("checkins:period", args=[one.pk])).content.decode()
        assert "5 of 5 answered (100 %) · average 3.6 of 5" in text


def test_a_pulse_day_shows_no_totals_and_points_to_the_years(client, program, director, pairing):
    pulse = make_checkin(pairing.mentee.user, program=program, pairing=pairing, days_ago=2)
    answered(pulse, useful=1, met=0)
    signed_in(client, director)
    text = client.get(reverse("checkins:period", args=[pulse.pk])).content.decode()
    assert "one day's answers are too few to add up" in text
    assert reverse("health:dashboard") in text and reverse("health:report") in text
    assert "Strongly disagree" not in text and "average" not in text
