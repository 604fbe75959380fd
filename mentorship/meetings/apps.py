from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "mentorship.meetings"
    label = "meetings"
    verbose_name = "Meetings and commitments"
