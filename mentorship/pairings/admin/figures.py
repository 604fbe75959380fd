"""The pairing changelist's meeting figures: when the two last met, how many
meetings they held, days since, and the "quiet for" filter. Dates and counts
only, read by Pairing.objects.with_meeting_figures(): never a word of a note."""

from datetime import timedelta

from django.contrib import admin
from django.utils import timezone

from ..models import Pairing


class QuietListFilter(admin.SimpleListFilter):
    """Active and paused pairings with no held meeting for a while, counting from
    the start when they have not met yet."""

    title = "quiet for"
    parameter_name = "quiet"
    DAYS = (30, 60, 90)

    def lookups(self, request, model_admin):
        return [(str(days), f"More than {days} days") for days in self.DAYS]

    def queryset(self, request, queryset):
        if self.value() in {str(days) for days in self.DAYS}:
            since = timezone.localdate() - timedelta(days=int(self.value()))
            return queryset.quiet_since(since)
        return queryset


class MeetingFigureColumns:
    """The changelist's columns of the figures with_meeting_figures() annotates."""

    @admin.display(description="last meeting", ordering="last_meeting_on")
    def last_meeting_on(self, obj: Pairing):
        return obj.last_meeting_on

    @admin.display(description="meetings held", ordering="meetings_held")
    def meetings_held(self, obj: Pairing) -> int:
        return obj.meetings_held

    @admin.display(description="days since they met", ordering="-last_met")
    def days_since_met(self, obj: Pairing) -> int | None:
        return obj.days_since_met()
