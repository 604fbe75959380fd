"""The directors' admin for meetings: that meetings happen (when, how long, how),
never what was said. Notes and commitments have no admin at all, and their words
appear on no admin page or export."""

import csv
import io
from datetime import datetime, time, timedelta
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.meetings.models import Commitment, Meeting, Note
from mentorship.meetings.services import CommitmentInput, NoteInput, commitment_add, meeting_log
from mentorship.pairings.models import Pairing
from tests.factories import (
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
)

pytestmark = pytest.mark.django_db

PAIRINGS = reverse("admin:pairings_pairing_changelist")
MEETINGS = reverse("admin:meetings_meeting_changelist")
# The words people wrote, which no admin page may show.
PRIVATE_MENTOR = "Quietly worried she is burning out on nights"
SHARED_MENTOR = "We mapped three people to ask about the cardiac fellowship"
PRIVATE_MENTEE = "I cried in the call room after the trauma case"
SHARED_MENTEE = "I will ask for help before the pager gets loud"
PROMISE = "Find a mentor in the simulation center by Friday"
SECRETS = [PRIVATE_MENTOR, SHARED_MENTOR, PRIVATE_MENTEE, SHARED_MENTEE, PROMISE]
# Pinned: the meeting changelist costs this many queries for 5 meetings or 100,
# within the hour the session was last seen (no write): the session, the user,
# the MFA check and the permissions; then the program filter's choices, the
# count of the rows filtered (never of the whole table) and the page of rows (one
# query, the names in it as subqueries). The pairing changelist keeps its own pin
# (tests/pairings/test_admin_queries.py): its meeting figures are annotations.
MEETING_CHANGELIST_QUERIES = 9


def days_ago(days: int, hour: int = 12) -> datetime:
    day = timezone.localdate() - timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def person(program, role: str, email: str, name: str):
    if role == "mentor":
        return make_mentor_profile(make_mentor(email, name=name), programs=[program], capacity=4)
    return make_mentee_profile(make_mentee(email, name=name), program=program)


def pair(program, mentor: str, mentee: str, status="active", started=100, **fields):
    m = mentor.split()[-1].lower()
    e = mentee.split()[0].lower()
    return make_pairing(
        person(program, "mentor", f"{m}@example.com", mentor),
        person(program, "mentee", f"{e}@example.com", mentee),
        status,
        started_on=None if started is None else timezone.localdate() - timedelta(days=started),
        **fields,
    )


def held(pairing, days: int, minutes: int = 30, **fields) -> Meeting:
    return Meeting.objects.create(
        pairing=pairing, starts_at=days_ago(days), minutes=minutes, status="held", **fields
    )


@pytest.fixture
def world():
    """Program A, directed by Maya: pairings quiet for 35, 70 and 95 days, one that
    met three days ago, one ended and one proposed. Program B, directed by Ines: one
    pairing quiet for 100 days."""
    maya = make_director("maya@example.com", name="Dr Maya Okafor")
    ines = make_director("ines@example.com", name="Dr Ines Moreau")
    a = make_program("Stanford Anesthesiology Residency", directors=[maya])
    b = make_program("Pediatric Anesthesia Fellowship", directors=[ines])
    pairings = {
        "dana_sam": pair(a, "Dr Dana Chen", "Sam Whitfield", started=100),
        "priya_noor": pair(a, "Dr Priya Raman", "Noor Haddad", started=70),
        "ari_jo": pair(a, "Dr Ari Levin", "Jo Park", status="paused", started=200),
        "mira_kai": pair(a, "Dr Mira Shah", "Kai Brown", started=50),
        "luis_ana": pair(
            a,
            "Dr Luis Herrera",
            "Ana Lopez",
            status="ended",
            started=300,
            ended_on=timezone.localdate() - timedelta(days=20),
        ),
        "omar_lee": pair(a, "Dr Omar Aziz", "Lee Wong", status="proposed", started=None),
        "theirs": pair(b, "Dr Rosa Diaz", "Alex Kim", started=100),
    }
    p = pairings
    held(p["dana_sam"], 80)
    held(p["dana_sam"], 35, minutes=45, format="walk")
    Meeting.objects.create(
        pairing=p["dana_sam"],
        starts_at=days_ago(-5),
        minutes=30,
        status="planned",
        place="https://meet.example.org/secret-room",
    )
    held(p["ari_jo"], 95)
    held(p["mira_kai"], 3)
    held(p["luis_ana"], 100)
    return {"maya": maya, "ines": ines, "a": a, "b": b, **pairings}


@pytest.fixture
def words(world):
    """Dana and Sam's notes, private and shared, and a commitment, through the services."""
    pairing = world["dana_sam"]
    mentor, mentee = pairing.mentor.user, pairing.mentee.user
    meeting = meeting_log(
        pairing=pairing,
        by=mentor,
        starts_at=days_ago(34),
        minutes=30,
        format="video",
        notes=[
            NoteInput("curious_or_carrying", PRIVATE_MENTOR),
            NoteInput("learned_about_them", SHARED_MENTOR, shared=True),
        ],
        commitments=[CommitmentInput("mentee", PROMISE)],
    )
    meeting_log(
        pairing=pairing,
        by=mentee,
        starts_at=days_ago(34, hour=13),
        minutes=30,
        format="video",
        notes=[
            NoteInput("taking_away", PRIVATE_MENTEE),
            NoteInput("try_before_next", SHARED_MENTEE, shared=True),
        ],
    )
    commitment_add(pairing=pairing, by=mentee, item=CommitmentInput("mentor", PROMISE))
    assert Note.objects.count() == 4 and Commitment.objects.count() == 2
    return meeting


def shown(response) -> set[int]:
    return {row.pk for row in response.context["cl"].result_list}


def export(client, pairings) -> list[list[str]]:
    response = client.post(
        PAIRINGS, {"action": "export_csv", ACTION_CHECKBOX_NAME: [p.pk for p in pairings]}
    )
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


# --- confidentiality ------------------------------------------------------------


@pytest.mark.parametrize("viewer", ["maya", "superuser"])
def test_no_admin_page_or_export_shows_a_word_of_the_notes_or_commitments(
    viewer, client, world, words, superuser_with_mfa
):
    client.force_login(superuser_with_mfa if viewer == "superuser" else world[viewer])
    pairing = world["dana_sam"]
    meeting_ids = list(Meeting.objects.filter(pairing=pairing).values_list("pk", flat=True))
    pages = [
        client.get(reverse("admin:index")),
        client.get(PAIRINGS),
        client.get(PAIRINGS, {"q": "pager"}),
        client.get(PAIRINGS, {"quiet": "30"}),
        client.get(reverse("admin:pairings_pairing_change", args=[pairing.pk])),
        client.get(reverse("admin:pairings_pairing_history", args=[pairing.pk])),
        client.get(MEETINGS),
        client.get(MEETINGS, {"q": "Sam"}),
        client.get(reverse("admin:meetings_meeting_history", args=[words.pk])),
        *(client.get(reverse("admin:meetings_meeting_change", args=[pk])) for pk in meeting_ids),
    ]
    exported = client.post(PAIRINGS, {"action": "export_csv", ACTION_CHECKBOX_NAME: [pairing.pk]})
    csv_body = b"".join(exported.streaming_content).decode()

    for page in pages:
        assert page.status_code == HTTPStatus.OK, page
        html = page.content.decode()
        for secret in SECRETS:
            assert secret not in html
        # Nor where they meet: a video link is a way into the room.
        assert "secret-room" not in html
    for secret in SECRETS:
        assert secret not in csv_body
    assert "Dr Dana Chen" in csv_body  # the export did run, for this pairing
    index = pages[0].content.decode()
    assert "/admin/meetings/meeting/" in index
    assert "/admin/meetings/note/" not in index
    assert "/admin/meetings/commitment/" not in index


@pytest.mark.parametrize("model", ["note", "commitment", "nudge"])
def test_notes_and_commitments_have_no_admin_at_all(model, client, world):
    with pytest.raises(NoReverseMatch):
        reverse(f"admin:meetings_{model}_changelist")
    client.force_login(world["maya"])

    response = client.get(f"/admin/meetings/{model}/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_meetings_are_view_only_without_a_link_to_the_peoples_page(client, world):
    meeting = Meeting.objects.get(pairing=world["dana_sam"], status="held", minutes=30)
    client.force_login(world["maya"])
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    page = client.get(url)
    posted = client.post(url, {"minutes": "5"})

    html = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert 'name="_save"' not in html
    assert "View on site" not in html
    assert "Dr Dana Chen and Sam Whitfield" in html
    assert posted.status_code == HTTPStatus.FORBIDDEN
    assert client.get(reverse("admin:meetings_meeting_add")).status_code == HTTPStatus.FORBIDDEN
    assert (
        client.get(reverse("admin:meetings_meeting_delete", args=[meeting.pk])).status_code
        == HTTPStatus.FORBIDDEN
    )
    meeting.refresh_from_db()
    assert meeting.minutes == 30


# --- scoping ------------------------------------------------------------------------


def test_each_director_sees_only_the_meetings_of_their_programs(client, world, superuser_with_mfa):
    ours = set(Meeting.objects.filter(pairing__program=world["a"]).values_list("pk", flat=True))
    theirs = held(world["theirs"], 100)

    client.force_login(world["maya"])
    response = client.get(MEETINGS)
    assert shown(response) == ours
    assert "Dr Rosa Diaz" not in response.content.decode()
    other_page = client.get(reverse("admin:meetings_meeting_change", args=[theirs.pk]), follow=True)
    assert "Alex Kim" not in other_page.content.decode()
    assert other_page.redirect_chain[-1][0] == reverse("admin:index")

    client.force_login(world["ines"])
    assert shown(client.get(MEETINGS)) == {theirs.pk}

    client.force_login(superuser_with_mfa)
    assert shown(client.get(MEETINGS)) == ours | {theirs.pk}


def test_the_meeting_list_filters_by_status_format_and_program_and_finds_names(client, world):
    client.force_login(world["maya"])
    dana_sam = world["dana_sam"]

    response = client.get(MEETINGS)
    filters = {spec.title: spec for spec in response.context["cl"].filter_specs}
    assert [name for _, name in filters["program"].lookup_choices] == [
        "Stanford Anesthesiology Residency"
    ]
    planned = client.get(MEETINGS, {"status__exact": "planned"})
    assert [m.pairing_id for m in planned.context["cl"].result_list] == [dana_sam.pk]
    walks = client.get(MEETINGS, {"format__exact": "walk"})
    assert [m.minutes for m in walks.context["cl"].result_list] == [45]
    found = client.get(MEETINGS, {"q": "Whitfield"})
    assert {m.pairing_id for m in found.context["cl"].result_list} == {dana_sam.pk}
    assert len(shown(client.get(MEETINGS, {"program": str(world["a"].pk)}))) == 6
    assert len(shown(client.get(MEETINGS, {"q": "Dr Rosa Diaz"}))) == 0


def test_the_meeting_list_names_the_two_people_and_who_logged_it(client, world, words):
    client.force_login(world["maya"])

    response = client.get(MEETINGS, {"q": "Whitfield"})

    html = response.content.decode()
    logged = [m for m in response.context["cl"].result_list if m.pk == words.pk]
    assert [(m.mentor_name, m.mentee_name, m.logged_by_name) for m in logged] == [
        ("Dr Dana Chen", "Sam Whitfield", "Dr Dana Chen")
    ]
    assert '<td class="field-logged_by_name">Dr Dana Chen</td>' in html
    assert '<td class="field-mentee_name">Sam Whitfield</td>' in html


# --- the pairing changelist's figures ---------------------------------------------------


def test_the_quiet_filter_finds_running_pairings_without_a_held_meeting(client, world):
    client.force_login(world["maya"])
    p = world

    assert shown(client.get(PAIRINGS, {"quiet": "30"})) == {
        p["dana_sam"].pk,
        p["priya_noor"].pk,
        p["ari_jo"].pk,
    }
    assert shown(client.get(PAIRINGS, {"quiet": "60"})) == {p["priya_noor"].pk, p["ari_jo"].pk}
    assert shown(client.get(PAIRINGS, {"quiet": "90"})) == {p["ari_jo"].pk}
    assert len(shown(client.get(PAIRINGS, {"quiet": "7"}))) == 6  # not a choice: ignored
    spec = next(
        s for s in client.get(PAIRINGS).context["cl"].filter_specs if s.title == "quiet for"
    )
    assert [label for _, label in spec.lookup_choices] == [
        "More than 30 days",
        "More than 60 days",
        "More than 90 days",
    ]


def test_the_changelist_shows_the_last_meeting_the_meetings_held_and_days_since(client, world):
    client.force_login(world["maya"])

    response = client.get(PAIRINGS)

    rows = {row.pk: row for row in response.context["cl"].result_list}
    p, today = world, timezone.localdate()
    admin = response.context["cl"].model_admin
    figures = {
        name: (
            rows[p[name].pk].last_meeting_on,
            rows[p[name].pk].meetings_held,
            admin.days_since_met(rows[p[name].pk]),
        )
        for name in ("dana_sam", "priya_noor", "ari_jo", "mira_kai", "luis_ana", "omar_lee")
    }
    assert figures == {
        # The planned meeting counts for nothing until it is held.
        "dana_sam": (today - timedelta(days=35), 2, 35),
        "priya_noor": (None, 0, 70),  # never met: counted from the start
        "ari_jo": (today - timedelta(days=95), 1, 95),
        "mira_kai": (today - timedelta(days=3), 1, 3),
        "luis_ana": (today - timedelta(days=100), 1, None),  # ended: not quiet, just over
        "omar_lee": (None, 0, None),
    }
    html = response.content.decode()
    for column in ("last meeting", "meetings held", "days since they met"):
        assert f">{column.capitalize()}</a>" in html or f">{column.capitalize()}<" in html
    assert '<td class="field-days_since_met">95</td>' in html
    assert '<td class="field-meetings_held">2</td>' in html


def test_the_changelist_sorts_by_days_since_they_met(client, world):
    client.force_login(world["maya"])
    response = client.get(PAIRINGS)
    column = response.context["cl"].list_display.index("days_since_met")

    longest_first = client.get(PAIRINGS, {"o": f"-{column}"}).context["cl"].result_list
    started = [row.pk for row in longest_first if row.status in ("active", "paused")]

    p = world
    assert started == [p["ari_jo"].pk, p["priya_noor"].pk, p["dana_sam"].pk, p["mira_kai"].pk]


def test_the_csv_export_has_the_meeting_figures(client, world):
    client.force_login(world["maya"])
    p, today = world, timezone.localdate()

    rows = export(client, [p["dana_sam"], p["priya_noor"], p["luis_ana"], p["theirs"]])

    assert rows[0][-3:] == ["last meeting", "meetings held", "days since they met"]
    figures = {row[1]: row[-3:] for row in rows[1:]}
    assert figures == {
        "Dr Dana Chen": [(today - timedelta(days=35)).isoformat(), "2", "35"],
        "Dr Priya Raman": ["", "0", "70"],
        "Dr Luis Herrera": [(today - timedelta(days=100)).isoformat(), "1", ""],
    }


# --- constant queries ---------------------------------------------------------------


def add_meetings(pairings: list[Pairing], count: int) -> None:
    Meeting.objects.bulk_create(
        Meeting(
            pairing=pairings[n % len(pairings)],
            starts_at=days_ago(1 + n % 300),
            minutes=30 + n % 60,
            format=Meeting.Format.values[n % 4],
            status="held" if n % 5 else "planned",
        )
        for n in range(count)
    )


@pytest.mark.parametrize("url", [MEETINGS, PAIRINGS, f"{PAIRINGS}?quiet=30"])
def test_the_changelists_cost_the_same_for_5_and_100_meetings(client, world, url):
    Meeting.objects.all().delete()
    running = [world[name] for name in ("dana_sam", "priya_noor", "ari_jo", "mira_kai")]
    client.force_login(world["maya"])
    client.get(url)  # the first request of a session records it; measure the next ones
    add_meetings(running, 5)

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == HTTPStatus.OK

    add_meetings(running, 95)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
    if url == MEETINGS:
        assert len(few) == MEETING_CHANGELIST_QUERIES
        assert response.context["cl"].result_count == 100
        assert len(response.context["cl"].result_list) == ROWS_PER_PAGE
    elif url == PAIRINGS:
        assert sum(row.meetings_held for row in response.context["cl"].result_list) == 80
