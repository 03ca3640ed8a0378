from django import forms
from django.utils.translation import gettext_lazy as _

from common.thai import current_fiscal_year
from common.validators import validate_be_year
from geo.models import District, Province, Region

from .choices import ReportKind, ReportScope
from .models import ReportNarrative

QUARTER_CHOICES = [
    ("", _("— ไม่ระบุ (รายงานประจำปี) —")),
    (1, _("ไตรมาส 1 (ต.ค.–ธ.ค.)")),
    (2, _("ไตรมาส 2 (ม.ค.–มี.ค.)")),
    (3, _("ไตรมาส 3 (เม.ย.–มิ.ย.)")),
    (4, _("ไตรมาส 4 (ก.ค.–ก.ย.)")),
]
_OUTSIDE = _("ไม่พบ%(what)sที่เลือก หรืออยู่นอกพื้นที่ที่คุณรับผิดชอบ")


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("ประเภทรายงาน"),
        choices=ReportKind.choices,
        initial=ReportKind.ANNUAL,
        required=False,
        error_messages={"invalid_choice": _("ประเภทรายงานไม่ถูกต้อง")},
    )
    fiscal_year = forms.IntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"),
        validators=[validate_be_year],
        error_messages={"required": _("กรุณาระบุปีงบประมาณ"), "invalid": _("ปีงบประมาณต้องเป็นตัวเลข เช่น 2569")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    quarter = forms.TypedChoiceField(
        label=_("ไตรมาส"),
        choices=QUARTER_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("ใช้กับรายงานรายไตรมาสเท่านั้น"),
        error_messages={"invalid_choice": _("ไตรมาสต้องเป็น 1 ถึง 4")},
    )
    scope = forms.ChoiceField(
        label=_("ขอบเขต"),
        choices=ReportScope.choices,
        error_messages={"required": _("กรุณาเลือกขอบเขต"), "invalid_choice": _("ขอบเขตไม่ถูกต้อง")},
    )
    region = forms.ModelChoiceField(
        label=_("ภาค"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("— เลือกภาค —"),
        error_messages={"invalid_choice": _OUTSIDE % {"what": _("ภาค")}},
    )
    province = forms.ModelChoiceField(
        label=_("จังหวัด"),
        queryset=Province.objects.none(),
        required=False,
        empty_label=_("— เลือกจังหวัด —"),
        error_messages={"invalid_choice": _("ไม่พบจังหวัดที่เลือก หรืออยู่นอกพื้นที่ที่คุณรับผิดชอบ")},
    )
    district = forms.ModelChoiceField(
        label=_("อำเภอ"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("— เลือกอำเภอ —"),
        error_messages={"invalid_choice": _OUTSIDE % {"what": _("อำเภอ")}},
    )
    council_code = forms.CharField(
        label=_("รหัสตำบลของสภาองค์กรชุมชนตำบล"),
        required=False,
        max_length=6,
        help_text=_("รหัสตำบล 6 หลัก เช่น 500203"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, regions=None, provinces=None, districts=None, councils=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions if regions is not None else Region.objects.all()
        self.fields["province"].queryset = provinces if provinces is not None else Province.objects.all()
        self.fields["district"].queryset = districts if districts is not None else District.objects.all()
        self.fields["district"].label_from_instance = lambda d: f"{d.name_th} ({d.province.name_th})"
        self.councils = councils
        self.fields["fiscal_year"].initial = current_fiscal_year()

    def clean(self):
        data = super().clean()
        data["kind"] = data.get("kind") or ReportKind.ANNUAL
        scope = data.get("scope")
        if data["kind"] == ReportKind.QUARTERLY and not data.get("quarter") and "quarter" not in self.errors:
            self.add_error("quarter", _("กรุณาเลือกไตรมาสสำหรับรายงานรายไตรมาส"))
        if data["kind"] == ReportKind.ANNUAL:
            data["quarter"] = None
        required = {
            ReportScope.REGION: ("region", _("กรุณาเลือกภาคสำหรับรายงานระดับภาค")),
            ReportScope.PROVINCE: ("province", _("กรุณาเลือกจังหวัดสำหรับรายงานระดับจังหวัด")),
            ReportScope.DISTRICT: ("district", _("กรุณาเลือกอำเภอสำหรับรายงานระดับอำเภอ")),
            ReportScope.COUNCIL: ("council_code", _("กรุณาระบุรหัสตำบลของสภาองค์กรชุมชนตำบล")),
        }
        for name in ("region", "province", "district"):
            if required.get(scope, ("",))[0] != name:
                data[name] = None
        data["council"] = None
        if scope in required:
            name, message = required[scope]
            if not data.get(name) and name not in self.errors:
                self.add_error(name, message)
        if scope == ReportScope.COUNCIL and data.get("council_code"):
            code = data["council_code"].strip()
            council = self.councils.filter(subdistrict__code=code).first() if code.isdigit() else None
            if council is None:
                self.add_error(
                    "council_code",
                    _("ไม่พบสภาองค์กรชุมชนตำบลรหัส %(code)s หรืออยู่นอกพื้นที่ที่คุณรับผิดชอบ") % {"code": code},
                )
            data["council"] = council
        data.pop("council_code", None)
        return data


class ReportFilterForm(forms.Form):
    """Filters on the report list (labels kept distinct from the request form's)."""

    year = forms.TypedChoiceField(label=_("ปีงบฯ"), required=False, coerce=int, empty_value=None)
    type = forms.ChoiceField(
        label=_("ชนิด"), required=False, choices=[("", _("ทุกชนิด")), *ReportKind.choices]
    )
    level = forms.ChoiceField(
        label=_("ระดับพื้นที่"), required=False, choices=[("", _("ทุกระดับ")), *ReportScope.choices]
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("ทุกปี")), *[(y, str(y)) for y in years]]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        d = self.cleaned_data
        return {"fiscal_year": d.get("year"), "kind": d.get("type"), "scope": d.get("level")}


class NarrativeForm(forms.ModelForm):
    """The annual report's own words, chapter by chapter as CODI's synthesis reports run;
    each line typed is a paragraph (its first line indented in the PDF)."""

    class Meta:
        model = ReportNarrative
        fields = [
            "title", "subject", "background", "results", "lessons", "expected_results", "future_directions", "closing",
            "numerals",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in ("background", "results", "lessons", "expected_results", "future_directions")
        } | {"closing": forms.Textarea(attrs={"rows": 2}), "numerals": forms.RadioSelect}
        help_texts = {
            "title": _("เว้นว่างไว้เพื่อใช้ชื่อรายงานที่ระบบตั้ง"),
            "background": _("ขึ้นบรรทัดใหม่เพื่อเริ่มย่อหน้าใหม่ เว้นว่างไว้เพื่อใช้ข้อความความเป็นมาที่ระบบเขียน"),
            "numerals": _("ใช้กับทั้งเอกสาร: ปี ตัวเลข รหัส และเลขหน้า"),
        }
        error_messages = {"numerals": {"invalid_choice": _("กรุณาเลือกเลขไทยหรือเลขอารบิก")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["numerals"].required = False  # not chosen: Thai numerals, as official documents use

    def clean_numerals(self):
        return self.cleaned_data.get("numerals") or "thai"
