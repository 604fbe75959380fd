"""The director's health dashboard (/director/health/): the programs they direct,
one academic year, a level and a mentor type; its charts as SVG images, every
figure and list as CSV, and a nudge to the pairs they choose.

Behind the admin's gate (staff with two-step verification), scoped to
Program.objects.directed_by: another program's pairs are neither counted nor
listed, and nudging their ids does nothing. Only metadata reaches these pages:
dates, counts and states, and check-in answers as totals.
"""

import csv

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from mentorship.checkins.totals import MIN_ANSWERS
from mentorship.director import director_page
from mentorship.meetings.services import pairings_nudge_chosen
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear

from . import charts, figures, pairs
from .board import CHARTS, TABLES, Figures, headline, table_of
from .filters import filters_for

PER_PAGE = 50
RESIDENTS_SHOWN = 20


def _programs(request: HttpRequest) -> list[Program]:
    return list(Program.objects.directed_by(request.user).order_by("name"))


def _query(scope, **more) -> str:
    """The address's filters as they were read (never as typed), for links and downloads."""
    values = {"year": scope.starts_on.isoformat(), "level": scope.level, "kind": scope.kind}
    return urlencode({k: v for k, v in {**values, **more}.items() if v})


def _without_mentor(scope):
    return (
        figures.residents(scope)
        .filter(mentored=False)
        .select_related("user", "year__program")
        .order_by("level", "user__name", "pk")
    )


@require_GET
@director_page
def dashboard(request: HttpRequest) -> HttpResponse:
    programs = _programs(request)
    if not programs:
        return render(request, "health/dashboard.html", {"programs": []})
    form, scope = filters_for(request.GET, programs)
    for problem in form.problems():
        messages.warning(request, problem)
    figs = Figures(scope)
    show, sort = form.value("pairs"), form.value("sort", "last")
    overdue = figs.commitments.overdue
    listed = pairs.sorted_pairs(figs.facts, overdue, show=show, sort=sort)
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    scope_query = _query(scope)
    numbers = headline(figs)
    for item in numbers:
        item["href"] = f"?{_query(scope, **item.get('query', {}))}{item['link']}"
    context = {
        "programs": programs,
        "form": form,
        "scope": scope,
        "scope_query": scope_query,
        "list_query": _query(scope, pairs=show, sort=sort),
        "figures": figs,
        "headline": numbers,
        "charts": [
            {"name": name, "chart": chart, "table": table_of(figs, chart.table)}
            for name, chart in CHARTS.items()
        ],
        "match_table": figs.match.table(),
        "commitments_table": figs.commitments.table(),
        "response_table": figs.response.table(),
        "pulse_counts": figs.pulse.counts_table(),
        "page": page,
        "rows": pairs.described(list(page), overdue),
        "show": show,
        "sort": sort,
        "shows": pairs.SHOWS,
        "show_label": pairs.SHOWS[show],
        "sort_label": pairs.SORT_LABELS[sort],
        "year_label": AcademicYear.label_for(scope.starts_on, scope.ends_on),
        "scope_start": scope.starts_on.isoformat(),
        "min_answers": MIN_ANSWERS,
        "sorts": pairs.SORT_LABELS,
        "without_mentor": list(_without_mentor(scope)[:RESIDENTS_SHOWN]),
        "without_mentor_count": figs.coverage.residents - figs.coverage.mentored,
    }
    return render(request, "health/dashboard.html", context)


def _csv(name: str, header: list, rows: list) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="health-{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


@require_GET
@director_page
def figure_csv(request: HttpRequest, name: str) -> HttpResponse:
    """One figure's table, or the pairs or residents list, as CSV, for the page's filters."""
    if name not in (*TABLES, "pairs", "residents"):
        raise Http404("No such figure.")
    programs = _programs(request)
    if not programs:
        raise Http404("No program of yours.")
    form, scope = filters_for(request.GET, programs)
    if name == "pairs":
        figs = Figures(scope)
        overdue = figs.commitments.overdue
        listed = pairs.sorted_pairs(
            figs.facts, overdue, show=form.value("pairs"), sort=form.value("sort", "last")
        )
        rows = pairs.described(listed, overdue, figures.pairings(scope).values("pk"))
        return _csv(name, pairs.CSV_HEADER, pairs.csv_rows(scope, rows))
    if name == "residents":
        rows = [
            [a.user.name, a.get_level_display(), a.year.program.name]
            for a in _without_mentor(scope)
        ]
        return _csv(name, ["Resident", "Level", "Program"], rows)
    table = table_of(Figures(scope), TABLES[name])
    return _csv(name, table.header, table.rows)


@require_GET
@director_page
@csp_update({"style-src": [UNSAFE_INLINE]})
def chart(request: HttpRequest, name: str) -> HttpResponse:
    """One chart as an SVG image. Its styles are pygal's, inside the image: the
    image's own policy allows them there, and nothing in it runs."""
    spec = CHARTS.get(name)
    programs = _programs(request)
    if spec is None or not programs:
        raise Http404("No such chart.")
    _, scope = filters_for(request.GET, programs)
    table = table_of(Figures(scope), spec.table)
    if spec.skip_total:
        table.rows = table.rows[:-1]
    svg = charts.draw(
        table,
        column=spec.column,
        horizontal=spec.horizontal,
        line=spec.line,
        percent=spec.percent,
        range_=(1, 5) if spec.scale else None,
    )
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


@require_POST
@director_page
def nudge(request: HttpRequest) -> HttpResponse:
    """A gentle e-mail to both people of each pair chosen in the list."""
    ids = [int(v) for v in request.POST.getlist("pairing") if v.isascii() and v.isdigit()]
    sent = pairings_nudge_chosen(pairing_ids=ids, by=request.user)
    if sent:
        messages.success(
            request,
            f"Sent a gentle nudge to both people of {sent} pair{'s' if sent != 1 else ''}. "
            "They'll see an e-mail inviting them to reconnect.",
        )
    else:
        messages.info(
            request,
            "No nudge sent: choose one or more active pairs in the list first.",
        )
    # Back to the list as it was: its filters read again, so nothing else rides along.
    back = QueryDict(request.POST.get("back", "")).urlencode()
    return redirect(f"{reverse('health:dashboard')}?{back}#pairs")
