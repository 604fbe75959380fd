from allauth.account.decorators import secure_admin_login
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .two_step import local_path


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
            target = local_path(request.GET.get("next")) or reverse("admin:index")
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': target})}")
        return secure_admin_login(super().login)(request, extra_context)

    def password_change(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        # One place to change a password, with allauth's checks and notices.
        return redirect("account_change_password")
