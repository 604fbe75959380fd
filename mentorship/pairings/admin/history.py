"""The pairings' and the requests' admin pages: view-only, with a history scoped
to the director's programs and never reverted, and names read as subqueries."""

from datetime import date, datetime

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils import formats, timezone
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Program

REFLECTIONS = ["mentor_learned", "mentor_carry_forward", "mentee_learned", "mentee_carry_forward"]
PEOPLE_SEARCH = [
    "mentor__user__name",
    "mentor__user__email",
    "mentee__user__name",
    "mentee__user__email",
]


def with_names(rows: QuerySet) -> QuerySet:
    """The mentor's, the mentee's and the program's names of each request or
    pairing, as the changelist shows them.

    Subqueries by primary key, which PostgreSQL reads for the page's rows only,
    after the sort and the LIMIT: joining the people in would first pair every
    row of the program with them (and take longer to plan than to run)."""
    return rows.annotate(
        mentor_name=Subquery(
            MentorProfile.objects.filter(pk=OuterRef("mentor_id")).order_by().values("user__name")
        ),
        mentee_name=Subquery(
            MenteeProfile.objects.filter(pk=OuterRef("mentee_id")).order_by().values("user__name")
        ),
        program_name=Subquery(
            Program.objects.filter(pk=OuterRef("program_id")).order_by().values("name")
        ),
    )


class ReadableHistory(HistoricalRecordContextHelper):
    """A change as people read it: "Active → Paused", local times, names, and a
    dash where there was nothing (never "Deleted user (pk=None)")."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value in (None, "") or (isinstance(value, DeletedObject) and value.pk is None):
            return "—"
        if isinstance(value, DeletedObject):
            return f"a {value.model._meta.verbose_name} since removed"
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, datetime):
            return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, date):
            return formats.date_format(value, "DATE_FORMAT")
        return super().prepare_delta_change_value(change, value)


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """View-only change pages and history, scoped like the changelist.

    simple_history's own views would fetch a version by id alone and could save
    ("revert") it: here a version is shown only when its object is in the viewer's
    rows, and never saved.
    """

    object_history_list_template = "admin/pairings/object_history_list.html"
    # The site's pairing and request pages belong to the two people (404 for others).
    view_on_site = False

    def has_change_permission(self, request, obj=None):
        # Actions need the model permission; a single row is never edited by form.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def revert_disabled(self, request, obj=None):
        return True

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)

    def _get_visible_or_404(self, request, object_id):
        # get_object answers None for ids of other programs and for ids that
        # aren't ids at all ("4/change"), so a crafted URL is a 404, not a 500.
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404("No such row in your programs.")

    def history_view(self, request, object_id, extra_context=None):
        self._get_visible_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        self._get_visible_or_404(request, object_id)
        if not (str(version_id).isascii() and str(version_id).isdigit()):
            raise Http404("No such version.")
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_readonly_fields(self, request, obj=None):
        return [
            name for _, options in self.get_fieldsets(request, obj) for name in options["fields"]
        ]

    # The changelists' names come from with_names().

    @admin.display(description="mentor", ordering="mentor__user__name")
    def mentor_name(self, obj) -> str:
        return obj.mentor_name

    @admin.display(description="mentee", ordering="mentee__user__name")
    def mentee_name(self, obj) -> str:
        return obj.mentee_name

    @admin.display(description="program", ordering="program__name")
    def program_name(self, obj) -> str:
        return obj.program_name
