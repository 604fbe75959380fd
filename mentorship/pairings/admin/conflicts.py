"""Conflicts that arrived during a pairing: a director reads each and settles it."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.programs.admin import DirectedProgramListFilter

from ..models import ConflictNotice
from ..services import PairingError, conflict_notice_resolve
from ..services.conflicts import RESOLUTIONS_NEEDING_A_NOTE


class NoticeProgramListFilter(DirectedProgramListFilter):
    program_lookup = "pairing__program"


class OpenListFilter(admin.SimpleListFilter):
    title = "settled"
    parameter_name = "settled"

    def lookups(self, request, model_admin):
        return [("no", "Waiting for a director"), ("yes", "Settled")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.open()
        if self.value() == "yes":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


class ResolveForm(forms.ModelForm):
    """A recusal or an accepted reason, with what was agreed; reassigning is the
    pairing's own action."""

    resolution = forms.ChoiceField(
        label="What happens",
        choices=[
            ("", "---------"),
            (ConflictNotice.Resolution.RECUSED, ConflictNotice.Resolution.RECUSED.label),
            (ConflictNotice.Resolution.ACCEPTED, ConflictNotice.Resolution.ACCEPTED.label),
        ],
        required=False,
        help_text="To move the mentee to another mentor, use the “Reassign” action on the "
        "pairing instead: this notice is settled with it.",
    )

    class Meta:
        model = ConflictNotice
        fields = ["resolution", "resolution_note"]
        help_texts = {
            "resolution_note": "For a recusal, what the mentor steps out of; for an "
            "acceptance, why the pairing can go on."
        }

    def clean(self):
        # Said at the field, with what was typed kept; the service checks again.
        data = super().clean()
        resolution = data.get("resolution")
        note = (data.get("resolution_note") or "").strip()
        if not resolution and not note:
            return data  # nothing chosen yet: saved as it was, still waiting
        if not resolution:
            self.add_error(
                "resolution", forms.ValidationError("Choose what happens.", code="required")
            )
        elif not note:
            message = RESOLUTIONS_NEEDING_A_NOTE[resolution]
            self.add_error("resolution_note", forms.ValidationError(message, code="required"))
        return data


@admin.register(ConflictNotice)
class ConflictNoticeAdmin(admin.ModelAdmin):
    form = ResolveForm
    list_display = [
        "pairing_link",
        "role",
        "term_starts_on",
        "created_at",
        "resolution_shown",
        "resolved_by_name",
        "resolved_at",
    ]
    list_filter = [NoticeProgramListFilter, OpenListFilter, "resolution"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    search_fields = ["pairing__mentor__user__name", "pairing__mentee__user__name"]
    readonly_fields = [
        "pairing_link",
        "role",
        "term_starts_on",
        "created_at",
        "resolved_by_name",
        "resolved_at",
    ]

    def get_queryset(self, request: HttpRequest):
        return ConflictNotice.objects.directed_by(request.user).select_related(
            "pairing__mentor__user", "pairing__mentee__user", "term", "resolved_by"
        )

    def get_fields(self, request, obj=None):
        fields = ["pairing_link", "role", "term_starts_on", "created_at"]
        if obj is not None and not obj.is_open:
            return [
                *fields,
                "resolution_shown",
                "resolution_note",
                "resolved_by_name",
                "resolved_at",
            ]
        return [*fields, "resolution", "resolution_note"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_open:
            return [*self.readonly_fields, "resolution_shown", "resolution_note"]
        return self.readonly_fields

    def has_add_permission(self, request):
        return False  # the daily check records them

    def has_delete_permission(self, request, obj=None):
        return False  # what was decided stays on record

    def save_model(self, request, obj, form, change):
        # The service settles it (who, when, checks); the form only carried the choice.
        if not form.cleaned_data.get("resolution"):
            return
        try:
            conflict_notice_resolve(
                notice=obj,
                by=request.user,
                resolution=form.cleaned_data.get("resolution", ""),
                note=form.cleaned_data.get("resolution_note", ""),
            )
        except PairingError as error:
            self._refused = error.message

    def response_change(self, request, obj):
        if refused := getattr(self, "_refused", None):
            del self._refused
            self.message_user(request, refused, messages.ERROR)
            return self.response_post_save_change(request, obj)
        return super().response_change(request, obj)

    @admin.display(description="pairing")
    def pairing_link(self, obj: ConflictNotice) -> str:
        url = reverse("admin:pairings_pairing_change", args=[obj.pairing_id])
        return format_html(
            '<a href="{}">{} and {}</a>', url, obj.pairing.mentor.user, obj.pairing.mentee.user
        )

    @admin.display(description="role", ordering="term__role")
    def role(self, obj: ConflictNotice) -> str:
        return obj.term.get_role_display()

    @admin.display(description="role from", ordering="term__starts_on")
    def term_starts_on(self, obj: ConflictNotice):
        return obj.term.starts_on

    @admin.display(description="settled", ordering="resolution")
    def resolution_shown(self, obj: ConflictNotice) -> str:
        return obj.get_resolution_display() if obj.resolution else "Waiting for a director"

    @admin.display(description="settled by", ordering="resolved_by__name")
    def resolved_by_name(self, obj: ConflictNotice) -> str:
        return obj.resolved_by.name if obj.resolved_by else ""
