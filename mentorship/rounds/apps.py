from django.apps import AppConfig


class RoundsConfig(AppConfig):
    name = "mentorship.rounds"
    label = "rounds"
    verbose_name = "Match Day"
