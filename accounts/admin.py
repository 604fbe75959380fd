from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from django.http import HttpRequest

from .admin_allauth import register_allauth_admins
from .models import DIRECTORS_GROUP, User
from .services import user_appoint_director, user_remove_director

register_allauth_admins(admin.site)


class DirectorListFilter(admin.SimpleListFilter):
    title = "program director"
    parameter_name = "director"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(in_directors_group=True, is_staff=True)
        if self.value() == "no":
            return queryset.exclude(in_directors_group=True, is_staff=True)
        return queryset


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = [
        "email",
        "name",
        "is_mentee",
        "is_mentor",
        "director",
        "is_active",
        "last_login",
    ]
    list_filter = [DirectorListFilter, "is_mentee", "is_mentor", "is_active", "is_superuser"]
    search_fields = ["email", "name"]
    ordering = ["name", "email"]
    actions = ["appoint_directors", "remove_directors"]
    readonly_fields = ["last_login", "date_joined", "onboarded_at"]
    fieldsets = [
        (None, {"fields": ["email", "name", "password"]}),
        ("Roles", {"fields": ["is_mentee", "is_mentor", "onboarded_at"]}),
        (
            "Permissions",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]}),
    ]

    def get_queryset(self, request: HttpRequest):
        directors = Group.objects.filter(name=DIRECTORS_GROUP, user=OuterRef("pk"))
        return super().get_queryset(request).annotate(in_directors_group=Exists(directors))

    def get_readonly_fields(self, request, obj=None):
        # Only superusers hand out superuser status and raw permissions;
        # directors appoint other directors through the actions below.
        if request.user.is_superuser:
            return self.readonly_fields
        return [*self.readonly_fields, "is_staff", "is_superuser", "groups", "user_permissions"]

    @admin.display(boolean=True, description="director", ordering="in_directors_group")
    def director(self, obj: User) -> bool:
        return obj.is_staff and obj.in_directors_group

    def has_appoint_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("accounts.appoint_director")

    @admin.action(description="Make the selected people program directors", permissions=["appoint"])
    def appoint_directors(self, request, queryset):
        count = 0
        for user in queryset:
            user_appoint_director(user=user, by=request.user)
            self.log_change(request, user, "Made a program director.")
            count += 1
        self.message_user(
            request,
            f"{count} {'person is' if count == 1 else 'people are'} now program directors. "
            "They turn on two-step verification the first time they open the admin.",
            messages.SUCCESS,
        )

    @admin.action(description="Remove the program director role", permissions=["appoint"])
    def remove_directors(self, request, queryset):
        removed = 0
        for user in queryset:
            if user == request.user:
                self.message_user(
                    request,
                    "You can't remove your own director role; ask another director.",
                    messages.WARNING,
                )
                continue
            user_remove_director(user=user, by=request.user)
            self.log_change(request, user, "Removed the program director role.")
            removed += 1
        if removed:
            self.message_user(
                request, f"Removed the director role from {removed}.", messages.SUCCESS
            )
