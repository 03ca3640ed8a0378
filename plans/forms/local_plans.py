"""Forms of the LAO local plan pages. Years are Buddhist Era; dates are typed as BE
("15/03/2568", "15 มี.ค. 2568"); Thai digits and thousands commas are accepted."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import BEDateField
from common.thai import arabic_digits, thai_date
from councils.imports.cells import CellError
from geo.models import Theme

from ..choices import AmendmentKind
from ..local_import.columns import budget_cell
from ..models import LocalPlanAmendment


class BEYearField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 2400)
        kwargs.setdefault("max_value", 2700)
        kwargs.setdefault("error_messages", {"invalid": _("กรุณาใส่ปี พ.ศ. 4 หลัก เช่น 2566")})
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "numeric", "size": 6})

    def to_python(self, value):
        return super().to_python(arabic_digits(str(value)).strip() if value not in (None, "") else value)


class LocalPlanForm(forms.Form):
    start_year = BEYearField(label=_("ปีแรกของแผน (พ.ศ.)"))
    end_year = BEYearField(label=_("ปีสุดท้ายของแผน (พ.ศ.)"), required=False, help_text=_("รอบแผน 5 ปี เว้นว่างได้"))
    title = forms.CharField(label=_("ชื่อแผน"), max_length=255, required=False)
    adopted_on = BEDateField(label=_("วันที่ประกาศใช้ (พ.ศ.)"), required=False)
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ProjectFieldsForm(forms.Form):
    """A project's fields and its budget per year of the plan (one field per year)."""

    number = forms.CharField(label=_("ที่/รหัสโครงการ"), max_length=40, required=False)
    title = forms.CharField(label=_("ชื่อโครงการ"), max_length=255)
    strategy = forms.CharField(label=_("ยุทธศาสตร์"), max_length=255, required=False)
    work_plan = forms.CharField(label=_("แผนงาน"), max_length=255, required=False)
    theme = forms.ModelChoiceField(label=_("ประเด็น"), queryset=Theme.objects.all(), required=False)
    objective = forms.CharField(label=_("วัตถุประสงค์"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    target = forms.CharField(label=_("เป้าหมาย (ผลผลิตของโครงการ)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    location = forms.CharField(label=_("พื้นที่ดำเนินการ"), max_length=255, required=False)
    indicator = forms.CharField(label=_("ตัวชี้วัด (KPI)"), max_length=255, required=False)
    expected_result = forms.CharField(label=_("ผลที่คาดว่าจะได้รับ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    responsible_unit = forms.CharField(label=_("หน่วยงานรับผิดชอบหลัก"), max_length=255, required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        for year in plan.years:
            self.fields[f"budget_{year}"] = forms.CharField(
                label=_("งบประมาณ %(year)s (บาท)") % {"year": year}, required=False,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "-"}),
            )

    def budget_fields(self):
        return [self[f"budget_{year}"] for year in self.plan.years]

    def clean(self):
        data = super().clean()
        budgets = {}
        for year in self.plan.years:
            raw = (data.get(f"budget_{year}") or "").strip()
            if raw in ("", "-", "–", "—"):
                continue
            try:
                budgets[year] = budget_cell(raw)
            except CellError as error:
                self.add_error(f"budget_{year}", error.message)
        data["budgets"] = budgets
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        names = ("number", "title", "strategy", "work_plan", "theme", "objective", "target", "location", "indicator",
                 "expected_result", "responsible_unit")
        return {**{name: data.get(name) for name in names}, "budgets": data["budgets"]}


def _amendment_choices(plan, kind):
    return LocalPlanAmendment.objects.filter(local_plan=plan, kind=kind).order_by("effective_on", "pk")


class AmendmentLabelField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.label} ({thai_date(obj.effective_on)})"


class ProjectAddForm(ProjectFieldsForm):
    amendment = AmendmentLabelField(
        label=_("เพิ่มโดย"), queryset=LocalPlanAmendment.objects.none(), required=False,
        empty_label=_("แผนที่ประกาศใช้ (ไม่ใช่การเพิ่มเติม)"),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["amendment"].queryset = _amendment_choices(plan, AmendmentKind.ADDITION)


class ProjectChangeForm(ProjectFieldsForm):
    amendment = AmendmentLabelField(
        label=_("เปลี่ยนแปลงโดย"), queryset=LocalPlanAmendment.objects.none(),
        error_messages={"required": _("กรุณาเลือกการแก้ไขแผนแบบ “เปลี่ยนแปลง”")},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["amendment"].queryset = _amendment_choices(plan, AmendmentKind.CHANGE)


class ProjectWithdrawForm(forms.Form):
    amendment = AmendmentLabelField(
        label=_("ยกเลิกโดย"), queryset=LocalPlanAmendment.objects.none(),
        error_messages={"required": _("กรุณาเลือกการแก้ไขแผนแบบ “เปลี่ยนแปลง”")},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amendment"].queryset = _amendment_choices(plan, AmendmentKind.CHANGE)


class ProjectDeleteForm(forms.Form):
    """Nothing to fill in: the confirmation page's form."""

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)


class AmendmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("ประเภท"), choices=AmendmentKind.choices)
    number = forms.IntegerField(label=_("ครั้งที่"), min_value=1)
    year = BEYearField(label=_("ปี (พ.ศ.)"))
    effective_on = BEDateField(label=_("วันที่ประกาศใช้ (พ.ศ.)"))
    note = forms.CharField(label=_("สาระสำคัญ"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    document = forms.FileField(
        label=_("เอกสารประกาศ (PDF)"), required=False, widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"})
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)

    def clean_effective_on(self):
        value = self.cleaned_data.get("effective_on")
        if value is None:
            raise forms.ValidationError(_("กรุณาใส่วันที่ประกาศใช้"))
        return value


class LocalImportForm(forms.Form):
    file = forms.FileField(
        label=_("ไฟล์ Excel (.xlsx) หรือ CSV ตามแบบ ผ.02 จากระบบ e-plan"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
        error_messages={"required": _("กรุณาเลือกไฟล์ที่จะนำเข้า"), "empty": _("ไฟล์ว่างเปล่า ไม่มีข้อมูล")},
    )
    amendment = AmendmentLabelField(
        label=_("นำเข้าเป็นโครงการของ"), queryset=LocalPlanAmendment.objects.none(), required=False,
        empty_label=_("แผนที่ประกาศใช้"),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amendment"].queryset = _amendment_choices(plan, AmendmentKind.ADDITION)


class AsOfForm(forms.Form):
    on = BEDateField(label=_("แผน ณ วันที่ (พ.ศ.)"), required=False)
