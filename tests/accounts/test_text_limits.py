"""Pasted text is never cut in silence: no field has a maxlength for the browser to
cut with; the limit travels as data-maxlength for the live count, and the
server's kind message says what to trim, with everything still in the field."""

import html
import re
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from mentorship.meetings.models import Meeting, Note
from mentorship.pairings import services
from tests.pairings.service_support import DREW_YOU

pytestmark = pytest.mark.django_db

PASTE = ("A very long paste. " * 1053).strip()  # 20,006 characters
KIND = "Everything you wrote is still here to trim."


def form_pages(active, levin, chen, sam):
    pending = services.request_create(mentee=sam, mentor=levin, by=sam.user, drew_you=DREW_YOU)
    note = Note.objects.create(
        meeting=Meeting.objects.create(
            pairing=active, starts_at=timezone.now(), minutes=30, logged_by=chen.user
        ),
        author=chen.user,
        prompt="learned_about_them",
        answer="A story she told.",
    )
    services.request_ask_more(request=pending, by=levin.user, question="Twice a month?")
    return [
        (chen.user, reverse("meetings:log", args=[active.pk])),
        (chen.user, reverse("meetings:plan", args=[active.pk])),
        (chen.user, reverse("meetings:note_edit", args=[note.pk])),
        (levin.user, reverse("pairings:request_answer", args=[pending.pk])),
        (sam.user, reverse("pairings:request_detail", args=[pending.pk])),  # the reply form
        (chen.user, reverse("pairings:end", args=[active.pk])),
        (chen.user, reverse("mentors:profile_edit")),
        (sam.user, reverse("mentees:profile_edit")),
        (chen.user, reverse("mentors:directory")),
    ]


def test_no_form_gives_the_browser_a_limit_to_cut_with(client, active, levin, chen, sam):
    for person, url in form_pages(active, levin, chen, sam):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert "maxlength=" not in page.replace("data-maxlength=", ""), url
        assert 'data-maxlength="' in page, url
    client.logout()
    page = client.get(reverse("account_signup")).content.decode()
    assert "maxlength=" not in page.replace("data-maxlength=", "")
    assert 'data-maxlength="150"' in page  # the name


def test_the_ask_form_has_the_live_count_too(client, sam, levin):
    client.force_login(sam.user)

    page = client.get(reverse("pairings:request_create", args=[levin.pk])).content.decode()

    assert re.search(r'<textarea name="drew_you"[^>]*data-maxlength="2000"', page)
    assert "js/limits.js" in page


def posted_back(response, name: str) -> str:
    """The text a field holds on the page that came back."""
    page = response.content.decode()
    match = re.search(rf'<textarea name="{name}"[^>]*>\n?(.*?)</textarea>', page, re.S)
    return html.unescape(match[1])


@pytest.mark.parametrize(
    ("who", "url_of", "data", "field"),
    [
        (
            "mentee",
            lambda c: reverse("pairings:request_create", args=[c["levin"].pk]),
            {"drew_you": PASTE},
            "drew_you",
        ),
        (
            "mentee",
            lambda c: reverse("pairings:request_create", args=[c["levin"].pk]),
            {"drew_you": DREW_YOU, "help_now": PASTE},
            "help_now",
        ),
        (
            "mentor",
            lambda c: reverse("meetings:log", args=[c["active"].pk]),
            {
                "date": "2026-01-05",
                "minutes": "30",
                "format": "walk",
                "answer_learned_about_them": PASTE,
            },
            "answer_learned_about_them",
        ),
        (
            "mentor",
            lambda c: reverse("pairings:end", args=[c["active"].pk]),
            {"learned": PASTE},
            "learned",
        ),
        (
            "mentee",
            lambda c: reverse("mentees:profile_edit"),
            {"curious_about": PASTE},
            "curious_about",
        ),
        ("mentor", lambda c: reverse("mentors:profile_edit"), {"how_i_help": PASTE}, "how_i_help"),
    ],
    ids=[
        "request, first answer",
        "request, help now",
        "log",
        "end",
        "mentee profile",
        "mentor profile",
    ],
)
def test_a_long_paste_comes_back_whole_with_a_kind_word(
    client, active, levin, chen, sam, program, who, url_of, data, field
):
    cast = {"active": active, "levin": levin}
    client.force_login(chen.user if who == "mentor" else sam.user)
    form = {"program": program.pk, "training_level": "ca1", "start_year": "2026"}
    if "profile" in url_of(cast):
        form.update({"programs": [program.pk], "title": "Professor", "capacity": "2"})

    response = client.post(url_of(cast), {**form, **data})

    assert response.status_code == HTTPStatus.OK
    text = html.unescape(response.content.decode())
    assert "Please keep this under" in text
    assert f"it has {len(PASTE)} now. {KIND}" in text
    assert posted_back(response, field) == PASTE


def test_every_text_field_a_person_fills_in_has_the_kind_message():
    from accounts.forms import SignupForm
    from mentorship.meetings.forms import LogForm, NoteForm, PlanForm
    from mentorship.mentees.forms import MenteeProfileForm
    from mentorship.mentors.forms import MentorProfileForm
    from mentorship.pairings.forms import (
        AcceptForm,
        AskMoreForm,
        DeclineForm,
        EndForm,
        QuestionAnswerForm,
        ReflectForm,
        RequestForm,
    )

    forms = [
        SignupForm(),
        LogForm(side="mentor", other_name="Sam", open_commitments=[], today=timezone.localdate()),
        NoteForm(question="?", other_name="Sam"),
        PlanForm(),
        MenteeProfileForm(),
        MentorProfileForm(),
        AcceptForm(),
        AskMoreForm(),
        DeclineForm(request=_request()),
        EndForm(),
        QuestionAnswerForm(),
        ReflectForm(),
        RequestForm(),
    ]
    for form in forms:
        for name, field in form.fields.items():
            if getattr(field, "max_length", None) and name not in ("draft_id",):
                message = str(field.error_messages.get("max_length", ""))
                assert "Everything you wrote is still here" in message, (type(form).__name__, name)


def _request():
    """An unsaved request, enough for the decline form's choices."""
    from types import SimpleNamespace

    return SimpleNamespace(program_id=0, mentor_id=0, mentee=SimpleNamespace(user_id=0))
