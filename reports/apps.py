from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("รายงาน")

    def ready(self):
        # Register the Celery tasks in every process: services send them by name.
        from . import tasks  # noqa: F401

        # Published indicators join the public dashboard's map measures.
        from .indicators import measures

        measures.register()
