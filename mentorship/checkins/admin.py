"""Check-ins in the admin: a program's own questions beside the built-in ones (which
stay as they are), the "check in" tasks, and who was asked what and when.

Answers have no admin at all: a director reads them only as the period page
(/director/checkins/<id>/) shows them, as totals or where a question says by name.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.programs.admin import DirectedProgramListFilter
from mentorship.programs.models import Program

from .models import MAX_QUESTIONS, Asks, Audience, Checkin, FollowUp, Format, Question
from .services import CheckinError, follow_up_done

SIDES = {"mentee": "mentees", "mentor": "mentors"}


class QuestionProgramListFilter(DirectedProgramListFilter):
    """The programs the viewer directs, and the built-in questions every program asks."""

    def lookups(self, request, model_admin):
        return [("built_in", "Every program (built in)"), *super().lookups(request, model_admin)]

    def queryset(self, request, queryset):
        if self.value() == "built_in":
            return queryset.filter(program__isnull=True)
        return super().queryset(request, queryset)


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "program",
            "kind",
            "text",
            "hint",
            "format",
            "audience",
            "asks",
            "required",
            "order",
            "active",
            "key",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "program" in self.fields:
            self.fields["program"].required = True
            self.fields[
                "program"
            ].help_text = "The program that asks it. The questions every program asks are built in."

    def clean(self):
        data = super().clean()
        # A question's program, kind, format, audience and side are fixed once made.
        fixed = {
            name: data[name] if name in data else getattr(self.instance, name, None)
            for name in ("format", "audience", "kind", "asks")
        }
        if fixed["format"] == Format.TEXT and fixed["audience"] == Audience.TOTAL:
            self.add_error(
                "audience",
                forms.ValidationError(
                    "Answers in words can't be added up into a total, and one person's "
                    "words could tell who wrote them: choose who reads them by name.",
                    code="text_total",
                ),
            )
        # Only what reaches someone: a program's own question is read by the director
        # (by name or as a total), or, as a yes or no, tells the wellness contact.
        # Nothing delivers a program's own words to the partner or the contact.
        if fixed["audience"] == Audience.PARTNER or (
            fixed["audience"] == Audience.WELLNESS and fixed["format"] != Format.YES_NO
        ):
            self.add_error(
                "audience",
                forms.ValidationError(
                    "A program's own question goes to you, by name or as a total; only a "
                    "yes or no question can go to the wellness contact (a yes lets them "
                    "know to reach out).",
                    code="audience_unread",
                ),
            )
        program = data.get("program", self.instance.program)
        if program and fixed["kind"] and data.get("active"):
            self._check_room(program, fixed["kind"], fixed["asks"] or Asks.MENTEE)
        return data

    def _check_room(self, program: Program, kind: str, asks: str) -> None:
        """At most MAX_QUESTIONS a check-in, counting the built-in ones put to the same side."""
        others = Question.objects.for_program(program.pk, kind)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        others = list(others)
        for side, people in SIDES.items():
            if asks not in (Asks.BOTH, side):
                continue
            asked = [q for q in others if q.asked_of(side)]
            if len(asked) >= MAX_QUESTIONS:
                built_in = sum(1 for q in asked if q.program_id is None)
                kind_label = dict(Question._meta.get_field("kind").choices)[kind]
                raise forms.ValidationError(
                    f"The {kind_label.lower()} already asks {people} {len(asked)} questions "
                    f"({built_in} built in, {len(asked) - built_in} of {program}'s own): "
                    f"{MAX_QUESTIONS} is the most a check-in asks, so it stays about three "
                    "minutes. Turn one of the program's questions off first.",
                    code="too_many",
                )


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    form = QuestionForm
    list_display = [
        "text",
        "kind",
        "program_shown",
        "format",
        "audience_shown",
        "asks",
        "required",
        "active",
        "order",
    ]
    list_filter = [QuestionProgramListFilter, "kind", "audience", "active"]
    search_fields = ["text", "key"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    ordering = ["kind", "program", "order", "pk"]

    def get_queryset(self, request: HttpRequest):
        directed = Program.objects.directed_by(request.user).values("pk")
        return Question.objects.filter(
            Q(program__isnull=True) | Q(program__in=directed)
        ).select_related("program")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "program":
            kwargs["queryset"] = Program.objects.directed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            # Its answers were given under these words and this promise of who reads them.
            return ["program", "kind", "format", "audience", "asks", "key"]
        return []

    def has_change_permission(self, request, obj=None):
        """The built-in questions stay as they are, so one year's totals compare with
        the last; a program changes its own."""
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.program_id is not None)

    def has_delete_permission(self, request, obj=None):
        """A program's own question, until someone answers it; then turn it off."""
        allowed = super().has_delete_permission(request, obj)
        if obj is None:
            return allowed
        return allowed and obj.program_id is not None and not obj.answers.exists()

    def get_actions(self, request):
        return {}  # no bulk delete: a question with answers stays, turned off

    @admin.display(description="program", ordering="program__name")
    def program_shown(self, obj: Question) -> str:
        return obj.program.name if obj.program else "Every program (built in)"

    @admin.display(description="who sees the answer", ordering="audience")
    def audience_shown(self, obj: Question) -> str:
        return {
            Audience.PARTNER: "The mentor or mentee",
            Audience.DIRECTOR: "The director, by name",
            Audience.TOTAL: "The director, as a total",
            Audience.WELLNESS: "The wellness contact",
        }.get(obj.audience, obj.audience)


class DoneListFilter(admin.SimpleListFilter):
    title = "done"
    parameter_name = "done"

    def lookups(self, request, model_admin):
        return [("no", "Waiting for a director"), ("yes", "Done")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.open()
        if self.value() == "yes":
            return queryset.filter(done_at__isnull=False)
        return queryset


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["done_note"]
        help_texts = {
            "done_note": "A few words on what you did; saving with them marks this task "
            "done. Never what anyone answered."
        }


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    form = FollowUpForm
    list_display = [
        "pairing_link",
        "reason",
        "detail",
        "created_at",
        "done_shown",
        "done_by_name",
        "done_note",
    ]
    list_filter = [DirectedProgramListFilter, DoneListFilter, "reason"]
    search_fields = ["pairing__mentor__user__name", "pairing__mentee__user__name"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    actions = ["mark_done"]
    readonly_fields = ["pairing_link", "reason", "detail", "created_at", "done_at", "done_by_name"]

    def get_queryset(self, request: HttpRequest):
        return FollowUp.objects.directed_by(request.user).select_related(
            "pairing__mentor__user", "pairing__mentee__user", "done_by"
        )

    def get_fields(self, request, obj=None):
        return [*self.readonly_fields, "done_note"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.done_at is not None:
            return [*self.readonly_fields, "done_note"]
        return self.readonly_fields

    def has_add_permission(self, request):
        return False  # check-ins raise them

    def has_delete_permission(self, request, obj=None):
        return False  # what was done stays on record

    def save_model(self, request, obj, form, change):
        # The service marks it done (who, when, checks); the form carried the note.
        # Saved without a word, it stays as it was, waiting (the action marks it done
        # without one).
        if not form.cleaned_data.get("done_note", "").strip():
            return
        try:
            follow_up_done(follow_up=obj, by=request.user, note=form.cleaned_data["done_note"])
        except CheckinError as error:
            self.message_user(request, error.message, messages.ERROR)

    @admin.action(description="Mark the chosen tasks done", permissions=["change"])
    def mark_done(self, request, queryset):
        done = 0
        for follow_up in queryset.open():
            follow_up_done(follow_up=follow_up, by=request.user)
            done += 1
        self.message_user(request, f"Marked {done} task{'s' if done != 1 else ''} done.")

    @admin.display(description="pairing")
    def pairing_link(self, obj: FollowUp) -> str:
        url = reverse("admin:pairings_pairing_change", args=[obj.pairing_id])
        return format_html(
            '<a href="{}">{} and {}</a>', url, obj.pairing.mentor.user, obj.pairing.mentee.user
        )

    @admin.display(description="done", ordering="done_at", boolean=True)
    def done_shown(self, obj: FollowUp) -> bool:
        return obj.done_at is not None

    @admin.display(description="done by", ordering="done_by__name")
    def done_by_name(self, obj: FollowUp) -> str:
        return obj.done_by.name if obj.done_by else ""


@admin.register(Checkin)
class CheckinAdmin(admin.ModelAdmin):
    """Who was asked, for which period, and whether they answered: never what."""

    list_display = [
        "person_name",
        "program",
        "kind",
        "period",
        "status",
        "opened_on",
        "closes_on",
        "answered_at",
    ]
    list_filter = [DirectedProgramListFilter, "kind", "status"]
    search_fields = ["person__name", "person__email", "period"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    fields = [
        "person_name",
        "program",
        "pairing",
        "side",
        "kind",
        "period",
        "level",
        "mentor_kind",
        "status",
        "opened_on",
        "closes_on",
        "reminders_sent",
        "last_reminded_on",
        "answered_at",
        "closed_at",
    ]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest):
        return Checkin.objects.directed_by(request.user).select_related(
            "person", "program", "pairing__mentor__user", "pairing__mentee__user"
        )

    def has_add_permission(self, request):
        return False  # the daily task sends them

    def has_change_permission(self, request, obj=None):
        return False  # a record of who was asked

    def has_delete_permission(self, request, obj=None):
        return False  # its answers go with it, and the year's totals with them

    @admin.display(description="person", ordering="person__name")
    def person_name(self, obj: Checkin) -> str:
        return obj.person.name
