from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "councils"
    verbose_name = _("สภาองค์กรชุมชนตำบล")

    def ready(self):
        # Register the Celery tasks in every process: services send them by name.
        from . import tasks  # noqa: F401
