"""Directors name their programs' wellness contact and list the institution's
resources. Messages have no admin: directors see only a month's count, and only
when it is SMALLEST_COUNT_SHOWN or more."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.http import HttpRequest
from django.utils import formats
from django.utils.html import format_html, format_html_join

from accounts.admin_site import ROWS_PER_PAGE
from accounts.models import User
from mentorship.programs.admin import DirectedProgramListFilter
from mentorship.programs.models import Program

from .models import SMALLEST_COUNT_SHOWN, SupportMessage, SupportResource, SupportSetup
from .rules import NOT_OUTSIDE, may_be_wellness_contact


class SupportSetupForm(forms.ModelForm):
    class Meta:
        model = SupportSetup
        fields = ["program", "contact", "intro"]

    def clean(self):
        cleaned = super().clean()
        program = cleaned.get("program") or getattr(self.instance, "program", None)
        contact = cleaned.get("contact")
        if contact and program and not may_be_wellness_contact(contact, program):
            self.add_error(
                "contact",
                forms.ValidationError(
                    NOT_OUTSIDE.format(name=contact.name), code="not_outside_evaluation"
                ),
            )
        return cleaned


class SupportResourceInline(admin.TabularInline):
    model = SupportResource
    fields = ["title", "url", "description", "order"]
    extra = 1
    # An address typed without a scheme is the institution's https site.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


def monthly_counts_text(program_id: int) -> list[tuple[str, str]]:
    """("March 2027", "6 messages") per month; a month of 1 to 3 says only "fewer than 4"."""
    rows = SupportMessage.objects.filter(program_id=program_id).monthly_counts()
    return [
        (
            formats.date_format(month, "F Y"),
            f"{count} messages"
            if count >= SMALLEST_COUNT_SHOWN
            else f"fewer than {SMALLEST_COUNT_SHOWN}",
        )
        for month, count in rows
    ]


@admin.register(SupportSetup)
class SupportSetupAdmin(admin.ModelAdmin):
    form = SupportSetupForm
    inlines = [SupportResourceInline]
    list_display = ["program", "contact_name", "resource_count"]
    list_filter = [DirectedProgramListFilter]
    list_per_page = ROWS_PER_PAGE
    search_fields = ["program__name", "contact__name"]
    readonly_fields = ["messages_per_month"]
    fields = ["program", "contact", "intro", "messages_per_month"]

    def get_queryset(self, request: HttpRequest):
        return (
            SupportSetup.objects.directed_by(request.user)
            .select_related("program", "contact")
            .annotate(resource_total=Count("resources"))
        )

    def get_readonly_fields(self, request, obj=None):
        # Which program a setup is for never changes once it exists.
        return [*self.readonly_fields, "program"] if obj else self.readonly_fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        directed = Program.objects.directed_by(request.user)
        if db_field.name == "program":
            kwargs["queryset"] = directed
        if db_field.name == "contact":
            # Mentors of the viewer's programs; the form then refuses the directors.
            kwargs["queryset"] = User.objects.filter(
                pk__in=User.objects.filter(mentor_profile__programs__in=directed).values("pk")
            ).order_by("name")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="wellness contact", ordering="contact__name")
    def contact_name(self, obj: SupportSetup) -> str:
        return obj.contact.name if obj.contact else "Not named yet"

    @admin.display(description="resources", ordering="resource_total")
    def resource_count(self, obj: SupportSetup) -> int:
        return obj.resource_total

    @admin.display(description="messages to the contact, per month")
    def messages_per_month(self, obj: SupportSetup) -> str:
        if obj is None or obj.pk is None:
            return "Counts appear here once residents have written."
        rows = monthly_counts_text(obj.program_id)
        if not rows:
            return "No messages yet."
        return format_html(
            "<ul>{}</ul><p>Shown only as a total of {} or more messages a month; who wrote "
            "and what they wrote stay with the wellness contact.</p>",
            format_html_join("", "<li>{}: {}</li>", rows),
            SMALLEST_COUNT_SHOWN,
        )
