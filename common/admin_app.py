"""Django's admin app, listed in INSTALLED_APPS in its place (a module of its own: common's
apps.py keeps one app config)."""

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """The portal's admin site is the default one: every model admin registered on it, and
    its inlines, read and write dates in the Buddhist era, and show them in BE
    (common/admin_dates.py)."""

    default_site = "common.admin_dates.PortalAdminSite"

    def ready(self):
        from .admin_dates import install_be_date_display

        install_be_date_display()
        super().ready()
