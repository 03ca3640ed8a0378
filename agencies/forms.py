"""The HTML forms of agencies: the list's filters, a mission, an agreement."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.forms import BEDateField
from geo.models import District, Province

from .choices import AgencyKind
from .models import Agency, CooperationAgreement, Mission

MAX_SEARCH_LENGTH = 100


class AgencyFilterForm(forms.Form):
    q = forms.CharField(label=_("ค้นหาชื่อหน่วยงาน"), required=False, max_length=MAX_SEARCH_LENGTH)
    kind = forms.ChoiceField(label=_("ประเภท"), required=False, choices=[("", _("ทุกประเภท")), *AgencyKind.choices])
    province = forms.ModelChoiceField(
        label=_("จังหวัด"),
        required=False,
        queryset=Province.objects.order_by("name_th"),
        to_field_name="code",
        empty_label=_("ทุกจังหวัด"),
    )
    district = forms.ModelChoiceField(
        label=_("อำเภอ"),
        required=False,
        queryset=District.objects.none(),
        to_field_name="code",
        empty_label=_("ทุกอำเภอ"),
        help_text=_("เลือกจังหวัดก่อน"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code = (self.data.get("province") or "").strip() if self.is_bound else ""
        if code:
            self.fields["district"].queryset = District.objects.filter(province__code=code).order_by("name_th")
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("ไม่มีตัวเลือกนี้ กรุณาเลือกจากรายการ")
        self.fields["q"].error_messages["max_length"] = _("คำค้นยาวเกิน %(limit_value)s ตัวอักษร")

    def filters(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data.get("kind") or "",
            "province_code": data["province"].code if data.get("province") else "",
            "district_code": data["district"].code if data.get("district") else "",
            "search": data.get("q") or "",
        }


class MissionForm(forms.ModelForm):
    class Meta:
        model = Mission
        fields = (
            "theme", "fiscal_year", "title", "description", "budget_line", "budget_amount",
            "contact_name", "contact_phone", "contact_email",
        )  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "fiscal_year": {"invalid": _("ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2569"), "required": _("กรุณากรอกปีงบประมาณ")},
            "title": {"required": _("กรุณากรอกภารกิจ")},
            "theme": {"required": _("กรุณาเลือกประเด็นงาน"), "invalid_choice": _("ไม่มีประเด็นงานนี้")},
            "budget_amount": {"invalid": _("วงเงินต้องเป็นตัวเลข")},
            "contact_email": {"invalid": _("อีเมลไม่ถูกต้อง")},
        }

    def service_kwargs(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AgreementForm(forms.ModelForm):
    class Meta:
        model = CooperationAgreement
        fields = (
            "title", "other_agencies", "other_parties", "signed_on", "starts_on", "ends_on",
            "province", "district", "file", "is_public",
        )  # fmt: skip
        field_classes = {"signed_on": BEDateField, "starts_on": BEDateField, "ends_on": BEDateField}
        widgets = {
            "other_parties": forms.Textarea(attrs={"rows": 3}),
            "other_agencies": forms.CheckboxSelectMultiple,
            "file": forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        }
        error_messages = {
            "title": {"required": _("กรุณากรอกชื่อข้อตกลง")},
            "signed_on": {"required": _("กรุณากรอกวันที่ลงนาม")},
            "starts_on": {"required": _("กรุณากรอกวันเริ่มมีผล")},
        }

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        # Parties to choose from: national agencies and those of the agency's province
        # (a national agency: the national and provincial ones).
        near = Q(province__isnull=True) | (
            Q(province_id=agency.province_id) if agency.province_id else Q(district__isnull=True)
        )
        self.fields["other_agencies"].queryset = (
            Agency.objects.filter(near).exclude(pk=agency.pk).order_by("name", "pk")
        )
        districts = District.objects.select_related("province").order_by("province__name_th", "name_th")
        if agency.province_id:
            districts = districts.filter(province_id=agency.province_id)
        self.fields["district"].queryset = districts
        self.fields["province"].queryset = Province.objects.order_by("name_th")
        for name in ("other_agencies", "province", "district"):
            self.fields[name].error_messages["invalid_choice"] = _("ไม่มีตัวเลือกนี้ กรุณาเลือกจากรายการ")
        self.fields["file"].required = False

    def service_kwargs(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["other_agencies"] = list(data["other_agencies"] or [])
        upload = self.files.get(self.add_prefix("file"))
        data["file"] = upload or None
        return data
