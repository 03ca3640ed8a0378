"""Putting a service's ValidationError onto the form that called it, and the admin's forms
that run the services' own checks."""

from django import forms
from django.core.exceptions import ValidationError


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
