from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    """The ground every app stands on: Thailand's areas (DOPA codes), CODI regions and
    the themes of work. Imports no other portal app."""

    name = "geo"
    verbose_name = _("พื้นที่และประเด็นงาน")
