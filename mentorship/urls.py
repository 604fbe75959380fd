from django.contrib import admin
from django.urls import include, path

from accounts.two_step import activate_totp
from accounts.views import favicon

urlpatterns = [
    path("", include("mentorship.dashboard.urls")),
    path("", include("accounts.urls")),
    path("mentors/", include("mentorship.mentors.urls")),
    path("mentees/", include("mentorship.mentees.urls")),
    path("join/", include("mentorship.invitations.urls")),
    path("support/", include("mentorship.support.urls")),
    path("", include("mentorship.pairings.urls")),
    path("", include("mentorship.meetings.urls")),
    path("", include("mentorship.rounds.urls")),
    path("", include("mentorship.rollover.urls")),
    path("", include("mentorship.checkins.urls")),
    path("", include("mentorship.health.urls")),
    # allauth's page to add an authenticator app, landing back in the admin after.
    path("accounts/2fa/totp/activate/", activate_totp, name="mfa_activate_totp"),
    # allauth: log-in, sign-up, e-mail, password, two-step verification (2fa/)
    # and the list of signed-in sessions (sessions/).
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    path("favicon.ico", favicon, name="favicon"),
]
