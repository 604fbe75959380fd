"""The annual report (/director/health/report/): one program's academic year for
the program evaluation committee, to print or save as PDF (Letter or A4), and its
figures as CSV. Behind the admin's gate, for the programs the director directs;
another program's slug, or a year that can't be read, is answered on the page."""

import csv
from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from mentorship.checkins.totals import MIN_ANSWERS, MIN_RATE
from mentorship.director import director_page
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear, YearReview

from .filters import years_of
from .report import report_for


def _chosen(request: HttpRequest):
    """(programs, program, first day, last day): the program and year asked for, or
    the first program directed and the year it is in today."""
    programs = list(Program.objects.directed_by(request.user).order_by("name"))
    if not programs:
        return programs, None, None, None
    slug = request.GET.get("program", "")
    program = next((p for p in programs if p.slug == slug), None)
    if slug and program is None:
        messages.warning(request, "That program isn't one you direct; here is the first that is.")
    program = program or programs[0]
    today = timezone.localdate()
    years = years_of([program], today)
    starts_on = program.year_start_on_or_before(today)
    if chosen := request.GET.get("year", ""):
        try:
            wanted = date.fromisoformat(chosen)
        except ValueError:
            wanted = None
        if wanted in years:
            starts_on = wanted
        else:
            messages.warning(request, "That year isn't one of this program's; here is this year.")
    return (
        programs,
        program,
        starts_on,
        years.get(starts_on) or AcademicYear.last_day_after(starts_on),
    )


@require_GET
@director_page
def report(request: HttpRequest) -> HttpResponse:
    programs, program, starts_on, ends_on = _chosen(request)
    if program is None:
        return render(request, "health/report.html", {"programs": []})
    today = timezone.localdate()
    context = {
        "programs": programs,
        "program": program,
        "report": report_for(program, starts_on, ends_on, today),
        "years": years_of([program], today),
        "starts_on": starts_on,
        "review_url": _review_url(program, starts_on),
        "min_answers": MIN_ANSWERS,
        "min_rate": round(100 * MIN_RATE),
    }
    return render(request, "health/report.html", context)


def _review_url(program: Program, starts_on: date) -> str:
    """Where the director writes their section: the year's review in the admin."""
    review = YearReview.objects.filter(year__program=program, year__starts_on=starts_on).first()
    if review:
        return reverse("admin:years_yearreview_change", args=[review.pk])
    year = AcademicYear.objects.filter(program=program, starts_on=starts_on).first()
    add = reverse("admin:years_yearreview_add")
    return f"{add}?year={year.pk}" if year else add


@require_GET
@director_page
def report_csv(request: HttpRequest) -> HttpResponse:
    _, program, starts_on, ends_on = _chosen(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    if program is None:
        response.write("No program of yours yet.\n")
        return response
    report = report_for(program, starts_on, ends_on, timezone.localdate())
    response["Content-Disposition"] = (
        f'attachment; filename="annual-report-{program.slug}-{report.this.label}.csv"'
    )
    csv.writer(response).writerows(report.csv_rows())
    return response
