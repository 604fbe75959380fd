from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "mentorship.dashboard"
    label = "dashboard"
    verbose_name = "Home page"
