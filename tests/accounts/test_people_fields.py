"""Whose a row is never changes once it exists: not in the admin, not anywhere.

A director who could change a mentee profile's `user` to themselves would read
that pairing's shared notes as the mentee. Every admin change form a director can
open is walked here: none lets a field pointing at a person be changed, and a
director who saves every form they can reach with themselves in those fields
still reads no note.
"""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.models import User
from mentorship.fixed import FixedFieldChanged
from mentorship.invitations.services import invitation_create
from mentorship.meetings import services as meetings
from mentorship.meetings.models import Commitment, Meeting, Note
from mentorship.meetings.services import CommitmentInput, NoteInput
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.pairings.models import ConflictNotice, MentorshipRequest, Pairing
from mentorship.rollover.models import Rollover
from mentorship.support.models import SupportSetup
from mentorship.years.models import Appointment, YearAction, YearReview
from mentorship.years.services import appointment_set
from mentorship.years.terms import RoleTerm
from tests.checkins.factories import make_checkin, make_follow_up
from tests.factories import add_totp, make_mentee, make_pairing, make_role_term
from tests.html_forms import forms_in
from tests.pairings.service_support import ask

pytestmark = pytest.mark.django_db

PEOPLE = (User, MentorProfile, MenteeProfile)
PRIVATE = "She is carrying more than she says about the night shifts."
SHARED = "We talked about asking for help before the pager gets loud."
MENTEE_SHARED = "Asking early is a kindness to the whole team."


ROLES_GIVEN = {(SupportSetup, "contact")}


def person_fields(model) -> list:
    """The model's own fields that point at a person: a user or a profile."""
    return [
        f
        for f in model._meta.get_fields()
        if f.is_relation
        and f.concrete
        and f.related_model in PEOPLE
        # A program's wellness contact is a job the director gives, not whose row
        # it is; the form refuses a director (tests/support).
        and (model, f.name) not in ROLES_GIVEN
    ]


@pytest.fixture
def world(program, director, sam, chen, levin, noor):
    """Dana mentors Sam and both wrote notes, private and shared; Ari mentors Noor,
    who has asked Dana too."""
    add_totp(director)
    pairing = make_pairing(chen, sam)
    last_week = timezone.now() - timedelta(days=7)
    meeting = meetings.meeting_log(
        pairing=pairing,
        by=chen.user,
        starts_at=last_week,
        minutes=30,
        format=Meeting.Format.IN_PERSON,
        notes=[
            NoteInput("learned_about_them", PRIVATE),
            NoteInput("curious_or_carrying", SHARED, shared=True),
        ],
        commitments=[CommitmentInput("mentee", "Read the airway chapter")],
    )
    meetings._save_notes(
        meeting, sam.user, "mentee", [NoteInput("taking_away", MENTEE_SHARED, shared=True)]
    )
    ask(noor, chen)
    appointment = appointment_set(user=sam.user, program=program, level=sam.training_level)
    invitation_create(
        program=program,
        email="priya@example.com",
        name="Priya Nair",
        level="intern",
        starts_on=timezone.localdate() + timedelta(days=200),
        by=director,
    )
    # Dana joins the CCC during her pairing with Sam: a term, and a notice for it.
    term = make_role_term(chen.user, program, "ccc_member", starts_on=timezone.localdate())
    ConflictNotice.objects.create(pairing=pairing, term=term)
    Rollover.objects.create(program=program, to_year=appointment.year)
    # Ari is the wellness contact; the setup's form names no one's rows.
    SupportSetup.objects.create(program=program, contact=levin.user)
    # Sam's pulse, and the task it raised for the director.
    make_follow_up(pairing, checkin=make_checkin(sam.user, program=program, pairing=pairing))
    # The director's section of the year's report, with one action.
    review = YearReview.objects.create(year=appointment.year, themes="More walks.")
    YearAction.objects.create(review=review, what="Pair every intern by October")
    return {
        "pairing": pairing,
        "meeting": meeting,
        "director": director,
        "their pairing": make_pairing(levin, noor),
        "noor": noor,
        "sam": sam,
        "ari": levin,
    }


def admin_rows(director):
    """(model, admin, an object of the director's programs) for every admin model
    the director may open; a model with no row in the cast is a failure."""
    request = RequestFactory().get("/admin/")
    request.user = director
    rows = []
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_permission(request):
            continue
        obj = model_admin.get_queryset(request).order_by("pk").first()
        assert obj is not None, f"the cast has no {model.__name__} for the director"
        rows.append((model, model_admin, obj))
    return rows


def change_url(model, obj) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_the_walk_covers_the_profiles_pairings_and_meetings(world):
    models = {model for model, _, _ in admin_rows(world["director"])}

    assert {MentorProfile, MenteeProfile, Pairing, MentorshipRequest, Meeting, User} <= models


def test_no_admin_change_form_lets_a_director_change_who_a_row_belongs_to(client, world):
    director = world["director"]
    client.force_login(director)
    for model, model_admin, obj in admin_rows(director):
        url = change_url(model, obj)
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        forms = [f for f in forms_in(response.content.decode()) if f.method == "post"]
        editable = set().union(*(f.names() for f in forms)) if forms else set()
        for field in person_fields(model):
            assert field.name not in editable, f"{model.__name__}.{field.name} is editable"
        for inline in model_admin.get_inline_instances(response.wsgi_request, obj):
            parent_fk = inline.get_formset(response.wsgi_request, obj).fk.name
            for field in person_fields(inline.model):
                if field.name == parent_fk:
                    continue  # the row's parent, fixed by the formset
                names = {n for n in editable if n.endswith(f"-{field.name}")}
                assert not names, f"{inline.model.__name__}.{field.name} is editable"

        # Posting the form back with the director in every person field changes nothing.
        before = {
            f.name: getattr(obj, f.attname) for f in person_fields(model) if not f.many_to_many
        }
        takeover = {f.name: director.pk for f in person_fields(model)}
        for form in forms:
            if "_save" in {name for name, _ in form.buttons}:
                client.post(url, form.data(**takeover, _save="Save"))
        obj.refresh_from_db()
        after = {
            f.name: getattr(obj, f.attname) for f in person_fields(model) if not f.many_to_many
        }
        assert after == before, model.__name__


def test_a_director_who_saves_every_form_they_can_reach_still_reads_no_note(client, world):
    director = world["director"]
    client.force_login(director)
    saved = 0
    for model, _, obj in admin_rows(director):
        url = change_url(model, obj)
        takeover = {f.name: director.pk for f in person_fields(model)}
        for form in forms_in(client.get(url).content.decode()):
            if form.method == "post" and "_save" in {name for name, _ in form.buttons}:
                response = client.post(url, form.data(**takeover, _save="Save"))
                assert response.status_code == HTTPStatus.FOUND, (url, response.content[:2000])
                saved += 1
    assert saved >= 3  # the program and both profiles at least

    pairing, meeting = world["pairing"], world["meeting"]
    pages = [
        "/",
        pairing.get_absolute_url(),
        meeting.get_absolute_url(),
        reverse("meetings:export") + "?format=md",
        reverse("meetings:export") + "?format=json",
        *[note.get_absolute_url() for note in Note.objects.all()],
        *[reverse("meetings:note_edit", args=[note.pk]) for note in Note.objects.all()],
        *[change_url(model, obj) for model, _, obj in admin_rows(director)],
        reverse("admin:meetings_meeting_changelist"),
        reverse("admin:pairings_pairing_changelist"),
    ]
    for url in pages:
        text = client.get(url).content.decode()
        for words in (PRIVATE, SHARED, MENTEE_SHARED):
            assert words not in text, url
    assert not Note.objects.readable_by(director).exists()
    assert MenteeProfile.objects.get(pk=pairing.mentee_id).user.email == "sam@example.com"


OWNERS = {
    # row: (how to find it, the field, whom to give it to)
    "mentee profile": (lambda w: w["pairing"].mentee, "user", "director"),
    "mentor profile": (lambda w: w["pairing"].mentor, "user", "director"),
    "note": (
        lambda w: Note.objects.filter(author=w["pairing"].mentor.user).first(),
        "author",
        "director",
    ),
    "commitment": (lambda w: Commitment.objects.first(), "owner", "mentor"),
    "meeting": (lambda w: w["meeting"], "pairing", "their pairing"),
    "pairing": (lambda w: w["pairing"], "mentee", "noor"),
    "request": (lambda w: MentorshipRequest.objects.first(), "mentee", "sam"),
    "membership": (lambda w: w["pairing"].mentor.memberships.first(), "mentor", "ari"),
    "appointment": (lambda w: Appointment.objects.get(user=w["sam"].user), "user", "director"),
    "role term": (lambda w: RoleTerm.objects.first(), "user", "director"),
}


@pytest.mark.parametrize("row", OWNERS)
def test_saving_a_row_with_another_owner_is_refused_anywhere(world, row):
    find, field, new_owner = OWNERS[row]
    found = find(world)
    obj = type(found).objects.get(pk=found.pk)
    setattr(obj, field, world.get(new_owner, new_owner))

    with pytest.raises(FixedFieldChanged):
        obj.save()


def test_a_new_row_saved_twice_keeps_its_owner_too(world, program):
    profile = MenteeProfile.objects.create(
        user=make_mentee("ana@example.com", name="Ana Kowalski"), program=program, start_year=2026
    )
    profile.user = world["director"]

    with pytest.raises(FixedFieldChanged):
        profile.save()


def test_notes_have_no_admin_at_all():
    with pytest.raises(NoReverseMatch):
        reverse("admin:meetings_note_changelist")  # notes have no admin at all
