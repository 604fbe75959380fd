from django.contrib import admin
from django.http import HttpRequest

from mentorship.programs.admin import DirectedProgramListFilter
from mentorship.programs.models import Program

from .models import MenteeProfile


@admin.register(MenteeProfile)
class MenteeProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "program", "training_level", "start_year", "updated_at"]
    list_filter = [DirectedProgramListFilter, "training_level"]
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
        return MenteeProfile.objects.directed_by(request.user).select_related("user", "program")

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
