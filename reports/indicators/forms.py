"""Forms of the indicator pages. Numbers are typed as offices type them: "1,250",
"๑,๒๕๐", "12.5"."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.thai import arabic_digits

from ..choices import AreaLevel
from .models import QUARTER_CHOICES, Indicator


class NumberField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "maxlength": 24})
        )
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:,.2f}".removesuffix(".00")
        return value

    def to_python(self, value):
        text = arabic_digits(super().to_python(value) or "").replace(",", "").replace(" ", "")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError(_("กรุณาพิมพ์ตัวเลข เช่น 1,250 หรือ ๑,๒๕๐")) from None
        if not number.is_finite() or abs(number) >= Decimal("1e12"):
            raise ValidationError(_("ตัวเลขนี้ใหญ่เกินไป"))
        return number.quantize(Decimal("0.01"))


class FiscalYearField(forms.IntegerField):
    def to_python(self, value):
        return super().to_python(arabic_digits(str(value)) if value not in (None, "") else value)

    def validate(self, value):
        super().validate(value)
        if value is not None and not 2500 <= value <= 2700:
            raise ValidationError(_("กรุณาระบุปีงบประมาณเป็นปี พ.ศ. เช่น 2569"))


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["code", "name_th", "description", "kind", "unit", "direction", "level", "periodicity", "aggregation",
                  "theme", "computed", "is_active"]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class TargetForm(forms.Form):
    fiscal_year = FiscalYearField(label=_("ปีงบประมาณ (พ.ศ.)"))
    quarter = forms.TypedChoiceField(label=_("รอบ"), choices=QUARTER_CHOICES, coerce=int)
    level = forms.ChoiceField(label=_("ระดับพื้นที่"), choices=AreaLevel.choices)
    code = forms.CharField(
        label=_("รหัสพื้นที่"), required=False, max_length=6,
        help_text=_("รหัสตำบลของสภา 6 หลัก รหัสอำเภอ 4 หลัก หรือรหัสจังหวัด 2 หลัก เว้นว่างเมื่อเป็นระดับประเทศ"),
    )  # fmt: skip
    value = NumberField(label=_("ค่าเป้าหมาย"))
    text = forms.CharField(label=_("เป้าหมายเชิงคุณภาพ"), required=False, max_length=255)


class ValueForm(forms.Form):
    value = NumberField(label=_("ผลการดำเนินงาน"))
    text = forms.CharField(label=_("ผลเชิงคุณภาพ"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    comment = forms.CharField(label=_("คำอธิบายประกอบ"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("ไฟล์หลักฐาน"), required=False, help_text=_("PDF รูปภาพ XLSX หรือ DOCX ไม่เกิน 10 MB"))
    evidence_link = forms.URLField(label=_("หรือลิงก์หลักฐาน"), required=False, max_length=500, assume_scheme="https")

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator.is_quantitative:
            del self.fields["text"]
            if indicator.unit:
                self.fields["value"].label = _("ผลการดำเนินงาน (%(unit)s)") % {"unit": indicator.unit}
        else:
            del self.fields["value"]


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผลที่ส่งกลับ"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
