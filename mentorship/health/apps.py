from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "mentorship.health"
    label = "health"
    verbose_name = "Program health"
