"""The forms of subsidy proposals: the council's proposal with its budget lines, a
document, the agency's decision and the council's withdrawal. Years are Buddhist Era and
numbers may be typed in Thai digits (๒๕๖๙, ๑๒,๕๐๐)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from common.thai import arabic_digits, current_fiscal_year, looks_like_be, looks_like_ce, thai_truncate
from geo.models import Theme

from ..services.proposals import AGENCY_MOVES


class BuddhistYearField(forms.CharField):
    """A Buddhist-era year, Thai digits accepted; a Christian-era year is refused in Thai."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 8}))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = arabic_digits(super().to_python(value) or "").strip()
        if not value:
            return None
        if not value.isdigit():
            raise forms.ValidationError(_("กรุณาระบุปี พ.ศ. เป็นตัวเลข เช่น 2570"))
        year = int(value)
        if looks_like_ce(year):
            raise forms.ValidationError(
                _("ปี %(year)s ดูเป็นปี ค.ศ. กรุณาระบุปี พ.ศ. (%(be)s)") % {"year": year, "be": year + 543}
            )
        if not looks_like_be(year):
            raise forms.ValidationError(_("ปี พ.ศ. %(year)s ไม่ถูกต้อง") % {"year": year})
        return year


class MoneyField(forms.CharField):
    """Baht: commas, spaces and Thai digits accepted; two decimals at most; not negative."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "maxlength": 20}))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = arabic_digits(super().to_python(value) or "").replace(",", "").replace(" ", "").strip()
        if not value:
            return None
        try:
            amount = Decimal(value)
        except InvalidOperation:
            raise forms.ValidationError(_("กรุณาระบุจำนวนเงินเป็นตัวเลข เช่น 12,500")) from None
        if amount < 0 or amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("1e12"):
            raise forms.ValidationError(_("จำนวนเงินไม่ถูกต้อง (ไม่ติดลบ ทศนิยมไม่เกิน 2 ตำแหน่ง)"))
        return amount


class PlanItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, item):
        return f"{item.title or thai_truncate(item.description, 80)} · {item.theme.name_th} · {item.budget_needed:,.0f} บาท (แผนปี {item.plan.fiscal_year})"


class ProposalForm(forms.Form):
    recipient = forms.ModelChoiceField(
        label=_("ยื่นถึง (อปท./หน่วยงาน)"),
        queryset=None,
        error_messages={"required": _("กรุณาเลือกหน่วยงานที่จะยื่น"), "invalid_choice": _("หน่วยงานนี้ไม่ได้ดูแลพื้นที่ของสภานี้")},
    )
    theme = forms.ModelChoiceField(
        label=_("ประเด็น (หนึ่งโครงการต่อหนึ่งประเด็น)"),
        queryset=Theme.objects.order_by("name_th"),
        error_messages={"required": _("กรุณาเลือกประเด็นของโครงการ"), "invalid_choice": _("ไม่พบประเด็นนี้")},
    )
    plan_items = PlanItemChoiceField(
        label=_("จากรายการในแผนพัฒนาชุมชน"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("กรุณาเลือกรายการในแผนพัฒนาชุมชนอย่างน้อยหนึ่งรายการ"),
            "invalid_choice": _("รายการในแผนที่เลือกต้องเป็นของสภานี้เท่านั้น"),
        },
    )
    fiscal_year = BuddhistYearField(
        label=_("ขอรับงบประมาณปี (พ.ศ.)"), error_messages={"required": _("กรุณาระบุปีงบประมาณที่ขอ")}
    )
    title = forms.CharField(label=_("ชื่อโครงการ"), max_length=255, error_messages={"required": _("กรุณาระบุชื่อโครงการ")})
    background = forms.CharField(label=_("หลักการและเหตุผล"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    objective = forms.CharField(label=_("วัตถุประสงค์"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    target_group = forms.CharField(label=_("กลุ่มเป้าหมาย"), max_length=255, required=False)
    expected_result = forms.CharField(
        label=_("ผลที่คาดว่าจะได้รับ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, recipients, plan_items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = recipients
        self.fields["plan_items"].queryset = plan_items
        if not self.is_bound and "fiscal_year" not in self.initial:
            self.initial["fiscal_year"] = current_fiscal_year() + 1


class BudgetLineForm(forms.Form):
    description = forms.CharField(label=_("รายการ"), max_length=255, required=False)
    amount = MoneyField(label=_("จำนวนเงิน (บาท)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("amount") and not (data.get("description") or "").strip():
            self.add_error("description", _("กรุณาระบุรายการของจำนวนเงินนี้"))
        if (data.get("description") or "").strip() and not data.get("amount"):
            self.add_error("amount", _("กรุณาระบุจำนวนเงินของรายการนี้"))
        return data


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=3, max_num=30, absolute_max=30)


def budget_line_formset(*, data=None, lines=()):
    """The budget lines' rows: the existing ones and three empty ones to fill."""
    initial = [{"description": line.description, "amount": line.amount} for line in lines]
    return BudgetLineFormSet(data=data, initial=initial or None, prefix="lines")


def lines_of(formset) -> list[tuple[str, Decimal]]:
    return [
        (form.cleaned_data.get("description", ""), form.cleaned_data.get("amount"))
        for form in formset.forms
        if form.cleaned_data and (form.cleaned_data.get("description") or form.cleaned_data.get("amount"))
    ]


class ProposalDocumentForm(forms.Form):
    title = forms.CharField(label=_("ชื่อเอกสาร"), max_length=255, required=False)
    file = forms.FileField(
        label=_("ไฟล์ (PDF รูปภาพ XLSX หรือ DOCX)"),
        error_messages={"required": _("กรุณาเลือกไฟล์"), "empty": _("ไฟล์ว่างเปล่า")},
        widget=forms.ClearableFileInput(
            attrs={
                "accept": "application/pdf,image/*,.xlsx,.docx,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        ),
    )


MOVE_LABELS = {
    "receive": _("รับเรื่อง"),
    "consider": _("อยู่ระหว่างพิจารณา"),
    "approve": _("อนุมัติ"),
    "partly_approve": _("อนุมัติบางส่วน"),
    "reject": _("ไม่อนุมัติ"),
    "carry_out": _("ดำเนินการแล้ว"),
    "report": _("รายงานผล"),
}


class ProposalDecisionForm(forms.Form):
    """The agency's move; ``seen_status`` is the status the page showed, so a move made on
    a page gone stale is refused instead of overwriting someone else's."""

    action = forms.ChoiceField(
        label=_("การดำเนินการ"),
        choices=[(key, MOVE_LABELS[key]) for key in AGENCY_MOVES],
        error_messages={"required": _("กรุณาเลือกการดำเนินการ"), "invalid_choice": _("การดำเนินการไม่ถูกต้อง")},
    )
    amount = MoneyField(label=_("จำนวนเงินที่อนุมัติ (บาท)"), required=False)
    note = forms.CharField(
        label=_("เหตุผล / หมายเหตุ / ผลการดำเนินงาน"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, moves=None, **kwargs):
        super().__init__(*args, **kwargs)
        if moves is not None:
            self.fields["action"].choices = [(key, MOVE_LABELS[key]) for key in moves]


class ProposalWithdrawForm(forms.Form):
    note = forms.CharField(label=_("เหตุผลที่ถอนเรื่อง"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)


class ProposalFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("สถานะ"), required=False)
    fiscal_year = BuddhistYearField(label=_("ปีงบประมาณ"), required=False)

    def __init__(self, *args, **kwargs):
        from ..choices import ProposalStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("ทุกสถานะ")), *ProposalStatus.choices]
