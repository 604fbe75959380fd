from django.contrib import admin
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.programs.admin import DirectedProgramListFilter
from mentorship.programs.models import Program
from mentorship.years.admin import PersonLevelListFilter, PersonYearListFilter, level_this_year
from mentorship.years.models import Level
from mentorship.years.services import appointment_set

from .models import MenteeProfile


@admin.register(MenteeProfile)
class MenteeProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "program_name", "level_now", "updated_at"]
    list_filter = [DirectedProgramListFilter, PersonYearListFilter, PersonLevelListFilter]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    search_fields = ["user__name", "user__email"]
    raw_id_fields = ["user"]
    filter_horizontal = ["interests"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["user", "program", "training_level", "start_year", "interests"]}),
        ("Prompts", {"fields": MenteeProfile.PROMPTS}),
        ("Dates", {"fields": ["created_at", "updated_at"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Whose profile it is never changes once it exists (nor anywhere else).
        return [*self.readonly_fields, "user"] if obj else self.readonly_fields

    def get_queryset(self, request: HttpRequest):
        # The person is joined (the list is sorted by name); the program's name is
        # a subquery, read for the page's rows only.
        program = Program.objects.filter(pk=OuterRef("program_id")).order_by()
        return (
            MenteeProfile.objects.directed_by(request.user)
            .select_related("user")
            .annotate(
                program_name=Subquery(program.values("name")),
                level_now=level_this_year(),
            )
        )

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            # The level set here is this year's appointment in the program.
            appointment_set(user=obj.user, program=obj.program, level=obj.training_level)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "program":
            kwargs["queryset"] = Program.objects.directed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="name", ordering="user__name")
    def name(self, obj: MenteeProfile) -> str:
        return obj.user.name

    @admin.display(description="e-mail", ordering="user__email")
    def email(self, obj: MenteeProfile) -> str:
        return obj.user.email

    @admin.display(description="program", ordering="program__name")
    def program_name(self, obj: MenteeProfile) -> str:
        return obj.program_name

    @admin.display(description="level this year", ordering="level_now")
    def level_now(self, obj: MenteeProfile) -> str:
        """This year's appointment; what the mentee typed when there is none yet."""
        if obj.level_now:
            return Level(obj.level_now).label
        return f"{obj.get_training_level_display()} (as typed)"
