from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse

from .admin_allauth import register_allauth_admins
from .admin_site import ROWS_PER_PAGE
from .models import DIRECTORS_GROUP, User
from .services import user_appoint_director, user_remove_director

register_allauth_admins(admin.site)


def programs_directed_by(user: User):
    """The programs `user` directs, every program for a superuser. Program sits above
    accounts (DESIGN.md's layers), so it is reached through Program.directors'
    reverse relation rather than imported."""
    program = User._meta.get_field("directed_programs").related_model
    return program.objects.directed_by(user)


class AppointForm(forms.Form):
    program = forms.ModelChoiceField(
        queryset=None,
        empty_label=None,
        label="Which program will they direct?",
        help_text="Only the programs you direct yourself.",
        error_messages={
            "invalid_choice": "Choose one of the programs you direct.",
            "required": "Choose the program they will direct.",
        },
    )

    def __init__(self, *args, programs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = programs


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
    list_per_page = ROWS_PER_PAGE
    show_full_result_count = False
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
        """Everyone for a superuser; for a director, the people of the programs they
        direct: mentees and mentors there, and those programs' directors."""
        directors = Group.objects.filter(name=DIRECTORS_GROUP, user=OuterRef("pk"))
        people = super().get_queryset(request).annotate(in_directors_group=Exists(directors))
        if request.user.is_superuser:
            return people
        # Three small subqueries over the profiles and the directors' rows, each
        # read once: an OR of the joins would pair every person with their
        # profiles and memberships to find each one. The profiles sit above
        # accounts (DESIGN.md's layers), so they are reached through User's
        # reverse relations rather than imported.
        mine = request.user.directed_programs.values("pk")
        mentees = User._meta.get_field("mentee_profile").related_model.objects
        mentors = User._meta.get_field("mentor_profile").related_model.objects
        directors = User.directed_programs.through.objects
        return people.filter(
            Q(pk__in=mentees.filter(program__in=mine).values("user_id"))
            | Q(pk__in=mentors.filter(programs__in=mine).values("user_id"))
            | Q(pk__in=directors.filter(program__in=mine).values("user_id"))
        )

    def _visible_or_404(self, request: HttpRequest, object_id: str) -> None:
        # The admin would redirect with "doesn't exist"; someone outside your
        # programs is a 404, as a made-up id is.
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404("No such person in your programs.")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._visible_or_404(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._visible_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._visible_or_404(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def user_change_password(self, request, id, form_url=""):
        self._visible_or_404(request, id)
        return super().user_change_password(request, id, form_url)

    def response_action(self, request, queryset):
        # Ids of people outside your programs, in a crafted post, are a 404 too.
        selected = set(request.POST.getlist(ACTION_CHECKBOX_NAME))
        if selected and not request.POST.get("select_across"):
            found = {
                str(pk) for pk in queryset.filter(pk__in=selected).values_list("pk", flat=True)
            }
            if found != selected:
                raise Http404("No such person in your programs.")
        return super().response_action(request, queryset)

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

    @admin.action(
        description="Make the selected people program directors…", permissions=["appoint"]
    )
    def appoint_directors(self, request, queryset):
        programs = programs_directed_by(request.user)
        if not programs.exists():
            self.message_user(
                request,
                "You direct no program yet, so there is none to appoint them to. "
                "A superuser can add you to one.",
                messages.WARNING,
            )
            return None
        form = AppointForm(request.POST if "apply" in request.POST else None, programs=programs)
        if not form.is_valid():
            if form.is_bound:
                messages.error(request, "Nobody was appointed: " + " ".join(form.errors["program"]))
            return TemplateResponse(
                request,
                "admin/accounts/user/appoint_directors.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.opts,
                    "title": "Make these people program directors",
                    "intro": "A program director runs one program in the admin: its mentors, "
                    "mentees, requests and pairings. They become staff, and turn on two-step "
                    "verification the first time they open the admin.",
                    "queryset": queryset,
                    "form": form,
                    "action": "appoint_directors",
                    "button": f"Make {queryset[0].name} a program director"
                    if len(queryset) == 1
                    else "Make them program directors",
                    "action_checkbox_name": ACTION_CHECKBOX_NAME,
                },
            )
        program = form.cleaned_data["program"]
        people = list(queryset)
        for user in people:
            user_appoint_director(user=user, program=program, by=request.user)
            self.log_change(request, user, f"Made a program director of {program}.")
        self.message_user(
            request,
            f"{self._count(people)} now {'directs' if len(people) == 1 else 'direct'} "
            f"{program}. They turn on two-step verification the first time they open the admin.",
            messages.SUCCESS,
        )
        return None

    @admin.action(description="Remove the program director role", permissions=["appoint"])
    def remove_directors(self, request, queryset):
        removed, tried = [], False
        for user in queryset:
            if user == request.user:
                self.message_user(
                    request,
                    "You can't remove your own director role; ask another director.",
                    messages.WARNING,
                )
                continue
            tried = True
            was_staff = user.is_staff
            left = user_remove_director(user=user, by=request.user)
            dropped = was_staff and not user.is_staff
            if not (left or dropped):
                continue
            said = []
            if left:
                said.append(f"No longer a program director of {', '.join(map(str, left))}.")
            if dropped:
                said.append("Directs no program any more: no longer staff.")
            self.log_change(request, user, " ".join(said))
            removed.append(user)
        if removed:
            self.message_user(
                request,
                f"{self._count(removed)} no longer {'directs' if len(removed) == 1 else 'direct'} "
                "your programs. Anyone who directs no program any more has left the admin.",
                messages.SUCCESS,
            )
        elif tried:
            self.message_user(
                request, "None of them directs one of your programs.", messages.WARNING
            )

    @staticmethod
    def _count(people: list) -> str:
        return people[0].name if len(people) == 1 else f"{len(people)} people"
