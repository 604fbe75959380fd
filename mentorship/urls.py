from django.contrib import admin
from django.urls import include, path

from accounts.views import favicon

urlpatterns = [
    path("", include("accounts.urls")),
    path("mentors/", include("mentorship.mentors.urls")),
    path("mentees/", include("mentorship.mentees.urls")),
    path("", include("mentorship.pairings.urls")),
    path("", include("mentorship.meetings.urls")),
    # allauth: log-in, sign-up, e-mail, password, two-step verification (2fa/)
    # and the list of signed-in sessions (sessions/).
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    path("favicon.ico", favicon, name="favicon"),
]
