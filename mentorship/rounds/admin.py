"""Directors make a round in the admin (its program, cohort, dates and list
lengths) and run it on its Match Day page (/director/rounds/<id>/)."""

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.programs.admin import DirectedProgramListFilter
from mentorship.programs.models import Program
from mentorship.years.models import AcademicYear

from .models import Round


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = [
            "program",
            "name",
            "cohort",
            "level",
            "year",
            "opens_on",
            "mentee_deadline",
            "mentor_deadline",
            "publish_on",
            "list_min",
            "list_max",
            "exclude_past_pairs",
        ]

    def clean(self):
        data = super().clean()
        if data.get("cohort") == Round.Cohort.LEVEL and not data.get("level"):
            self.add_error("level", "Choose the level of the residents this round is for.")
        year, program = data.get("year"), data.get("program")
        if year and program and year.program_id != program.pk:
            self.add_error("year", f"Choose one of {program}'s years.")
        return data


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    form = RoundForm
    list_display = [
        "name",
        "program",
        "cohort_described",
        "state",
        "opens_on",
        "publish_on",
        "page",
    ]
    list_filter = [DirectedProgramListFilter, "state"]
    search_fields = ["name", "program__name"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    readonly_fields = ["state"]

    def get_queryset(self, request: HttpRequest):
        return Round.objects.directed_by(request.user).select_related("program", "year")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "program":
            kwargs["queryset"] = Program.objects.directed_by(request.user)
        if db_field.name == "year":
            kwargs["queryset"] = AcademicYear.objects.directed_by(request.user).select_related(
                "program"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        """Dates and lists change until the round is solved; after that it is a record."""
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.state in (Round.State.DRAFT, Round.State.COLLECTING))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.state == Round.State.DRAFT)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_readonly_fields(self, request, obj=None):
        fixed = ["state"]
        if obj is not None and obj.state != Round.State.DRAFT:
            fixed += ["program", "cohort", "level", "year"]  # the round's people are chosen
        return fixed

    @admin.display(description="cohort")
    def cohort_described(self, obj: Round) -> str:
        return obj.cohort_described

    @admin.display(description="Match Day page")
    def page(self, obj: Round) -> str:
        return format_html('<a href="{}">Open</a>', reverse("rounds:manage", args=[obj.pk]))
