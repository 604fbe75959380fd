"""The director's pages of a round (/director/rounds/...): this module holds the
round's life (the list of rounds, a round's page and its buttons, publishing,
the CSV and the chair's report) and every URL; the check before the run is in
director_check.py, the review of a run in director_review.py, one mentee or
mentor of it in director_people.py.

Every page is behind the admin's gate (staff with two-step verification) and
reads only the rounds of the programs the director directs: any other id is a 404.
"""

import csv

from django.contrib import messages
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mentorship.director import director_page

from .. import record, review, services
from ..models import Choice, Entrant, Round, Seat
from ..services import RoundError
from . import director_check, director_people, director_review
from .desk import button, round_of

State = Round.State


def next_step(round: Round) -> str:
    """What the round waits for, in a sentence."""
    return {
        State.DRAFT: "Check its dates and cohort, then open it: everyone in it gets an e-mail.",
        State.COLLECTING: f"Mentees send their lists until {round.mentee_deadline:%-d %B}, "
        f"mentors answer until {round.mentor_deadline:%-d %B}; then close the lists.",
        State.CLOSED: "Check the round, then run it.",
        State.SOLVED: f"Review the run, then publish it (planned for {round.publish_on:%-d %B}).",
        State.PUBLISHED: "Published: everyone has their result. Archive it when you're done.",
        State.ARCHIVED: "Archived: kept as a record.",
    }[round.state]


@require_GET
@director_page
def index(request: HttpRequest) -> HttpResponse:
    rounds = Round.objects.directed_by(request.user).select_related("program", "year")
    rows = [(r, next_step(r)) for r in rounds]
    return render(request, "rounds/director/index.html", {"rows": rows})


def _counts(round: Round) -> dict:
    listed = Choice.objects.filter(round=round, mentee=OuterRef("mentee"))
    entrants = (
        Entrant.objects.filter(round=round)
        .annotate(listed=Exists(listed))
        .aggregate(
            mentees=Count("pk"),
            lists_in=Count("pk", filter=Q(listed=True)),
            lists_sent=Count("pk", filter=Q(submitted_at__isnull=False)),
        )
    )
    seats = Seat.objects.filter(round=round).aggregate(
        mentors=Count("pk"),
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        places=Sum("capacity", filter=Q(confirmed_at__isnull=False), default=0),
    )
    return {**entrants, **seats}


@require_GET
@director_page
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    run = round.run
    context = {
        "round": round,
        "run": run,
        "counts": _counts(round),
        "next_step": next_step(round),
        "editable": round.state in (State.DRAFT, State.COLLECTING),
        "published": round.state in (State.PUBLISHED, State.ARCHIVED),
    }
    if context["published"] and round.published_report:
        names = review.names_in(round)
        report = round.published_report
        context["report"] = report
        context["skipped"] = [
            (names.mentee(s["mentee"]), names.mentor(s["mentor"]), s["why"])
            for s in report.get("skipped", [])
        ]
    return render(request, "rounds/director/manage.html", context)


@require_POST
@director_page
def open_round(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    return button(
        request,
        round,
        lambda: services.round_open(round=round, by=request.user),
        lambda r: (
            f"{r.name} is open. Its {r.entrants.count()} mentees and "
            f"{r.seats.count()} mentors each have an e-mail with their link now."
        ),
    )


@require_POST
@director_page
def close_round(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    return button(
        request,
        round,
        lambda: services.round_close(round=round, by=request.user),
        lambda r: "The lists are closed: nobody can change theirs now. Check the round next.",
    )


@require_POST
@director_page
def reopen_round(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    return button(
        request,
        round,
        lambda: services.round_reopen(round=round, by=request.user),
        lambda r: (
            "The lists are open again: mentees and mentors can change theirs until "
            "you close them. Runs made so far are kept."
        ),
    )


@require_POST
@director_page
def archive_round(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    return button(
        request,
        round,
        lambda: services.round_archive(round=round, by=request.user),
        lambda r: f"{r.name} is archived. Its report and CSV stay here.",
    )


@require_http_methods(["GET", "POST"])
@director_page
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what publishing will do, and the button. POST: publish."""
    round = round_of(request, pk)
    if request.method == "POST":
        try:
            report = services.round_publish(round=round, by=request.user)
        except RoundError as error:
            messages.error(request, error.message)
            return redirect(round)
        skipped = len(report["skipped"])
        messages.success(
            request,
            f"Published: {report['paired']} mentee{'s' if report['paired'] != 1 else ''} "
            "paired, and everyone has their result by e-mail now."
            + (
                f" {skipped} pair{'s were' if skipped != 1 else ' was'} left out: see why below."
                if skipped
                else ""
            ),
        )
        return redirect(round)
    run = round.run
    if round.state != State.SOLVED or run is None:
        messages.info(request, "Run the round and review it before publishing.")
        return redirect(round)
    story = review.story_of(run, review.names_in(round))
    matched = story.matched
    context = {
        "round": round,
        "paired": len(matched),
        "mentors": len(set(matched.values())),
        "unmatched": len(story.inputs.entrants) - len(matched),
        "moves": len(story.overrides),
    }
    return render(request, "rounds/director/publish.html", context)


@require_GET
@director_page
def round_csv(request: HttpRequest, pk: int) -> HttpResponse:
    round = round_of(request, pk)
    run = round.run
    if run is None:
        messages.info(request, "The CSV has a row per mentee once the round has run.")
        return redirect(round)
    story = review.story_of(run, review.names_in(round))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="round-{round.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(record.CSV_HEADER)
    writer.writerows(record.csv_rows(round, story))
    return response


@require_GET
@director_page
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The round for the chair, on paper: no list's sentences, no exclusion's reason."""
    round = round_of(request, pk)
    run = round.run
    names = review.names_in(round)
    context = {"round": round, "run": run, "counts": _counts(round)}
    if run is not None:
        story = review.story_of(run, names)
        figures = review.figures_of(story)
        context.update(
            figures=figures,
            load=review.load_of(figures),
            removed=record.removed_counts(story),
            runs=record.runs_of(round, names),
            moves=record.moves_of(round, names),
        )
    return render(request, "rounds/director/report.html", context)


urlpatterns = [
    path("director/rounds/", index, name="index"),
    path("director/rounds/<int:pk>/", manage, name="manage"),
    path("director/rounds/<int:pk>/open/", open_round, name="open"),
    path("director/rounds/<int:pk>/close/", close_round, name="close"),
    path("director/rounds/<int:pk>/reopen/", reopen_round, name="reopen"),
    path("director/rounds/<int:pk>/archive/", archive_round, name="archive"),
    path("director/rounds/<int:pk>/check/", director_check.check, name="check"),
    path("director/rounds/<int:pk>/check/accept/", director_check.accept, name="accept"),
    path("director/rounds/<int:pk>/solve/", director_check.solve, name="solve"),
    path(
        "director/rounds/<int:pk>/exclusions/",
        director_check.exclusion_add,
        name="exclusion_add",
    ),
    path(
        "director/rounds/<int:pk>/exclusions/<int:exclusion_id>/remove/",
        director_check.exclusion_remove,
        name="exclusion_remove",
    ),
    path("director/rounds/<int:pk>/review/", director_review.review, name="review"),
    path("director/rounds/<int:pk>/what-if/", director_review.what_if, name="what_if"),
    path("director/rounds/<int:pk>/runs/<int:run_id>/", director_review.run, name="run"),
    path("director/rounds/<int:pk>/runs/<int:run_id>/adopt/", director_review.adopt, name="adopt"),
    path(
        "director/rounds/<int:pk>/mentees/<int:mentee_id>/",
        director_people.mentee,
        name="mentee",
    ),
    path(
        "director/rounds/<int:pk>/mentees/<int:mentee_id>/move/",
        director_people.move,
        name="override",
    ),
    path(
        "director/rounds/<int:pk>/mentors/<int:mentor_id>/",
        director_people.mentor,
        name="mentor",
    ),
    path("director/rounds/<int:pk>/publish/", publish, name="publish"),
    path("director/rounds/<int:pk>/round.csv", round_csv, name="csv"),
    path("director/rounds/<int:pk>/report/", report, name="report"),
]
