"""The council staff's forms for community plans and their items. Years are typed in
Buddhist Era and money as people type it (Thai digits, thousands separators); the
services parse and check both, so the API and the admin give the same Thai messages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.forms import BEDateField
from geo.models import Theme

from ..choices import Priority
from ..services.community import parse_budget, parse_fiscal_year


class FiscalYearField(forms.CharField):
    """A BE fiscal year typed as text ("2570" or "๒๕๗๐")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"required": _("กรุณากรอกปีงบประมาณ (พ.ศ.)")})
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 8})
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return parse_fiscal_year(value)
        except ValidationError as error:
            raise ValidationError(error.message_dict["fiscal_year"]) from None


class BudgetField(forms.CharField):
    """Money in baht typed as text: "50000", "50,000", "๕๐,๐๐๐", "50,000 บาท"."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "maxlength": 32})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if value is None or value == "" or isinstance(value, str):
            return value
        return f"{value:,.2f}".removesuffix(".00")

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return parse_budget(value)
        except ValidationError as error:
            raise ValidationError(error.message_dict["budget_needed"]) from None


class CommunityPlanForm(forms.Form):
    fiscal_year = FiscalYearField(label=_("ปีงบประมาณ (พ.ศ.)"), help_text=_("เช่น 2570"))
    title = forms.CharField(
        label=_("ชื่อแผน"), max_length=255, required=False, help_text=_("เว้นว่างไว้ได้ ระบบจะตั้งชื่อตามตำบลและปี")
    )
    adopted_on = BEDateField(label=_("วันที่ที่ประชุมสภาให้ความเห็นชอบ"), required=False)
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, plan=None, **kwargs):
        if plan is not None:
            values = {"title": plan.title, "adopted_on": plan.adopted_on, "note": plan.note}
            kwargs["initial"] = {**values, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        if plan is not None:  # the year of an existing plan stays
            del self.fields["fiscal_year"]
            self.fields["title"].required = True
            self.fields["title"].error_messages["required"] = _("กรุณากรอกชื่อแผน")

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class CommunityPlanCopyForm(forms.Form):
    fiscal_year = FiscalYearField(label=_("คัดลอกเป็นแผนของปีงบประมาณ (พ.ศ.)"))
    title = forms.CharField(
        label=_("ชื่อแผนใหม่"), max_length=255, required=False, help_text=_("เว้นว่างไว้ได้ ระบบใช้ชื่อเดิมโดยเปลี่ยนปี")
    )


class TargetAgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, agency):
        return agency.name


class PlanItemForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("ประเด็นงาน"),
        queryset=Theme.objects.order_by("name_th"),
        empty_label=_("— เลือกประเด็น —"),
        error_messages={"required": _("กรุณาเลือกประเด็นงาน"), "invalid_choice": _("ไม่มีประเด็นงานนี้")},
    )
    title = forms.CharField(
        label=_("ชื่อรายการ/โครงการ"), max_length=255, error_messages={"required": _("กรุณากรอกชื่อรายการ/โครงการ")}
    )
    description = forms.CharField(label=_("รายละเอียด"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    target_group = forms.CharField(
        label=_("กลุ่มเป้าหมาย"), max_length=255, required=False, help_text=_("เช่น ผู้สูงอายุ 40 คน")
    )
    location = forms.CharField(
        label=_("พื้นที่ดำเนินการ (หมู่บ้าน)"), max_length=255, required=False, help_text=_("เช่น หมู่ที่ 3 บ้านหนองบัว")
    )
    budget_needed = BudgetField(
        label=_("งบประมาณที่ต้องการ (บาท)"), required=False, help_text=_("พิมพ์เลขไทยหรือเลขอารบิกก็ได้ เช่น ๕๐,๐๐๐")
    )
    priority = forms.TypedChoiceField(
        label=_("ลำดับความสำคัญ"),
        choices=Priority.choices,
        coerce=int,
        initial=Priority.MEDIUM,
        error_messages={"invalid_choice": _("ลำดับความสำคัญไม่ถูกต้อง")},
    )
    target_agency = TargetAgencyChoiceField(
        label=_("เสนอให้หน่วยงาน/อปท. ใดดำเนินการ"),
        queryset=None,
        required=False,
        empty_label=_("— ยังไม่ระบุ —"),
        help_text=_("เฉพาะหน่วยงานที่ดูแลพื้นที่ตำบลนี้"),
        error_messages={"invalid_choice": _("หน่วยงานที่เลือกไม่ได้ดูแลพื้นที่ตำบลของสภานี้")},
    )

    FIELDS = ("theme", "title", "description", "target_group", "location", "budget_needed", "priority", "target_agency")

    def __init__(self, *args, agencies, item=None, **kwargs):
        if item is not None:
            values = {name: getattr(item, name) for name in self.FIELDS}
            kwargs["initial"] = {**values, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.fields["target_agency"].queryset = agencies

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.FIELDS}
