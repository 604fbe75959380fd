"""Directors see their programs' rollovers in the admin, and the way into each
program's wizard, where a rollover is prepared and changed."""

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.programs.admin import DirectedProgramListFilter
from mentorship.programs.models import Program

from .models import Rollover


@admin.register(Rollover)
class RolloverAdmin(admin.ModelAdmin):
    list_display = [
        "program",
        "year",
        "state",
        "confirmed_by",
        "confirmed_at",
        "applied_at",
        "wizard",
    ]
    list_filter = [DirectedProgramListFilter, "state"]
    search_fields = ["program__name"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    change_list_template = "admin/rollover/rollover/change_list.html"

    def get_queryset(self, request: HttpRequest):
        return Rollover.objects.directed_by(request.user).select_related(
            "program", "to_year", "confirmed_by"
        )

    # Prepared, changed and undone in the wizard; applied by the daily job.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        programs = Program.objects.directed_by(request.user).order_by("name")
        extra_context = {
            **(extra_context or {}),
            "wizards": [
                (program.name, reverse("rollover:wizard", args=[program.slug]))
                for program in programs
            ],
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description="into", ordering="to_year__starts_on")
    def year(self, obj: Rollover) -> str:
        return obj.to_year.label

    @admin.display(description="wizard")
    def wizard(self, obj: Rollover) -> str:
        return format_html(
            '<a href="{}">Open</a>', reverse("rollover:wizard", args=[obj.program.slug])
        )
