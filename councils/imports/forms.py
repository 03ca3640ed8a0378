"""The upload form of the import page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..choices import ImportKind


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("ข้อมูลที่จะนำเข้า"),
        choices=[("", _("— เลือก —")), *ImportKind.choices],
        error_messages={"required": _("กรุณาเลือกประเภทข้อมูลที่จะนำเข้า"),
                        "invalid_choice": _("กรุณาเลือกประเภทข้อมูลที่จะนำเข้า")},
    )
    file = forms.FileField(
        label=_("ไฟล์ Excel (.xlsx) หรือ CSV"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
        help_text=_("ไม่เกิน 50 MB แถวแรกต้องเป็นหัวตารางตามแบบฟอร์ม"),
        error_messages={"required": _("กรุณาเลือกไฟล์ที่จะนำเข้า"), "empty": _("ไฟล์ว่างเปล่า ไม่มีข้อมูล")},
    )
