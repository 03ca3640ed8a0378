"""The administrator's form of one LAO's key dates for one fiscal year: a date and a note
per kind of key date."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import BEDateField

from ..choices import BudgetDateKind


class BudgetCalendarForm(forms.Form):
    def __init__(self, *args, dates, **kwargs):
        """``dates``: the year's CalendarDate rows (the form starts from them)."""
        super().__init__(*args, **kwargs)
        self.kinds = [d.kind for d in dates]
        for d in dates:
            self.fields[f"date_{d.kind}"] = BEDateField(
                label=BudgetDateKind(d.kind).label,
                initial=d.date,
                error_messages={"required": _("กรุณาระบุวันที่")},
            )
            self.fields[f"note_{d.kind}"] = forms.CharField(
                label=_("หมายเหตุ (%(kind)s)") % {"kind": BudgetDateKind(d.kind).label},
                max_length=255,
                required=False,
                initial=d.note,
            )

    def rows(self):
        """(date field, note field) per kind, for the template."""
        return [(self[f"date_{kind}"], self[f"note_{kind}"]) for kind in self.kinds]

    def dates(self) -> dict:
        return {kind: (self.cleaned_data[f"date_{kind}"], self.cleaned_data[f"note_{kind}"]) for kind in self.kinds}
