from django.apps import AppConfig


class InvitationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "mentorship.invitations"
    label = "invitations"
    verbose_name = "Invitations"

    def ready(self):
        from . import signals  # noqa: F401  (a first sign-in counts as joining)
