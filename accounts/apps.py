from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "People and roles"

    def ready(self) -> None:
        from mentorship import lookups

        from .roles import ensure_directors_group

        lookups.register()

        # Permissions only exist after migrate, so the group is kept in step then,
        # after each app's permissions are created.
        post_migrate.connect(ensure_directors_group, dispatch_uid="ensure_directors_group")


class MentorshipAdminConfig(admin_apps.AdminConfig):
    """The Django admin, with log-in through allauth and MFA required."""

    default = False
    default_site = "accounts.admin_site.MentorshipAdminSite"
