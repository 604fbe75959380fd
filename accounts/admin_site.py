from functools import wraps

from allauth.account.decorators import secure_admin_login
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from mentorship.redirects import local_path

# Rows on one changelist page: what a director reads at once, and a page that
# costs the same for a department of 300 mentors as for a society of 3,000.
# Every changelist also leaves out Django's second count, of everything the
# director may see (show_full_result_count = False); the one count left is of
# the rows the filters chose, which the pages need.
ROWS_PER_PAGE = 50


class ChangeListWithoutJoins(ChangeList):
    """A changelist whose page leaves out the select_related() of get_queryset().

    There it joins what one row's own pages show (its people, its program);
    the list reads those names from subqueries instead, for the page's rows
    only: the joins would pair every row of the program with its people before
    the LIMIT. The admin's actions still get the joined rows."""

    def get_results(self, request):
        self.queryset = self.queryset.select_related(None)
        super().get_results(request)


class MentorshipAdminSite(admin.AdminSite):
    """The admin for program directors.

    Its log-in is allauth's (same rate limits, same second step), and staff
    reach it only once they have turned on two-step verification: the admin
    shows every pairing of a program.
    """

    site_header = "Mentorship program administration"
    site_title = "Mentorship admin"
    index_title = "Your programs"
    # The columns a director needs fit 1280 px: the app list is one click away.
    enable_nav_sidebar = False

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_mfa_enabled(request.user)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff and not is_mfa_enabled(user):
            messages.info(
                request,
                "Program directors turn on two-step verification before opening the "
                "admin, because it shows every pairing in your program. It takes a "
                "minute with an authenticator app.",
            )
            target = local_path(request, request.GET.get("next")) or reverse("admin:index")
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': target})}")
        return secure_admin_login(super().login)(request, extra_context)

    def password_change(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        # One place to change a password, with allauth's checks and notices.
        return redirect("account_change_password")

    def admin_view(self, view, cacheable=False):
        model_admin = getattr(view, "__self__", None)
        if isinstance(model_admin, admin.ModelAdmin):
            view = _refusing_rows_that_are_not_ids(view, model_admin.model)
        return super().admin_view(view, cacheable)


def _refusing_rows_that_are_not_ids(view, model):
    """An action's selected rows must be ids: Django filters `pk__in` with them as
    they come, and "x" there is a ValueError, a server error. They are a 404, like
    any row that isn't yours."""
    pk = model._meta.pk

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
                try:
                    pk.get_prep_value(pk.to_python(value))
                except (ValidationError, ValueError, TypeError):
                    raise Http404("No such rows.") from None
        return view(request, *args, **kwargs)

    return checked
