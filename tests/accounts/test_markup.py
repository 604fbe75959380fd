"""Nothing people type comes out as markup: not a name, not an answer, not a note.

Every person's name and every free-text field of the cast below is HTML. Every
page of the site each of them can open, every admin page a director can open and
every e-mail the program sends are rendered, and none holds the markup itself,
only its escaped text.
"""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory
from django.test.signals import template_rendered
from django.urls import get_resolver, reverse
from django.utils import timezone

from mentorship.checkins import services as checkins
from mentorship.emails import queue_email
from mentorship.invitations.services import invitation_create
from mentorship.meetings import services as meetings
from mentorship.meetings.models import Meeting, Note
from mentorship.meetings.services import CommitmentInput, NoteInput
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.mentors.services import mentor_approve, mentor_set_programs
from mentorship.pairings import services as pairings
from mentorship.pairings.models import Pairing
from mentorship.rollover import services as rollovers
from mentorship.rollover.models import CapacityConfirmation, Rollover
from mentorship.rounds import services as rounds
from mentorship.rounds.models import Round
from mentorship.support.models import SupportSetup
from mentorship.support.services import support_message_send
from mentorship.years.models import AcademicYear, Appointment, Level
from tests.checkins.factories import make_checkin, question
from tests.factories import (
    make_director,
    make_mentee,
    make_mentee_profile,
    make_mentor,
    make_mentor_profile,
    make_pairing,
    make_program,
    make_role_term,
    make_round,
)

pytestmark = pytest.mark.django_db

TAG = "<x-m>"  # what must never reach a page unescaped


def markup(label: str) -> str:
    return f'{label} {TAG}{label}</x-m><a href="/evil">link</a><script>alert(1)</script>'


def name(first: str, last: str) -> str:
    # The first word, used in greetings ("Hi Dana") and short names, is markup too.
    return f"{TAG}{first}</x-m> {last}"


def fill(obj, fields) -> None:
    for field in fields:
        setattr(obj, field, markup(field))
    obj.save()


def assert_no_markup(text: str, where: str) -> None:
    assert TAG not in text, f"markup in {where}"
    assert '<a href="/evil">' not in text, f"a live link in {where}"
    assert "<script>alert(1)</script>" not in text, f"a script in {where}"


@pytest.fixture
def cast(django_capture_on_commit_callbacks, mailoutbox):
    """Everyone and everything with markup in it, and every e-mail it sent (with
    the names of the templates rendered for them)."""
    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    director = make_director("okafor@example.com", name=name("Maya", "Okafor"))
    program = make_program(markup("Program"), slug="program", directors=[director])
    program.description = markup("description")
    program.save()
    people = {
        "dana": make_mentor("dana@example.com", name=name("Dana", "Chen")),
        "ari": make_mentor("ari@example.com", name=name("Ari", "Levin")),
        "ana": make_mentor("ana@example.com", name=name("Ana", "Grey")),
        "sam": make_mentee("sam@example.com", name=name("Sam", "Whitfield")),
        "noor": make_mentee("noor@example.com", name=name("Noor", "Haddad")),
        # Two incoming residents without a mentor, matched on Match Day.
        "lee": make_mentee("lee@example.com", name=name("Lee", "Kim")),
        "kit": make_mentee("kit@example.com", name=name("Kit", "Lane")),
    }
    mentor_text = ["title", "division", *MentorProfile.PROMPTS]
    mentee_text = MenteeProfile.PROMPTS
    dana, ari = (
        make_mentor_profile(people[p], programs=[program], capacity=4) for p in ("dana", "ari")
    )
    ana = make_mentor_profile(people["ana"], programs=[program], roles=["ccc_member"])
    sam, noor, lee, kit = (
        make_mentee_profile(people[p], program=program) for p in ("sam", "noor", "lee", "kit")
    )
    for profile in (dana, ari, ana):
        fill(profile, mentor_text)
    for profile in (sam, noor, lee, kit):
        fill(profile, mentee_text)
    answers = {field: markup(field) for field in ("drew_you", "explore", "help_now")}
    now = timezone.now()

    with django_capture_on_commit_callbacks(execute=True):
        # Ari joins a second program too, and its director approves him there.
        second = make_program(markup("Fellowship"), slug="fellowship", directors=[director])
        mentor_set_programs(profile=ari, programs=[program, second], by=ari.user)
        mentor_approve(profile=ari, by=director)
        # Sam asks Dana, who says yes; Sam asks Ari, who asks a question Sam answers.
        accepted = pairings.request_create(mentee=sam, mentor=dana, by=sam.user, **answers)
        pairing = pairings.request_accept(request=accepted, by=dana.user, reply=markup("reply"))
        asked = pairings.request_create(mentee=sam, mentor=ari, by=sam.user, **answers)
        pairings.request_ask_more(request=asked, by=ari.user, question=markup("question"))
        pairings.request_answer_question(request=asked, by=sam.user, answer=markup("answer"))
        # Noor asks Ari (declined, referred to Dana), Dana (withdrawn) and Ana (expired).
        declined = pairings.request_create(mentee=noor, mentor=ari, by=noor.user, **answers)
        pairings.request_decline(
            request=declined,
            by=ari.user,
            reply=markup("kind word"),
            referred_to=dana,
            referral_reason=markup("why"),
        )
        withdrawn = pairings.request_create(mentee=noor, mentor=dana, by=noor.user, **answers)
        pairings.request_withdraw(request=withdrawn, by=noor.user)
        expired = pairings.request_create(mentee=noor, mentor=ana, by=noor.user, **answers)
        pairings.request_expire(request=expired)
        # The director pairs Noor with Ana, who evaluates residents; both say yes.
        approved = pairings.pairing_propose(mentor=ana, mentee=noor, by=director)
        pairings.pairing_approve_conflict(pairing=approved, by=director, reason=markup("fine"))
        pairings.pairing_confirm(pairing=approved, by=noor.user)
        pairings.pairing_confirm(pairing=approved, by=ana.user)
        # Ana says yes to Sam too: that waits for the director.
        to_ana = pairings.request_create(mentee=sam, mentor=ana, by=sam.user, **answers)
        proposed = pairings.request_accept(request=to_ana, by=ana.user)
        # Dana and Sam meet, note, promise, plan, pause and resume.
        held = meetings.meeting_log(
            pairing=pairing,
            by=dana.user,
            starts_at=now - timedelta(days=3),
            minutes=30,
            format=Meeting.Format.IN_PERSON,
            notes=[
                NoteInput("learned_about_them", markup("private note")),
                NoteInput("curious_or_carrying", markup("shared note"), shared=True),
            ],
            commitments=[
                CommitmentInput("mentee", markup("commitment"), timezone.localdate()),
                CommitmentInput("mentor", markup("overdue"), timezone.localdate() - timedelta(1)),
            ],
        )
        meetings._save_notes(held, sam.user, "mentee", [NoteInput("taking_away", markup("mine"))])
        planned = meetings.meeting_plan(
            pairing=pairing,
            by=sam.user,
            starts_at=now + timedelta(days=1, hours=1),
            minutes=45,
            format=Meeting.Format.VIDEO,
            place=markup("place"),
        )
        meetings.meetings_send_reminders(now=now + timedelta(hours=1))
        pairings.pairing_pause(pairing=pairing, by=sam.user)
        pairings.pairing_resume(pairing=pairing, by=dana.user)
        # Ari mentored Noor once; it ended with reflections, and went quiet before.
        old = make_pairing(ari, noor)
        Pairing.objects.filter(pk=old.pk).update(started_on=timezone.localdate() - timedelta(90))
        meetings.pairings_nudge_quiet(now=now)
        pairings.pairing_end(
            pairing=old,
            by=ari.user,
            reason=markup("reason"),
            learned=markup("learned"),
            carry_forward=markup("carry"),
        )
        # Ari is the wellness contact; Sam writes to him, with markup.
        SupportSetup.objects.create(program=program, contact=ari.user, intro=markup("intro"))
        support_message = support_message_send(program=program, by=sam.user, body=markup("body"))
        # An intern of the incoming class, invited with markup in their name.
        invited = invitation_create(
            program=program,
            email="priya@example.com",
            name=name("Priya", "Nair"),
            level="intern",
            starts_on=AcademicYear.objects.for_day(program).ends_on + timedelta(days=1),
            by=director,
        )
        # Dana, who has mentored Sam for a month, joins the CCC today: the directors hear.
        Pairing.objects.filter(pk=pairing.pk).update(
            started_on=timezone.localdate() - timedelta(30)
        )
        make_role_term(dana.user, program, "ccc_member", starts_on=timezone.localdate())
        pairings.conflict_notices_find()
        # The year's rollover: Sam graduates (his pairing with Dana ends), Noor moves
        # up; Sam is asked to mentor as alumni and Dana to reconfirm her places.
        this_year = AcademicYear.objects.for_day(program)
        Appointment.objects.create(user=sam.user, year=this_year, level=Level.CA3)
        Appointment.objects.create(user=noor.user, year=this_year, level=Level.INTERN)
        rollover = Rollover.objects.create(program=program, to_year=rollovers.next_year_of(program))
        rollovers.rollover_ask_alumni(rollover=rollover, by=director)
        rollovers.rollover_ask_capacity(rollover=rollover, by=director)
        # Match Day: Lee and Kit are told, reminded, list, and hear their results
        # (Dana, on the CCC now, is left out of the run: Lee gets Ari, Kit nobody).
        today = timezone.localdate()
        matched = Round.objects.create(
            program=program,
            name=markup("Match Day"),
            cohort=Round.Cohort.UNMATCHED,
            opens_on=today,
            mentee_deadline=today + timedelta(days=2),
            mentor_deadline=today + timedelta(days=2),
            publish_on=today + timedelta(days=3),
            list_min=1,
            created_by=director,
        )
        rounds.round_open(round=matched, by=director)
        rounds.reminders_send_due()
        rounds.choice_add(round=matched, mentor=dana, by=lee.user, drew_you=markup("drew"))
        rounds.choice_add(round=matched, mentor=ari, by=lee.user)
        rounds.choice_add(round=matched, mentor=dana, by=kit.user)
        rounds.seat_confirm(round=matched, by=ari.user, capacity=1, no_preference=False)
        rounds.round_close(round=matched, by=director)
        for problem in rounds.check(matched).problems:
            if problem.holds_the_run:
                rounds.problems_accept(round=matched, by=director, code=problem.code)
        first_run = rounds.run_solve(round=matched, by=director)
        # The director's side: a what-if, a pair left out, a move there and back.
        what_if = rounds.run_solve(
            round=matched,
            by=director,
            what_if=True,
            changes={"capacities": {str(ari.pk): 2}},
            note=markup("note"),
        )
        rounds.exclusion_add(
            round=matched, mentor=ari, mentee=kit, by=director, reason=markup("left out")
        )
        for to, why in ((None, "move"), (ari, "back")):
            rounds.override_move(
                run=first_run, mentee=lee, to_mentor=to, by=director, reason=markup(why)
            )
        rounds.round_publish(round=Round.objects.get(pk=matched.pk), by=director)
        # And a round still taking lists: Kit's list with a note, Dana's order and mark.
        collecting = make_round(
            program, mentees=[lee, kit], mentors=[dana, ari], name=markup("Second round")
        )
        rounds.choice_add(round=collecting, mentor=dana, by=kit.user, drew_you=markup("note"))
        rounds.choice_add(round=collecting, mentor=ari, by=kit.user)
        rounds.choice_add(round=collecting, mentor=dana, by=lee.user)
        rounds.mentor_ranking_set(round=collecting, by=dana.user, mentee_ids=[kit.pk])
        rounds.exclusion_add(
            round=collecting, mentor=dana, mentee=lee, by=dana.user, reason=markup("mark")
        )
        # Check-ins: Dana and Sam are asked how their pairing fits (the opening e-mail,
        # then the day-3 reminder); Sam answers "not a good fit" in his own words, and
        # the directors hear; Dana's stays open.
        fits = {
            who: make_checkin(
                people[who],
                program=program,
                pairing=pairing,
                kind="fit",
                period="fit",
                side=side,
                days_ago=3,
            )
            for who, side in (("sam", "mentee"), ("dana", "mentor"))
        }
        for checkin in fits.values():
            queue_email(
                "checkins/email/opened",
                to=[checkin.person],
                checkin=checkin,
                url=checkin.get_absolute_url(),
            )
        checkins.checkins_send_due()
        checkins.checkin_answer(
            checkin=fits["sam"],
            by=people["sam"],
            answers={
                question("fit", "fit").pk: (1, ""),
                question("fit", "fit_why").pk: (None, markup("fit why")),
            },
        )
    template_rendered.disconnect(record)
    return {
        "checkins": fits,
        **people,
        "invitation": invited,
        "support_message": support_message,
        "director": director,
        "program": program,
        "profiles": {
            "dana": dana,
            "ari": ari,
            "ana": ana,
            "sam": sam,
            "noor": noor,
            "lee": lee,
            "kit": kit,
        },
        "pairing": pairing,
        "proposed": proposed,
        "approved": approved,
        "ended": old,
        "held": held,
        "planned": planned,
        "requests": {"asked": asked, "declined": declined, "accepted": accepted},
        "rollover": rollover,
        "rounds": {"published": matched, "collecting": collecting},
        "what_if": what_if,
        "mail": list(mailoutbox),
        "rendered": rendered,
    }


def email_templates() -> set[str]:
    """Every e-mail of the apps: templates/<app>/email/<name>_subject.txt."""
    root = settings.BASE_DIR / "templates"
    return {
        str(path.relative_to(root)).removesuffix("_subject.txt")
        for path in root.glob("*/email/*_subject.txt")
        if not str(path).startswith(str(root / "account"))
    }


def test_every_email_shows_names_and_answers_as_text(cast):
    for message in cast["mail"]:
        html = message.alternatives[0][0]
        assert_no_markup(html, f"the e-mail “{message.subject}”")
    # Every kind of e-mail the program sends was among them.
    sent = {name.removesuffix(".html") for name in cast["rendered"] if name.endswith(".html")}
    assert len(email_templates()) >= 16
    assert sent >= email_templates()


# Pages that only take a POST (their forms are on the pages below), and downloads.
POST_ONLY = {
    "checkins:remind",
    "checkins:follow_up_done",
    "health:nudge",
    "support:message_read",
    "pairings:question_answer",
    "pairings:confirm",
    "pairings:pause",
    "pairings:resume",
    "meetings:commitment_done",
    "meetings:commitment_carry",
    "mentors:pledge",
    "rollover:choose",
    "rollover:confirm",
    "rollover:undo",
    "rollover:ask_alumni",
    "rollover:ask_capacity",
    "rounds:add",
    "rounds:move",
    "rounds:remove",
    "rounds:note",
    "rounds:submit",
    "rounds:places",
    "rounds:ranking",
    "rounds:mark",
    "rounds:unmark",
    "rounds:open",
    "rounds:close",
    "rounds:reopen",
    "rounds:archive",
    "rounds:accept",
    "rounds:solve",
    "rounds:exclusion_add",
    "rounds:exclusion_remove",
    "rounds:what_if",
    "rounds:adopt",
    "rounds:override",
    # Its confirmation shows while the round is solved; the cast's is published
    # (tests/rounds/test_director_pages.py reads the confirmation).
    "rounds:publish",
}
DOWNLOADS = {"meetings:ics", "rounds:csv", "health:csv", "health:chart", "health:report_csv"}


def site_pages(cast) -> dict[str, list[tuple[str, str]]]:
    """url name: [(who, url)] for each page of the site and who opens it."""
    p, pairing = cast["profiles"], cast["pairing"]
    note = Note.objects.filter(author=cast["dana"]).first()
    return {
        "home": [(who, "/") for who in ("dana", "sam", "director", "noor", "ana", "kit")],
        "onboarding": [("sam", reverse("onboarding"))],
        "mentors:directory": [
            ("sam", reverse("mentors:directory") + "?q=x"),
            ("kit", reverse("mentors:directory")),  # with "On your list" and its buttons
        ],
        "pairings:mentor": [
            (who, reverse("pairings:mentor", args=[p["dana"].pk])) for who in ("sam", "dana", "kit")
        ],
        "rounds:mine": [
            (who, reverse("rounds:mine", args=[cast["rounds"][which].pk]))
            for which in ("published", "collecting")
            for who in ("lee", "kit", "dana", "ari")
        ],
        "mentors:profile_edit": [("dana", reverse("mentors:profile_edit"))],
        "mentees:profile_edit": [("sam", reverse("mentees:profile_edit"))],
        "mentees:detail": [
            (who, reverse("mentees:detail", args=[p["sam"].pk])) for who in ("sam", "dana")
        ],
        "pairings:request_create": [
            ("noor", reverse("pairings:request_create", args=[p["dana"].pk]))
        ],
        "pairings:request_list": [
            (who, reverse("pairings:request_list")) for who in ("sam", "noor")
        ],
        "pairings:inbox": [("ari", reverse("pairings:inbox"))],
        "pairings:request_detail": [
            (who, reverse("pairings:request_detail", args=[r.pk]))
            for r in cast["requests"].values()
            for who in ("ari", "dana", "sam", "noor")
            if who in (r.mentor.user.email.split("@")[0], r.mentee.user.email.split("@")[0])
        ],
        "pairings:request_withdraw": [
            ("sam", reverse("pairings:request_withdraw", args=[cast["requests"]["asked"].pk]))
        ],
        "pairings:request_answer": [
            ("ari", reverse("pairings:request_answer", args=[cast["requests"]["asked"].pk]))
        ],
        "pairings:list": [(who, reverse("pairings:list")) for who in ("sam", "ari", "noor")],
        "meetings:pairing": [
            (who, reverse("meetings:pairing", args=[pr.pk]))
            for pr, people in (
                (pairing, ("dana", "sam")),
                (cast["proposed"], ("ana", "sam")),
                (cast["approved"], ("ana", "noor")),
                (cast["ended"], ("ari", "noor")),
            )
            for who in people
        ],
        "pairings:end": [("sam", reverse("pairings:end", args=[pairing.pk]))],
        "pairings:reflect": [("noor", reverse("pairings:reflect", args=[cast["ended"].pk]))],
        "meetings:log": [
            (who, reverse("meetings:log", args=[pairing.pk])) for who in ("dana", "sam")
        ],
        "meetings:plan": [("dana", reverse("meetings:plan", args=[pairing.pk]))],
        "meetings:detail": [
            (who, reverse("meetings:detail", args=[m.pk]))
            for m in (cast["held"], cast["planned"])
            for who in ("dana", "sam")
        ],
        "meetings:note": [
            (who, reverse("meetings:note", args=[n.pk]))
            for n in Note.objects.filter(visibility="shared")
            for who in ("dana", "sam")
        ],
        "meetings:note_edit": [("dana", reverse("meetings:note_edit", args=[note.pk]))],
        "meetings:export": [("sam", reverse("meetings:export"))],
        "support:support": [("sam", reverse("support:support"))],
        "support:sent": [("sam", reverse("support:sent", args=[cast["support_message"].pk]))],
        "support:inbox": [("ari", reverse("support:inbox"))],
        "support:message": [("ari", cast["support_message"].get_absolute_url())],
        # Opened from the e-mail before joining: nobody is signed in yet.
        "invitations:join": [("visitor", cast["invitation"].join_path())],
        "rollover:wizard": [("director", reverse("rollover:wizard", args=[cast["program"].slug]))],
        "rollover:alumni": [
            ("sam", offer.get_absolute_url()) for offer in cast["rollover"].alumni_offers.all()
        ],
        "rollover:capacity": [
            ("dana", c.get_absolute_url())
            for c in CapacityConfirmation.objects.filter(user=cast["dana"])
        ],
        "checkins:answer": [
            (who, cast["checkins"][who].get_absolute_url()) for who in ("sam", "dana")
        ],
        "checkins:index": [("director", reverse("checkins:index"))],
        "checkins:follow_ups": [("director", reverse("checkins:follow_ups"))],
        "checkins:period": [
            ("director", reverse("checkins:period", args=[cast["checkins"]["sam"].pk]))
        ],
        # The program's health, every way of listing its pairs, and its annual report.
        "health:dashboard": [
            ("director", reverse("health:dashboard") + query)
            for query in ("", "?pairs=check_in&sort=mentee", "?level=ca1&kind=faculty")
        ],
        "health:report": [("director", reverse("health:report"))],
        **director_round_pages(cast),
    }


def director_round_pages(cast) -> dict[str, list[tuple[str, str]]]:
    """Match Day's pages for the director: the round, its people and its runs."""
    pk, p = cast["rounds"]["published"].pk, cast["profiles"]
    people = {who: p[who] for who in ("lee", "kit")}
    return {
        f"rounds:{name}": [("director", reverse(f"rounds:{name}", args=[pk]))]
        for name in ("manage", "check", "report")
    } | {
        "rounds:review": [
            ("director", reverse("rounds:review", args=[pk]) + query)
            for query in ("", "?show=mentors", "?only=unmatched")
        ],
        "rounds:index": [("director", reverse("rounds:index"))],
        "rounds:mentee": [
            ("director", reverse("rounds:mentee", args=[pk, m.pk])) for m in people.values()
        ],
        "rounds:mentor": [
            ("director", reverse("rounds:mentor", args=[pk, p[who].pk])) for who in ("dana", "ari")
        ],
        "rounds:run": [("director", reverse("rounds:run", args=[pk, cast["what_if"].pk]))],
    }


def app_url_names() -> set[str]:
    """The project's own named pages (not allauth's, not the admin's)."""
    names = set()
    for pattern in get_resolver().url_patterns:
        namespace = getattr(pattern, "namespace", None)
        if namespace in ("admin",) or str(pattern.pattern).startswith("accounts/"):
            continue
        for sub in getattr(pattern, "url_patterns", [pattern]):
            if getattr(sub, "name", None):
                names.add(f"{namespace}:{sub.name}" if namespace else sub.name)
    return names - {"favicon"}


def test_the_walk_covers_every_page_of_the_site(cast):
    assert app_url_names() == set(site_pages(cast)) | POST_ONLY | DOWNLOADS


def test_every_page_shows_names_and_answers_as_text(client, cast):
    for url_name, visits in site_pages(cast).items():
        assert visits, url_name
        for who, url in visits:
            if who == "visitor":
                client.logout()
            else:
                client.force_login(cast[who])
            response = client.get(url)
            assert response.status_code == HTTPStatus.OK, (url_name, who, url)
            assert_no_markup(response.content.decode(), f"{url} as {who}")


def test_every_admin_page_shows_names_and_answers_as_text(client, cast):
    director = cast["director"]
    client.force_login(director)
    request = RequestFactory().get("/admin/")
    request.user = director
    urls = ["/admin/"]
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_permission(request):
            continue
        opts = model._meta
        urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        for obj in model_admin.get_queryset(request):
            for view in ("change", "history"):
                urls.append(
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])
                )
    urls.append(reverse("admin:pairings_pairing_add"))
    for url in urls:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert_no_markup(response.content.decode(), url)
    # And the pages an action opens, with the people's names on them.
    changelist = reverse("admin:pairings_pairing_changelist")
    for action in ("end", "approve_conflict", "reassign"):
        response = client.post(
            changelist, {"action": action, "_selected_action": [cast["pairing"].pk]}
        )
        assert response.status_code == HTTPStatus.OK, action
        assert_no_markup(response.content.decode(), f"the {action} action")
