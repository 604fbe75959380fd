from django.apps import AppConfig


class MenteesConfig(AppConfig):
    name = "mentorship.mentees"
    label = "mentees"
    verbose_name = "Mentees"
