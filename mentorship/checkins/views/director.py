"""The directors' pages of check-ins (/director/checkins/…): the "check in" tasks
with a note for each one done, every check-in period of their programs, and one
period's totals, its answers meant for the director by name, and who hasn't
answered yet (names only) with a reminder to send.

Every page is behind the admin's gate and reads only the directed programs'
check-ins: any other id is a 404. An answer meant for a total, for the wellness
contact or for the partner never appears here by name.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Min, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from mentorship.director import director_page
from mentorship.years.models import AcademicYear

from .. import totals
from ..forms import FollowUpDoneForm
from ..models import PROGRAM_KINDS, Answer, Audience, Checkin, FollowUp, Question
from ..services import CheckinError, checkins_remind, follow_up_done, remindable

DONE_SHOWN = 50
PERIODS_PER_PAGE = 50

Status = Checkin.Status


def _follow_ups(user):
    return FollowUp.objects.directed_by(user).select_related(
        "program", "pairing__mentor__user", "pairing__mentee__user", "done_by"
    )


@require_GET
@director_page
def follow_ups(request: HttpRequest) -> HttpResponse:
    return _follow_ups_page(request)


def _follow_ups_page(request: HttpRequest, bound: FollowUpDoneForm | None = None, pk=None):
    tasks = list(_follow_ups(request.user).open().order_by("-created_at", "pk"))
    for task in tasks:
        task.form = (
            bound
            if bound is not None and task.pk == pk
            else FollowUpDoneForm(prefix=f"task-{task.pk}")
        )
    done = list(
        _follow_ups(request.user)
        .filter(done_at__isnull=False)
        .order_by("-done_at", "pk")[:DONE_SHOWN]
    )
    status = 400 if bound is not None else 200
    return render(
        request,
        "checkins/director/follow_ups.html",
        {"tasks": tasks, "done": done, "done_shown": DONE_SHOWN},
        status=status,
    )


@require_POST
@director_page
def follow_up_mark_done(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_object_or_404(_follow_ups(request.user), pk=pk)
    form = FollowUpDoneForm(request.POST, prefix=f"task-{pk}")
    if not form.is_valid():
        return _follow_ups_page(request, bound=form, pk=pk)
    try:
        follow_up_done(follow_up=follow_up, by=request.user, note=form.cleaned_data["done_note"])
    except CheckinError as error:
        messages.error(request, error.message)
    else:
        pairing = follow_up.pairing
        messages.success(
            request,
            f"Marked done: checking in with {pairing.mentor.user.name} and "
            f"{pairing.mentee.user.name}. It is listed under “Done” below.",
        )
    return redirect("checkins:follow_ups")


PERIOD = ("program_id", "kind", "period", "opened_on")


def _periods(user):
    """Each check-in period of the directed programs with its counts: one query."""
    return (
        Checkin.objects.directed_by(user)
        .values(*PERIOD, "program__name")
        .annotate(
            first=Min("pk"),
            asked=Count("pk"),
            answered=Count("pk", filter=Q(status=Status.ANSWERED)),
            waiting=Count("pk", filter=Q(status=Status.OPEN)),
            closed=Count("pk", filter=Q(status=Status.CLOSED)),
        )
        .order_by("-opened_on", "program__name", "kind", "period")
    )


def _with_rate(row: dict) -> dict:
    row["rate"] = round(100 * row["answered"] / row["asked"]) if row["asked"] else None
    row["kind_label"] = Checkin(kind=row["kind"]).get_kind_display()
    return row


@require_GET
@director_page
def index(request: HttpRequest) -> HttpResponse:
    page = Paginator(_periods(request.user), PERIODS_PER_PAGE).get_page(request.GET.get("page"))
    periods = [_with_rate(row) for row in page]
    open_tasks = FollowUp.objects.directed_by(request.user).open().count()
    return render(
        request,
        "checkins/director/index.html",
        {
            "periods": periods,
            "page": page,
            "open_tasks": open_tasks,
            "min_answers": totals.MIN_ANSWERS,
        },
    )


def _period_of(request: HttpRequest, pk: int) -> tuple[Checkin, object]:
    """The period a check-in of the directed programs belongs to, and its check-ins."""
    one = get_object_or_404(
        Checkin.objects.directed_by(request.user).select_related("program"), pk=pk
    )
    rows = Checkin.objects.filter(
        program_id=one.program_id, kind=one.kind, period=one.period, opened_on=one.opened_on
    )
    return one, rows


@require_GET
@director_page
def period(request: HttpRequest, pk: int) -> HttpResponse:
    one, rows = _period_of(request, pk)
    counts = _with_rate(
        rows.aggregate(
            asked=Count("pk"),
            answered=Count("pk", filter=Q(status=Status.ANSWERED)),
            waiting=Count("pk", filter=Q(status=Status.OPEN)),
            closed=Count("pk", filter=Q(status=Status.CLOSED)),
        )
        | {"kind": one.kind}
    )
    # Totals of the year's whole survey, never of one day's check-ins: a day is no
    # cut the totals' rule knows (checkins.totals.STEPS), and the year's total less
    # the days shown would give a small day away. A pairing's check-ins open on its
    # own days, so theirs are left to the health page and the report, for the year.
    starts_on = one.program.year_start_on_or_before(one.opened_on)
    ends_on = AcademicYear.last_day_after(starts_on)
    shown = None
    if one.kind in PROGRAM_KINDS:
        cut = totals.Cut(program_ids=(one.program_id,), starts_on=starts_on, ends_on=ends_on)
        shown = _shown_totals(cut, one)
    waiting = list(
        rows.filter(status=Status.OPEN)
        .select_related("person", "pairing__mentor__user", "pairing__mentee__user")
        .order_by("person__name", "pk")
    )
    by_name = list(
        Answer.objects.filter(checkin__in=rows, audience=Audience.DIRECTOR)
        .select_related("question", "checkin__person")
        .order_by(
            "question__program_id", "question__order", "question__pk", "checkin__person__name"
        )
    )
    said = {}
    for answer in by_name:
        text = answer.text or answer.question.label_of(answer.number)
        if text:
            said.setdefault(answer.question, []).append((answer.checkin.person, text))
    today = timezone.localdate()
    context = {
        "one": one,
        "counts": counts,
        "totals": shown,
        "min_answers": totals.MIN_ANSWERS,
        "waiting": waiting,
        "remindable": sum(1 for c in waiting if remindable(c, today)),
        "said": list(said.items()),
        "director_label": Audience.DIRECTOR.label,
        "year_label": AcademicYear.label_for(starts_on, ends_on),
    }
    return render(request, "checkins/director/period.html", context)


def _shown_totals(cut: totals.Cut, one: Checkin) -> list[tuple[totals.Total, list]]:
    """The period's totals, with each count's answer label, for the questions whose
    answers are meant for the director (a total, or by name). Those meant for the
    wellness contact or the partner aren't the director's, even as a total."""
    figures = totals.totals(cut, one.kind)
    # The questions totals() reads, matched to its totals by key and words; a total
    # whose question can't be told is left out rather than shown against its promise.
    questions = {}
    for question in Question.objects.filter(
        Q(program__isnull=True) | Q(program_id=one.program_id), kind=one.kind
    ).order_by("program_id", "order", "pk"):
        questions.setdefault((question.key, question.text), []).append(question)
    shown = []
    for total in figures:
        matches = questions.get((total.key, total.text))
        if not matches:
            continue
        question = matches.pop(0)
        if question.audience not in (Audience.TOTAL, Audience.DIRECTOR):
            continue
        if not question.active and not total.answered:
            continue
        counts = [(label, total.counts.get(value, 0)) for value, label in question.choices]
        shown.append((total, counts if total.shown else []))
    return shown


@require_POST
@director_page
def remind(request: HttpRequest, pk: int) -> HttpResponse:
    one, rows = _period_of(request, pk)
    try:
        sent = checkins_remind(checkins=rows, by=request.user)
    except CheckinError as error:
        messages.error(request, error.message)
    else:
        if sent:
            messages.success(
                request,
                f"A reminder is on its way to {sent} {'person' if sent == 1 else 'people'} "
                "who haven't answered yet, with the link to their check-in.",
            )
        else:
            messages.info(
                request,
                "No reminder sent: everyone still open was reminded today, opened "
                "today, or gets the automatic reminder today. Try again tomorrow.",
            )
    return redirect("checkins:period", pk=one.pk)


urlpatterns = [
    path("director/checkins/", index, name="index"),
    path("director/checkins/follow-ups/", follow_ups, name="follow_ups"),
    path(
        "director/checkins/follow-ups/<int:pk>/done/",
        follow_up_mark_done,
        name="follow_up_done",
    ),
    path("director/checkins/<int:pk>/", period, name="period"),
    path("director/checkins/<int:pk>/remind/", remind, name="remind"),
]
