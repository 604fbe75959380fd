from django.apps import AppConfig


class RolloverConfig(AppConfig):
    name = "mentorship.rollover"
    label = "rollover"
    verbose_name = "The year's rollover"
