from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("แผนและการเชื่อมโยงแผน")

    def ready(self):
        # LAO local plan projects become an import kind of the councils import engine.
        from .local_import import register

        register()
        # Register the Celery tasks in every process: services send them by name.
        from . import tasks  # noqa: F401
