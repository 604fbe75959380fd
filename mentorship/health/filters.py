"""The dashboard's filters (academic year, level, mentor type, which pairs and their
order), read from the address: a value that can't be read is said on the page and
its default used, never an error page."""

from datetime import date

from django import forms
from django.utils import timezone

from mentorship.pairings.models import Pairing
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear

from .figures import RESIDENT_LEVELS, Scope
from .pairs import SHOWS, SORT_LABELS


def years_of(programs: list[Program], today: date) -> dict[date, date]:
    """{first day: last day} of the programs' academic years, and of the year each
    is in today (made or not). Only whole years as each program counts them, from
    its own first day to the day before it comes round again: a year typed in the
    admin with other dates would cut the answers of a few days apart from the rest,
    and the totals' rule keeps whole years only."""
    by_pk = {p.pk: p for p in programs}
    years = {}
    rows = AcademicYear.objects.filter(program__in=list(by_pk)).order_by()
    for program_id, starts_on, ends_on in rows.values_list("program_id", "starts_on", "ends_on"):
        program = by_pk[program_id]
        whole = program.year_start_on_or_before(starts_on) == starts_on
        if whole and ends_on == AcademicYear.last_day_after(starts_on):
            years[starts_on] = ends_on
    for program in programs:
        starts_on = program.year_start_on_or_before(today)
        years.setdefault(starts_on, AcademicYear.last_day_after(starts_on))
    return dict(sorted(years.items(), reverse=True))


class Filters(forms.Form):
    year = forms.ChoiceField(label="Academic year", required=False)
    level = forms.ChoiceField(
        label="Level",
        required=False,
        choices=[("", "Every level"), *((lv.value, lv.label) for lv in RESIDENT_LEVELS)],
    )
    kind = forms.ChoiceField(
        label="Mentor type",
        required=False,
        choices=[("", "Faculty and near-peer"), *Pairing.Kind.choices],
    )
    pairs = forms.ChoiceField(label="Show", required=False, choices=list(SHOWS.items()))
    sort = forms.ChoiceField(label="Sort by", required=False, choices=list(SORT_LABELS.items()))

    def __init__(self, data, *, years: dict[date, date], default: date):
        super().__init__(data)
        self.years, self.default = years, default
        self.fields["year"].choices = [
            (d.isoformat(), AcademicYear.label_for(d, end)) for d, end in years.items()
        ]

    def value(self, name: str, default: str = "") -> str:
        """The field's value when it reads, else its default."""
        if self.is_valid() or name not in self.errors:
            return self.cleaned_data.get(name) or default
        return default

    def problems(self) -> list[str]:
        """Each filter that couldn't be read, in a sentence."""
        if self.is_valid():
            return []
        return [
            f"{self.fields[name].label}: that choice isn't one of this page's, so it "
            "shows its usual choice instead."
            for name in self.errors
        ]

    def scope(self, programs: list[Program], today: date) -> Scope:
        chosen = self.value("year", self.default.isoformat())
        starts_on = date.fromisoformat(chosen)
        # The programs whose years start that day (each program has its own start).
        in_year = [p for p in programs if p.year_start_on_or_before(starts_on) == starts_on]
        return Scope(
            programs=tuple(in_year or programs),
            starts_on=starts_on,
            ends_on=self.years[starts_on],
            level=self.value("level"),
            kind=self.value("kind"),
            today=today,
        )


def filters_for(data, programs: list[Program]) -> tuple[Filters, Scope]:
    """The filters as read from `data` (request.GET), and the scope they choose."""
    today = timezone.localdate()
    years = years_of(programs, today)
    default = max((d for d in years if d <= today), default=next(iter(years)))
    form = Filters(data, years=years, default=default)
    return form, form.scope(programs, today)
