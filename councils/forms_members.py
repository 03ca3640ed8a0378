"""Forms for council members and people (PDPA). Validation messages in Thai, naming the field;
the services check everything again (they are also reached from the API)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import BEDateField
from common.validators import validate_ce_date

from . import pdpa
from .choices import MemberPosition
from .selectors import members as member_selectors


def _date_field(label, *, required: bool, required_message=None):
    return BEDateField(
        label=label,
        required=required,
        validators=[validate_ce_date],
        error_messages={"required": required_message or _("กรุณาระบุวันที่")},
    )


def _national_id_field(help_text):
    return forms.CharField(
        label=_("เลขประจำตัวประชาชน"),
        required=False,
        max_length=40,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class TermFieldsMixin(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("องค์กรที่เป็นผู้แทน"),
        queryset=None,
        required=False,
        empty_label=_("— ไม่ระบุ —"),
        error_messages={"invalid_choice": _("องค์กรที่เลือกไม่ใช่องค์กรชุมชนของสภานี้")},
    )
    position = forms.ChoiceField(
        label=_("ตำแหน่ง"),
        choices=MemberPosition.choices,
        initial=MemberPosition.MEMBER,
        error_messages={"required": _("กรุณาเลือกตำแหน่ง"), "invalid_choice": _("กรุณาเลือกตำแหน่งจากรายการ")},
    )
    term_start = _date_field(_("เริ่มวาระ"), required=True, required_message=_("กรุณาระบุวันเริ่มวาระ"))
    term_end = _date_field(_("สิ้นสุดวาระ"), required=False)

    def setup_terms(self, council):
        self.fields["organization"].queryset = member_selectors.organizations_for_council(council=council)
        self.fields["term_end"].help_text = _("เว้นว่างไว้หากยังไม่กำหนดวันสิ้นสุด")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", _("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"))
        return cleaned


class MemberForm(TermFieldsMixin):
    """A new term. With ``person`` (re-elected): the term only; else a new person too."""

    full_name = forms.CharField(
        label=_("ชื่อ-สกุล"), max_length=200, error_messages={"required": _("กรุณาระบุชื่อ-สกุล")}
    )
    phone = forms.CharField(label=_("โทรศัพท์"), max_length=40, required=False)
    national_id = _national_id_field(_("ไม่บังคับ เก็บเฉพาะเมื่อจำเป็น ระบบจะเข้ารหัสและแสดงเพียง 3 หลักท้าย"))

    field_order = ["full_name", "phone", "national_id", "organization", "position", "term_start", "term_end"]

    def __init__(self, *args, council, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_terms(council)
        if person is not None:
            for name in ("full_name", "phone", "national_id"):
                del self.fields[name]

    def clean_national_id(self):
        value = self.cleaned_data["national_id"]
        return pdpa.normalize_national_id(value) if value.strip() else ""


class MemberUpdateForm(TermFieldsMixin):
    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_terms(council)


class EndTermForm(forms.Form):
    term_end = _date_field(_("วันสิ้นสุดวาระ"), required=True, required_message=_("กรุณาระบุวันสิ้นสุดวาระ"))

    def __init__(self, *args, member, **kwargs):
        kwargs.setdefault("initial", {"term_end": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.member = member

    def clean_term_end(self):
        value = self.cleaned_data["term_end"]
        if value < self.member.term_start:
            raise forms.ValidationError(_("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ"))
        return value


class PersonForm(forms.Form):
    full_name = forms.CharField(
        label=_("ชื่อ-สกุล"), max_length=200, error_messages={"required": _("กรุณาระบุชื่อ-สกุล")}
    )
    phone = forms.CharField(label=_("โทรศัพท์"), max_length=40, required=False)
    national_id = _national_id_field(_("เว้นว่างไว้เพื่อคงเลขเดิม พิมพ์เลขใหม่เพื่อแทนที่"))
    clear_national_id = forms.BooleanField(label=_("ลบเลขประจำตัวประชาชนที่เก็บไว้"), required=False)

    def clean_national_id(self):
        value = self.cleaned_data["national_id"]
        return pdpa.normalize_national_id(value) if value.strip() else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("national_id") and cleaned.get("clear_national_id"):
            self.add_error("clear_national_id", _("เลือกอย่างใดอย่างหนึ่ง: พิมพ์เลขใหม่ หรือ ลบเลขที่เก็บไว้"))
        return cleaned


class RevealForm(forms.Form):
    """On the person page with the export and erase forms: ids prefixed so none repeats."""

    purpose = forms.CharField(
        label=_("วัตถุประสงค์ของการเปิดดู"),
        max_length=255,
        min_length=5,
        help_text=_("ระบบบันทึกผู้เปิดดู เวลา และวัตถุประสงค์ทุกครั้ง"),
        error_messages={
            "required": _("กรุณาระบุวัตถุประสงค์ของการเปิดดูเลขประจำตัวประชาชน"),
            "min_length": _("กรุณาระบุวัตถุประสงค์ของการเปิดดูเลขประจำตัวประชาชน (อย่างน้อย 5 ตัวอักษร)"),
            "max_length": _("วัตถุประสงค์ยาวเกิน 255 ตัวอักษร"),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "reveal_%s")
        super().__init__(*args, **kwargs)


class ExportForm(forms.Form):
    JSON, XLSX = "json", "xlsx"

    format = forms.ChoiceField(
        label=_("รูปแบบไฟล์"),
        choices=[(JSON, _("JSON")), (XLSX, _("Excel (XLSX)"))],
        initial=JSON,
        error_messages={"required": _("กรุณาเลือกรูปแบบไฟล์"), "invalid_choice": _("กรุณาเลือกรูปแบบไฟล์จากรายการ")},
    )
    include_national_id = forms.BooleanField(label=_("รวมเลขประจำตัวประชาชนแบบเต็ม"), required=False)
    purpose = forms.CharField(
        label=_("วัตถุประสงค์ (เมื่อรวมเลขประจำตัวประชาชน)"), max_length=255, required=False
    )

    def __init__(self, *args, allow_national_id: bool, **kwargs):
        kwargs.setdefault("auto_id", "export_%s")
        super().__init__(*args, **kwargs)
        if not allow_national_id:
            del self.fields["include_national_id"]
            del self.fields["purpose"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("include_national_id") and len((cleaned.get("purpose") or "").strip()) < 5:
            self.add_error("purpose", _("กรุณาระบุวัตถุประสงค์ของการส่งออกเลขประจำตัวประชาชน (อย่างน้อย 5 ตัวอักษร)"))
        return cleaned


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("ยืนยันว่าได้รับคำขอจากเจ้าของข้อมูล และต้องการลบข้อมูลของบุคคลนี้ทั้งหมดอย่างถาวร รวมถึงวาระและประวัติการแก้ไข"),
        error_messages={"required": _("กรุณาติ๊กยืนยันก่อนลบข้อมูล")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "erase_%s")
        super().__init__(*args, **kwargs)
