from django.contrib import admin, messages
from django.db.models import (
    Aggregate,
    Case,
    Exists,
    OuterRef,
    RowRange,
    Subquery,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Concat
from django.http import HttpRequest

from accounts.admin_site import ROWS_PER_PAGE
from mentorship.programs.admin import DirectedProgramListFilter, repeats_a_filter
from mentorship.programs.models import Program

from .models import Membership, MentorProfile
from .services import mentor_approve, mentor_unapprove


class JoinedText(Aggregate):
    """Texts joined with ", ": STRING_AGG on PostgreSQL, GROUP_CONCAT on SQLite."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ', ')"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)


def program_names():
    """Each mentor's programs by name, "(waiting)" after those that have not
    approved them yet, as one text from a subquery: the page's rows only.

    A window over all of the mentor's memberships keeps the names in order on
    both databases (SQLite's GROUP_CONCAT takes no ORDER BY)."""
    label = Concat(
        "program__name",
        Case(When(approved_at__isnull=True, then=Value(" (waiting)")), default=Value("")),
        output_field=TextField(),
    )
    names = Window(JoinedText(label), order_by="program__name", frame=RowRange(None, None))
    rows = Membership.objects.filter(mentor=OuterRef("pk")).order_by().annotate(names=names)
    return Subquery(rows.values("names")[:1])


class MentorProgramListFilter(DirectedProgramListFilter):
    program_lookup = "programs"


class ApprovedListFilter(admin.SimpleListFilter):
    """Approval in the viewer's own programs: each program approves its mentors."""

    title = "approved in your programs"
    parameter_name = "approved"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "Waiting for approval")]

    def queryset(self, request, queryset):
        mine = Membership.objects.directed_by(request.user).filter(mentor=OuterRef("pk"))
        if self.value() == "yes":
            return queryset.filter(Exists(mine.approved()))
        if self.value() == "no":
            return queryset.filter(Exists(mine.waiting()))
        return queryset


class MembershipInline(admin.TabularInline):
    """The mentor's programs you direct, each with its own approval. Approve with
    the list's action; delete a row to take them out of that program."""

    model = Membership
    fields = ["program", "approval"]
    readonly_fields = ["approval"]
    extra = 0
    verbose_name = "program"
    verbose_name_plural = "programs you direct (approve with the list's action)"

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).directed_by(request.user).select_related("approved_by")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "program":
            kwargs["queryset"] = Program.objects.directed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="approval")
    def approval(self, obj: Membership) -> str:
        if obj.pk is None:
            return "Waits for approval once saved"
        if not obj.is_approved:
            return "Waiting for approval"
        by = f" by {obj.approved_by}" if obj.approved_by else ""
        return f"Approved{by} on {obj.approved_at:%Y-%m-%d}"


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "approved",
        "program_names",
        "title",
        "capacity",
        "accepting_new",
        "email",
    ]
    list_filter = [MentorProgramListFilter, ApprovedListFilter, "accepting_new"]
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
    search_fields = ["user__name", "user__email", "title", "division"]
    actions = ["approve", "unapprove"]
    raw_id_fields = ["user"]
    filter_horizontal = ["interests"]
    inlines = [MembershipInline]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["user", "title", "division", "interests"]}),
        ("Availability", {"fields": ["capacity", "accepting_new"]}),
        ("Meets", {"fields": ["meets_in_person", "meets_by_video", "meets_by_phone"]}),
        ("Prompts", {"fields": MentorProfile.PROMPTS}),
        ("Dates", {"fields": ["created_at", "updated_at"]}),
    ]

    def get_list_display(self, request):
        # One program, or one chosen: the approved column says it all.
        if repeats_a_filter(request, "program", program=True):
            return [name for name in self.list_display if name != "program_names"]
        return self.list_display

    def get_readonly_fields(self, request, obj=None):
        # Whose profile it is never changes once it exists (nor anywhere else).
        return [*self.readonly_fields, "user"] if obj else self.readonly_fields

    def get_queryset(self, request: HttpRequest):
        waiting_in_mine = Membership.objects.directed_by(request.user).waiting()
        return (
            MentorProfile.objects.directed_by(request.user)
            .select_related("user")
            .annotate(
                waiting_in_mine=Exists(waiting_in_mine.filter(mentor=OuterRef("pk"))),
                program_names=program_names(),
            )
        )

    @admin.display(description="name", ordering="user__name")
    def name(self, obj: MentorProfile) -> str:
        return obj.user.name

    @admin.display(description="e-mail", ordering="user__email")
    def email(self, obj: MentorProfile) -> str:
        return obj.user.email

    @admin.display(description="programs")
    def program_names(self, obj: MentorProfile) -> str:
        return obj.program_names

    @admin.display(description="approved", boolean=True, ordering="waiting_in_mine")
    def approved(self, obj: MentorProfile) -> bool:
        """Approved in every program of yours they belong to."""
        return not obj.waiting_in_mine

    @admin.action(description="Approve selected mentors in your programs", permissions=["change"])
    def approve(self, request, queryset):
        approved = 0
        for profile in queryset:
            done = mentor_approve(profile=profile, by=request.user)
            if done:
                names = ", ".join(m.program.name for m in done)
                self.log_change(request, profile, f"Approved for the mentor directory of {names}.")
                approved += 1
        if approved:
            self.message_user(
                request,
                f"Approved {approved} {'mentor' if approved == 1 else 'mentors'}: they now "
                "appear in the directory of your programs, and each has an e-mail saying so.",
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                "Nobody was waiting for your approval among the mentors you chose.",
                messages.WARNING,
            )

    @admin.action(
        description="Take selected mentors out of your programs' directory",
        permissions=["change"],
    )
    def unapprove(self, request, queryset):
        count = 0
        for profile in queryset:
            done = mentor_unapprove(profile=profile, by=request.user)
            if done:
                names = ", ".join(m.program.name for m in done)
                self.log_change(request, profile, f"Taken out of the mentor directory of {names}.")
                count += 1
        self.message_user(
            request,
            f"Took {count} {'mentor' if count == 1 else 'mentors'} out of your programs' "
            "directory; their other programs and their current mentees are not affected.",
            messages.SUCCESS,
        )
