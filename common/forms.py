"""Putting a service's ValidationError onto the form that called it, the admin's forms that
run the services' own checks, and the one date field every form uses (Buddhist-era years)."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .thai import Era, ThaiDateError, format_date, parse_date


def add_service_errors(form, error: ValidationError) -> None:
    """Each message goes next to the field it names; one naming no field of the form (or no
    field at all) goes above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ServiceCheckedModelForm(forms.ModelForm):
    """A ModelForm (for the admin) that, once Django built and cleaned the instance, runs the
    same checks the app's services run (``service_check(form)``), so a record saved in the
    admin meets the rules a record saved through the pages does."""

    def service_check(self) -> None:
        raise NotImplementedError

    def _post_clean(self):
        super()._post_clean()
        if not self.errors:
            try:
                self.service_check()
            except ValidationError as error:
                self._update_errors(error)


class BEDateInput(forms.TextInput):
    """A date as people in Thailand write it: dd/mm/BBBB in the Buddhist era ("15/03/2568").
    A plain text input, never the browser's own (Christian-era) date picker; the portal's
    picker (static/js/be-date.js, loaded on every page) finds it by ``data-be-date`` and adds
    a calendar of Thai months and BE years beside it. Without JavaScript it is typed."""

    def __init__(self, attrs=None):
        defaults = {
            "data-be-date": "",
            "placeholder": _("วว/ดด/ปปปป เช่น 15/03/2568"),
            "autocomplete": "off",
            "size": 14,
        }
        super().__init__(attrs={**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return format_date(value, Era.BE)
        return super().format_value(value)


class BEHiddenDateInput(forms.HiddenInput):
    """A date kept in a hidden input (the initial value Django sends back to tell whether
    a field changed) in the same dd/mm/BBBB form, so the field reads it back."""

    format_value = BEDateInput.format_value


class BEDateField(forms.DateField):
    """A form date typed in the Buddhist era: 15/03/2568, ๑๕/๐๓/๒๕๖๘, 15 มี.ค. 2568,
    15 มีนาคม 2568 (common.thai.parse_date, the parser the imports use). A Christian-era or
    two-digit year is refused with a Thai message. Cleans to a ``datetime.date`` (CE)."""

    widget = BEDateInput
    hidden_widget = BEHiddenDateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(str(value), era=Era.BE)
        except ThaiDateError as error:
            raise ValidationError(error.message, code="invalid") from None
