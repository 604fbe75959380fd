"""The pairing changelist's filters of its own rows (start year, a director's approval)
and of its mentee (their level and academic year, from the program year)."""

from django.contrib import admin

from mentorship.years.admin import PersonLevelListFilter, PersonYearListFilter

from ..models import Pairing


class StartYearListFilter(admin.SimpleListFilter):
    title = "start year"
    parameter_name = "started"

    def lookups(self, request, model_admin):
        # The plain rows: the changelist's meeting figures would only slow this down.
        # Read once per request: an action's post builds the filters twice.
        if not hasattr(request, "_pairing_start_years"):
            rows = Pairing.objects.directed_by(request.user).filter(started_on__isnull=False)
            years = rows.dates("started_on", "year", "DESC")
            request._pairing_start_years = [(str(day.year), str(day.year)) for day in years]
        return request._pairing_start_years

    def queryset(self, request, queryset):
        if self.value() in {value for value, _ in self.lookup_choices}:
            return queryset.filter(started_on__year=int(self.value()))
        return queryset


class NeedsApprovalListFilter(admin.SimpleListFilter):
    """Proposed pairings with a mentor who evaluates residents, waiting for a director."""

    title = "a director's approval"
    parameter_name = "approval"

    def lookups(self, request, model_admin):
        return [("waiting", "Waiting for approval")]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(
                status=Pairing.Status.PROPOSED,
                needs_conflict_approval=True,
                conflict_approved_at__isnull=True,
            )
        return queryset


class MenteeYearListFilter(PersonYearListFilter):
    title = "mentee's academic year"
    user_lookup = "mentee__user"


class MenteeLevelListFilter(PersonLevelListFilter):
    title = "mentee's level"
    user_lookup = "mentee__user"
