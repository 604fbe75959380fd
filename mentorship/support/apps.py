from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "mentorship.support"
    label = "support"
    verbose_name = "Support"
