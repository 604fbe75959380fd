"""Crafted input never breaks a page or sends anyone off the site.

For a visitor, a mentee, a mentor and a director, every page they can reach (the
URLconf's pages and the links and redirects from them) is opened, every form on
it read from the HTML and sent back with crafted values: every hidden field at
once, every field at once, then each field in turn (tests/accounts/crafted_support.py).
No answer may be a server error, and no redirect may lead anywhere but a path of
this site. New pages and forms join the sweep by themselves; a page of the URLconf
that nobody reaches must be named in SKIPPED, with the reason.
"""

from datetime import timedelta

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib import admin
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.roles import DIRECTOR_PERMISSIONS
from mentorship.invitations.services import invitation_create  # noqa: E402
from mentorship.meetings import services as meetings
from mentorship.meetings.models import Meeting
from mentorship.meetings.services import CommitmentInput, NoteInput
from mentorship.pairings import services as pairings
from mentorship.pairings.models import Pairing
from mentorship.rounds import services as rounds
from mentorship.rounds.models import Choice, Round, Seat
from mentorship.support.models import SupportResource, SupportSetup
from mentorship.support.services import support_message_send
from mentorship.years.models import AcademicYear  # noqa: E402
from tests.accounts.crafted_support import crawl, sweep, url_names
from tests.checkins.factories import make_checkin, make_follow_up
from tests.factories import (
    PASSWORD,
    add_totp,
    make_director_round,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_round,
)
from tests.pairings.service_support import DREW_YOU, EXPLORE, HELP_NOW

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "mentee", "mentor", "director"]

# URL names the sweep does not reach, and why. Everything else in the URLconf
# (but the admin's, checked per model) must be opened or posted to by one of the four.
SKIPPED = {
    "account_confirm_login_code": "log-in by code is off",
    "account_confirm_reauthentication_code": "re-authentication by code is off",
    "account_request_reauthentication_code": "re-authentication by code is off",
    "account_set_password": "everyone here has a password (redirects to change)",
    "mfa_authenticate": "only during a log-in with two-step verification",
    "favicon": "a redirect to a static file",
    "support:sent": "the page after a message is sent, with its id (tests/support opens it)",
    # The rollover wizard shows its forms from April 1 only, and the answer pages
    # open from the e-mails that ask; tests/rollover/test_access.py crafts them all.
    "rollover:alumni": "opened from the e-mail asking a graduate",
    "rollover:capacity": "opened from the e-mail asking a mentor",
    "rollover:ask_alumni": "the wizard's forms show from April 1",
    "rollover:ask_capacity": "the wizard's forms show from April 1",
    "rollover:choose": "the wizard's forms show from April 1",
    "rollover:confirm": "the wizard's forms show from April 1",
    "rollover:undo": "the wizard's forms show once scheduled, from April 1",
    # The health dashboard draws its charts as images, not links; its nudge form
    # shows beside a list of pairs. tests/health crafts both.
    "health:chart": "an image on the health dashboard (tests/health/test_dashboard.py)",
    "health:nudge": "posted from the list of pairs (tests/health/test_dashboard.py)",
}
# Filled into empty fields so that forms can succeed and reach their redirects
# (the log-in form follows `next` only with the right password).
GOOD = {"login": "sam@example.com", "password": PASSWORD, "oldpassword": PASSWORD}


@pytest.fixture
def cast(program, director, sam, chen, levin, grey, active):
    """Sam (mentee) and Dana Chen (mentor) with a bit of everything to act on."""
    now = timezone.now()
    # Dana and Sam: two logged sessions with notes and commitments, one planned.
    meetings.meeting_log(
        pairing=active,
        by=chen.user,
        starts_at=now - timedelta(days=14),
        minutes=45,
        format=Meeting.Format.WALK,
        notes=[
            NoteInput("learned_about_them", "Sam asks good questions.", shared=True),
            NoteInput("curious_or_carrying", "More tired than he says.", shared=False),
        ],
        commitments=[CommitmentInput("mentor", "Send the simulation schedule")],
    )
    meetings.meeting_log(
        pairing=active,
        by=sam.user,
        starts_at=now - timedelta(days=2),
        minutes=30,
        format=Meeting.Format.VIDEO,
        notes=[NoteInput("taking_away", "Ask early.", shared=True)],
        commitments=[
            CommitmentInput("mentee", "Read the two airway papers", timezone.localdate()),
            CommitmentInput("mentor", "Introduce Sam to Dr Grey"),
        ],
    )
    meetings.meeting_plan(
        pairing=active,
        by=sam.user,
        starts_at=now + timedelta(days=7),
        minutes=30,
        format=Meeting.Format.IN_PERSON,
        place="The cafe",
    )
    # Sam: an ended pairing to reflect on, a request with a question to answer.
    make_pairing(levin, sam, Pairing.Status.ENDED, ended_on=timezone.localdate())
    asked = pairings.request_create(
        mentee=sam, mentor=grey, by=sam.user, drew_you=DREW_YOU, explore=EXPLORE, help_now=HELP_NOW
    )
    pairings.request_ask_more(request=asked, by=grey.user, question="What rotation are you on?")
    # Dana: a request to answer, a proposed pairing to confirm, a paused one.
    chen.capacity = 4
    chen.save()
    for email, name in [("ava@example.com", "Ava Moss"), ("noor@example.com", "Noor Haddad")]:
        mentee = make_mentee_profile(make_mentee(email, name=name), program=program)
        if email.startswith("ava"):
            pairings.request_create(
                mentee=mentee, mentor=chen, by=mentee.user, drew_you=DREW_YOU, explore=EXPLORE
            )
        else:
            pairings.pairing_propose(mentor=chen, mentee=mentee, by=director)
    jo = make_mentee_profile(make_mentee("jo@example.com", name="Jo Park"), program=program)
    make_pairing(chen, jo, Pairing.Status.PAUSED)
    # A mentor Sam hasn't asked yet.
    make_mentor_profile(make_mentor("patel@example.com", name="Dr Raj Patel"), programs=[program])
    # Dana is the program's wellness contact, with a message from Sam to read.
    support_setup = SupportSetup.objects.create(program=program, contact=chen.user)
    SupportResource.objects.create(setup=support_setup, title="EAP", url="https://eap.example/")
    support_message_send(program=program, by=sam.user, body="Could we talk this week?")
    # Match Day, taking lists: Sam lists Dana and Ari (with a note); Kit lists Dana,
    # who marked Kit (so her page has every form: places, order, mark and undo).
    kit = make_mentee_profile(make_mentee("kit@example.com", name="Kit Lane"), program=program)
    match_day = make_round(program, mentees=[sam, kit], mentors=[chen, levin, grey])
    rounds.choice_add(round=match_day, mentor=chen, by=sam.user, drew_you="Her calm.")
    rounds.choice_add(round=match_day, mentor=levin, by=sam.user)
    rounds.choice_add(round=match_day, mentor=chen, by=kit.user)
    rounds.exclusion_add(round=match_day, mentor=chen, mentee=kit, by=chen.user, reason="Family.")
    director_rounds(program, director, mentees=[sam, jo], mentors=[chen, levin, grey])
    # Check-ins: Sam's pulse waits on his home page, Dana's mid-year on hers (the
    # director's period page and its reminder), a task on the director's list.
    make_checkin(sam.user, program=program, pairing=active, days_ago=5)
    make_checkin(chen.user, program=program, kind="midyear", period="midyear-2026", side="mentor")
    make_follow_up(active)
    add_totp(director)
    RecoveryCodes.activate(director)
    # The pages an e-mail links to: a second address of Sam's to confirm, a reset.
    second = EmailAddress.objects.create(user=sam.user, email="sam.w@example.com", verified=False)
    reset = {
        "uidb36": user_pk_to_url_str(sam.user),
        "key": default_token_generator.make_token(sam.user),
    }
    # An incoming intern's invitation, whose link opens the join page.
    invited = invitation_create(
        program=program,
        email="priya@example.com",
        name="Priya Nair",
        level="intern",
        starts_on=AcademicYear.objects.for_day(program).ends_on + timedelta(days=1),
        by=director,
    )
    emailed = [
        reverse("account_confirm_email", args=[EmailConfirmationHMAC(second).key]),
        reverse("account_reset_password_from_key", kwargs=reset),
        invited.join_path(),
    ]
    return {
        "people": {"visitor": None, "mentee": sam.user, "mentor": chen.user, "director": director},
        "emailed": emailed,
    }


def director_rounds(program, director, *, mentees, mentors) -> None:
    """Three rounds, so that every button of the director's Match Day pages shows:
    a draft (open, archive), one collecting lists (close) and one run once, with a
    what-if, a pair left out and a short list not yet accepted."""
    make_director_round(program, name="Winter round", by=director)
    make_director_round(program, name="Spring round", state=Round.State.COLLECTING, by=director)
    solved = make_director_round(
        program,
        name="Summer round",
        mentees=mentees,
        mentors=mentors,
        state=Round.State.CLOSED,
        by=director,
    )
    first, second = mentees
    a, b, c = mentors
    Seat.objects.filter(round=solved).update(capacity=1, confirmed_at=timezone.now())
    Choice.objects.bulk_create(
        [
            Choice(round=solved, mentee=first, mentor=a, rank=1, drew_you="Her airway course."),
            Choice(round=solved, mentee=first, mentor=b, rank=2),
            Choice(round=solved, mentee=second, mentor=b, rank=1),
        ]
    )
    rounds.exclusion_add(round=solved, mentor=c, mentee=first, by=director, reason="Rotation.")
    rounds.problems_accept(round=solved, by=director, code="short_lists")
    rounds.run_solve(round=solved, by=director)
    rounds.run_solve(
        round=solved, by=director, what_if=True, changes={"capacities": {str(a.pk): 2}}
    )
    Round.objects.filter(pk=solved.pk).update(accepted_problems={})  # the check asks again


def signed_in(user) -> Client:
    """A browser of `user`, who signed in with their password a moment ago (pages
    that ask for the password again open at once)."""
    client = Client()
    if user is None:
        return client
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [
        {
            "method": "password",
            "at": timezone.now().timestamp(),
            "email": user.email,
            "reauthenticated": True,
        }
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


def starting_pages(cast, role: str) -> list[str]:
    """Every page of the URLconf that needs no id; for a visitor, the pages e-mails
    link to as well (opened signed in, they sign the person out)."""
    pages = list(cast["emailed"]) if role == "visitor" else []
    for name in sorted(url_names()):
        try:
            pages.append(reverse(name))
        except NoReverseMatch:
            continue
    return pages


# What a director sees in the admin: the list of each registered model they may
# view (a model shown only as an inline, such as memberships, has no list).
REGISTERED = {(m._meta.app_label, m._meta.model_name) for m in admin.site._registry}
DIRECTORS_LISTS = {
    f"admin:{app}_{codename.removeprefix('view_')}_changelist"
    for app, codename in (p.split(".") for p in DIRECTOR_PERMISSIONS)
    if codename.startswith("view_") and (app, codename.removeprefix("view_")) in REGISTERED
}


def test_every_page_is_reached_and_no_form_breaks_or_leads_off_the_site(cast):
    """One test, so the pages are crawled once: the crawl is most of the cost."""
    shapes, problems, forms, reached = {}, [], 0, set()
    for role in ROLES:
        client = signed_in(cast["people"][role])
        site = crawl(client, starting_pages(cast, role), shapes=shapes)
        problems += [f"{role}: {problem}" for problem in sweep(client, site, GOOD)]
        forms += len(site.forms)
        reached |= site.reached

    site_names = {name for name in url_names() if not name.startswith("admin:")}
    assert sorted(site_names - reached - set(SKIPPED)) == [], "not reached: link it or skip it"
    assert sorted(reached & set(SKIPPED)) == [], "reached after all: take them off SKIPPED"
    assert sorted(DIRECTORS_LISTS - reached) == []
    assert forms > 40, "fewer forms than the site has: is everyone signed in?"
    assert problems == [], "\n".join(problems)
