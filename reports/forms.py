from django import forms
from django.utils.translation import gettext_lazy as _

from common.thai import current_fiscal_year
from common.validators import validate_be_year
from councils.models import Province

from .choices import ReportScope


class ReportRequestForm(forms.Form):
    fiscal_year = forms.IntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"),
        validators=[validate_be_year],
        error_messages={"required": _("กรุณาระบุปีงบประมาณ"), "invalid": _("ปีงบประมาณต้องเป็นตัวเลข เช่น 2569")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    scope = forms.ChoiceField(
        label=_("ขอบเขต"),
        choices=ReportScope.choices,
        error_messages={"required": _("กรุณาเลือกขอบเขต"), "invalid_choice": _("ขอบเขตไม่ถูกต้อง")},
    )
    province = forms.ModelChoiceField(
        label=_("จังหวัด"),
        queryset=Province.objects.none(),
        required=False,
        empty_label=_("— เลือกจังหวัด —"),
        error_messages={"invalid_choice": _("ไม่พบจังหวัดที่เลือก หรืออยู่นอกพื้นที่ที่คุณรับผิดชอบ")},
    )

    def __init__(self, *args, provinces=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces if provinces is not None else Province.objects.all()
        self.fields["fiscal_year"].initial = current_fiscal_year()

    def clean(self):
        data = super().clean()
        if data.get("scope") == ReportScope.PROVINCE and not data.get("province"):
            self.add_error("province", _("กรุณาเลือกจังหวัดสำหรับรายงานระดับจังหวัด"))
        return data
