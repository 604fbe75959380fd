from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


class PairingsConfig(AppConfig):
    name = "mentorship.pairings"
    label = "pairings"
    verbose_name = "Requests and pairings"

    def ready(self):
        from .mentor_sorting import after_migrate, before_migrate

        # Once per `migrate`: the views are dropped before any migration runs and
        # made again after the last (mentor_sorting.py says why).
        pre_migrate.connect(before_migrate, sender=self, dispatch_uid="pairings_drop_views")
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="pairings_create_views")
