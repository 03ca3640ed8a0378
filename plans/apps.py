from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("แผนและการเชื่อมโยงแผน")

    def ready(self):
        # Register the Celery tasks in every process: services send them by name.
        from . import tasks  # noqa: F401
