from django import forms

from common.thai import current_fiscal_year
from common.validators import validate_be_year
from councils.models import Province

from .choices import ReportScope


class ReportRequestForm(forms.Form):
    fiscal_year = forms.IntegerField(
        label="ปีงบประมาณ (พ.ศ.)",
        validators=[validate_be_year],
        error_messages={"required": "กรุณาระบุปีงบประมาณ", "invalid": "ปีงบประมาณต้องเป็นตัวเลข เช่น 2569"},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    scope = forms.ChoiceField(
        label="ขอบเขต",
        choices=ReportScope.choices,
        error_messages={"required": "กรุณาเลือกขอบเขต", "invalid_choice": "ขอบเขตไม่ถูกต้อง"},
    )
    province = forms.ModelChoiceField(
        label="จังหวัด",
        queryset=Province.objects.none(),
        required=False,
        empty_label="— เลือกจังหวัด —",
        error_messages={"invalid_choice": "ไม่พบจังหวัดที่เลือก หรืออยู่นอกพื้นที่ที่คุณรับผิดชอบ"},
    )

    def __init__(self, *args, provinces=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces if provinces is not None else Province.objects.all()
        self.fields["fiscal_year"].initial = current_fiscal_year()

    def clean(self):
        data = super().clean()
        if data.get("scope") == ReportScope.PROVINCE and not data.get("province"):
            self.add_error("province", "กรุณาเลือกจังหวัดสำหรับรายงานระดับจังหวัด")
        return data
