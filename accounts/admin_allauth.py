"""allauth's own admin pages, searching by what our User has.

allauth's admins search `user__username` (and its adapter looks for first and
last names); our User has only an e-mail address and a name, so a search there
was a server error. Same pages otherwise; directors' access is unchanged (they
hold none of these permissions).
"""

from allauth.account.admin import EmailAddressAdmin as BaseEmailAddressAdmin
from allauth.account.models import EmailAddress
from allauth.mfa.admin import AuthenticatorAdmin as BaseAuthenticatorAdmin
from allauth.mfa.models import Authenticator
from allauth.usersessions.admin import UserSessionAdmin as BaseUserSessionAdmin
from allauth.usersessions.models import UserSession
from django.contrib import admin

PERSON_SEARCH = ["user__email", "user__name"]


class EmailAddressAdmin(BaseEmailAddressAdmin):
    search_fields = ["email", *PERSON_SEARCH]
    list_select_related = ["user"]

    def get_search_fields(self, request):
        # allauth's version asks its adapter for username, first and last names.
        return self.search_fields


class AuthenticatorAdmin(BaseAuthenticatorAdmin):
    search_fields = PERSON_SEARCH
    list_select_related = ["user"]


class UserSessionAdmin(BaseUserSessionAdmin):
    search_fields = [*PERSON_SEARCH, "ip"]
    list_select_related = ["user"]


def register_allauth_admins(site: admin.AdminSite) -> None:
    """Put these in place of allauth's registrations (its apps come first in
    INSTALLED_APPS, so their admin modules have run by now)."""
    for model, model_admin in [
        (EmailAddress, EmailAddressAdmin),
        (Authenticator, AuthenticatorAdmin),
        (UserSession, UserSessionAdmin),
    ]:
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, model_admin)
