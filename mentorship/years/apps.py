from django.apps import AppConfig


class YearsConfig(AppConfig):
    name = "mentorship.years"
    label = "years"
    verbose_name = "The program year"
