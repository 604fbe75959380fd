from django.apps import AppConfig


class PairingsConfig(AppConfig):
    name = "mentorship.pairings"
    label = "pairings"
    verbose_name = "Requests and pairings"
