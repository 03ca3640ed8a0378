"""Buddhist-era dates in the Django admin, for every model admin and inline at once.

The admin site of the project (``PortalAdminSite``, made the default site by
``common.apps.PortalAdminConfig``) gives every ModelAdmin registered on it, the project's
and the installed packages' alike, and every inline they show, ``BEDatesAdminMixin``:

* a DateField is typed as the portal's forms take it (``common.forms.BEDateField``):
  dd/mm/BBBB, Thai digits too, with the portal's BE picker (static/js/be-date.js), never
  Django's Christian-era calendar;
* an editable DateTimeField is a BE date and a time side by side (``BESplitDateTimeField``).
  Audit timestamps (``auto_now``/``auto_now_add``) are not editable, so they never reach a
  form: the admin shows them read only, in BE like every other date it shows.

``install_be_date_display`` makes the admin show dates (list columns, read-only fields)
with the portal's Thai date helper ("15 มี.ค. 2569"); templates/admin/date_hierarchy.html
turns the years of the date drill-down into BE. tests/common/test_admin_dates.py walks the
registry, so an admin added later cannot slip back to CE dates unnoticed.
"""

from __future__ import annotations

from functools import cache

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers, utils, widgets
from django.contrib.admin.templatetags import admin_list
from django.db import models
from django.utils.translation import gettext_lazy as _

from .forms import BEDateField, BEDateInput, BEHiddenDateInput
from .thai import thai_date

ADMIN_MEDIA = forms.Media(js=["js/be-date.js"], css={"all": ["css/admin-be-date.css"]})


class AdminBEDateInput(BEDateInput):
    """The portal's BE date input inside the admin: the admin's pages do not load the
    portal's base template, so the picker's script and its stylesheet come as the widget's
    media (the admin puts a form's media in the page's head)."""

    media = ADMIN_MEDIA


class AdminBESplitDateTime(widgets.AdminSplitDateTime):
    """Django's admin date-and-time pair with the date part in BE; the time part (and its
    "now" shortcut) is Django's own, a time having no era."""

    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(self, [AdminBEDateInput, widgets.BaseAdminTimeWidget], attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["date_label"] = _("วันที่ (พ.ศ.):")
        context["time_label"] = _("เวลา:")
        return context


class BESplitHiddenDateTime(forms.SplitHiddenDateTimeWidget):
    """The pair in hidden inputs (a field's initial value), the date in BE as it is typed."""

    def __init__(self, attrs=None, **kwargs):
        super().__init__(attrs, **kwargs)
        self.widgets[0] = BEHiddenDateInput(attrs=self.widgets[0].attrs)


class BESplitDateTimeField(forms.SplitDateTimeField):
    """A date (BE, as ``BEDateField`` reads it) and a time, combined in the current time zone."""

    widget = AdminBESplitDateTime
    hidden_widget = BESplitHiddenDateTime
    default_error_messages = {
        "invalid_date": _("กรุณากรอกวันที่ (วว/ดด/ปปปป พ.ศ.)"),
        "invalid_time": _("กรุณากรอกเวลา (ชช:นน)"),
        "incomplete": _("กรุณากรอกทั้งวันที่และเวลา"),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # MultiValueField made its parts optional (the pair as a whole is required or not)
        # and told them the "incomplete" message; the BE date part gets the same.
        date = BEDateField(localize=self.localize, required=False, disabled=self.disabled)
        date.error_messages.setdefault("incomplete", self.error_messages["incomplete"])
        self.fields = (date, self.fields[1])


@cache
def with_be_dates(admin_class: type) -> type:
    """``admin_class`` with BE dates: itself if it has them already, else a subclass of it
    (same name and module) that puts ``BEDatesAdminMixin`` first."""
    if issubclass(admin_class, BEDatesAdminMixin):
        return admin_class
    return type(
        admin_class.__name__,
        (BEDatesAdminMixin, admin_class),
        {"__module__": admin_class.__module__, "__qualname__": admin_class.__qualname__},
    )


class BEDatesAdminMixin:
    """Date fields as BE form fields, in this admin and in each of its inlines."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.choices:
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField):
            return db_field.formfield(**{"form_class": BESplitDateTimeField, "widget": AdminBESplitDateTime, **kwargs})
        if isinstance(db_field, models.DateField):
            return db_field.formfield(**{"form_class": BEDateField, "widget": AdminBEDateInput, **kwargs})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_inlines(self, request, obj):
        return [with_be_dates(inline) for inline in super().get_inlines(request, obj)]


class PortalAdminSite(admin.AdminSite):
    """Django's admin site whose every model admin has BE dates (``BEDatesAdminMixin``)."""

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = with_be_dates(admin_class or admin.ModelAdmin)
        super().register(model_or_iterable, admin_class, **options)


# What the admin shows ------------------------------------------------------------------


def be_display_for_field(value, field, empty_value_display, avoid_link=False):
    """Django's ``display_for_field`` with dates in BE, by the portal's Thai date helper."""
    if not getattr(field, "flatchoices", None) and value not in (None, ""):
        if isinstance(field, models.DateTimeField):
            return thai_date(value, "datetime")
        if isinstance(field, models.DateField):
            return thai_date(value, "medium")
    return _django_display_for_field(value, field, empty_value_display, avoid_link)


_django_display_for_field = utils.display_for_field


def install_be_date_display() -> None:
    """The admin's change list and its read-only fields call ``display_for_field`` by the
    name each of their modules imported; both get the BE one (tests/common/test_admin_dates.py
    renders both, so a Django upgrade that moves the call is noticed)."""
    helpers.display_for_field = be_display_for_field
    admin_list.display_for_field = be_display_for_field
