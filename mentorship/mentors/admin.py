from django.contrib import admin, messages
from django.http import HttpRequest

from mentorship.programs.admin import DirectedProgramListFilter
from mentorship.programs.models import Program

from .models import MentorProfile
from .services import mentor_approve, mentor_unapprove


class MentorProgramListFilter(DirectedProgramListFilter):
    program_lookup = "programs"


class ApprovedListFilter(admin.SimpleListFilter):
    title = "approved"
    parameter_name = "approved"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(approved_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(approved_at__isnull=True)
        return queryset


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "email",
        "title",
        "program_names",
        "capacity",
        "accepting_new",
        "approved",
        "approved_by",
        "approved_at",
    ]
    list_filter = [MentorProgramListFilter, ApprovedListFilter, "accepting_new"]
    search_fields = ["user__name", "user__email", "title", "division"]
    actions = ["approve", "unapprove"]
    raw_id_fields = ["user"]
    filter_horizontal = ["programs", "interests"]
    readonly_fields = ["approved_at", "approved_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["user", "programs", "title", "division", "interests"]}),
        ("Availability", {"fields": ["capacity", "accepting_new"]}),
        ("Meets", {"fields": ["meets_in_person", "meets_by_video", "meets_by_phone"]}),
        (
            "Roles in which they evaluate residents",
            {"fields": ["is_ccc_member", "is_program_director", "is_associate_program_director"]},
        ),
        ("Prompts", {"fields": MentorProfile.PROMPTS}),
        ("Directory", {"fields": ["approved_at", "approved_by", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request: HttpRequest):
        return (
            MentorProfile.objects.directed_by(request.user)
            .select_related("user", "approved_by")
            .prefetch_related("programs")
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "programs":
            kwargs["queryset"] = Program.objects.directed_by(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        # The form offers only the director's programs; keep the mentor's others.
        others = []
        if change and not request.user.is_superuser:
            directed = Program.objects.directed_by(request.user).values("pk")
            others = list(form.instance.programs.exclude(pk__in=directed))
        super().save_related(request, form, formsets, change)
        form.instance.programs.add(*others)

    @admin.display(description="name", ordering="user__name")
    def name(self, obj: MentorProfile) -> str:
        return obj.user.name

    @admin.display(description="e-mail", ordering="user__email")
    def email(self, obj: MentorProfile) -> str:
        return obj.user.email

    @admin.display(description="programs")
    def program_names(self, obj: MentorProfile) -> str:
        return ", ".join(program.name for program in obj.programs.all())

    @admin.display(description="approved", boolean=True, ordering="approved_at")
    def approved(self, obj: MentorProfile) -> bool:
        return obj.is_approved

    @admin.action(description="Approve selected mentors", permissions=["change"])
    def approve(self, request, queryset):
        count = 0
        for profile in queryset:
            mentor_approve(profile=profile, by=request.user)
            self.log_change(request, profile, "Approved for the mentor directory.")
            count += 1
        self.message_user(
            request,
            f"Approved {count} {'mentor' if count == 1 else 'mentors'}: "
            "they now appear in the directory of their programs.",
            messages.SUCCESS,
        )

    @admin.action(description="Take selected mentors out of the directory", permissions=["change"])
    def unapprove(self, request, queryset):
        count = 0
        for profile in queryset:
            mentor_unapprove(profile=profile, by=request.user)
            self.log_change(request, profile, "Taken out of the mentor directory.")
            count += 1
        self.message_user(
            request,
            f"Took {count} {'mentor' if count == 1 else 'mentors'} out of the directory; "
            "their current mentees are not affected.",
            messages.SUCCESS,
        )
