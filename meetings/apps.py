from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("การประชุมและเวที")

    def ready(self):
        # A council's dashboard counts its meetings from here (councils can't import us).
        from councils.dashboard import register_dashboard_figures

        from .selectors import council_dashboard_figures

        register_dashboard_figures(council_dashboard_figures)
