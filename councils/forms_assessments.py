"""Forms for quality assessments and mentor tambons. They check the shape of the input;
the rules (every indicator scored, the mentor passed, one active mentorship) live in the
services, whose Thai messages the views put back on the form."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import BEDateField
from common.thai import current_fiscal_year
from common.validators import validate_be_year, validate_ce_date, validate_not_future

from .models import Council, IndicatorSet

SCORE_PREFIX = "score_"


def _past_ce_date(value):
    validate_ce_date(value)  # first: a Buddhist-era year would also look like the future
    validate_not_future(value)


def _date_field(label, required_message):
    return BEDateField(
        label=label,
        initial=timezone.localdate,
        validators=[_past_ce_date],
        error_messages={"required": required_message},
    )


class AssessmentForm(forms.Form):
    """One score field per indicator of the set, in the set's order."""

    fiscal_year = forms.IntegerField(
        label=_("ปีงบประมาณ (พ.ศ.)"),
        validators=[validate_be_year],
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 2500, "max": 2700}),
        error_messages={"required": _("กรุณาระบุปีงบประมาณ"), "invalid": _("ปีงบประมาณต้องเป็นตัวเลข ปี พ.ศ. เช่น 2569")},
    )
    assessed_on = _date_field(_("วันที่ประเมิน"), _("กรุณาระบุวันที่ประเมิน"))
    note = forms.CharField(label=_("ข้อสังเกต"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, indicator_set: IndicatorSet, scores: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator_set = indicator_set
        self.indicators = list(indicator_set.indicators.all())
        self.fields["fiscal_year"].initial = current_fiscal_year()
        for ind in self.indicators:
            name = f"{SCORE_PREFIX}{ind.pk}"
            self.fields[name] = forms.DecimalField(
                label=f"{ind.code} {ind.name}",
                min_value=Decimal("0"),
                max_value=Decimal(ind.max_score),
                max_digits=5,
                decimal_places=2,
                initial=(scores or {}).get(ind.pk),
                help_text=_("คะแนนเต็ม %(max)s") % {"max": ind.max_score},
                widget=forms.NumberInput(
                    attrs={
                        "inputmode": "decimal",
                        "step": "0.5",
                        "min": 0,
                        "max": ind.max_score,
                        "class": "score-input",
                    }
                ),
                error_messages={
                    "required": _("กรุณาให้คะแนน"),
                    "invalid": _("คะแนนต้องเป็นตัวเลข"),
                    "min_value": _("คะแนนต้องไม่ต่ำกว่า 0"),
                    "max_value": _("คะแนนต้องไม่เกิน %(limit_value)s"),
                    "max_decimal_places": _("คะแนนมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
                    "max_digits": _("คะแนนมีตัวเลขมากเกินไป"),
                    "max_whole_digits": _("คะแนนมีตัวเลขมากเกินไป"),
                },
            )

    def score_rows(self):
        """(indicator, bound field) pairs for the template, one row per indicator."""
        return [(ind, self[f"{SCORE_PREFIX}{ind.pk}"]) for ind in self.indicators]

    def scores(self) -> dict[int, Decimal]:
        return {ind.pk: self.cleaned_data[f"{SCORE_PREFIX}{ind.pk}"] for ind in self.indicators}


class MentorshipForm(forms.Form):
    """Pair a mentor with a mentee, both named by their 6-digit tambon code."""

    mentee = forms.CharField(
        label=_("ตำบลที่ได้รับการพี่เลี้ยง (รหัสตำบล)"),
        max_length=6,
        error_messages={"required": _("กรุณาระบุรหัสตำบลของตำบลที่ได้รับการพี่เลี้ยง")},
    )
    mentor = forms.CharField(
        label=_("ตำบลพี่เลี้ยง (รหัสตำบล)"),
        max_length=6,
        error_messages={"required": _("กรุณาระบุรหัสตำบลของตำบลพี่เลี้ยง")},
    )
    started_on = _date_field(_("เริ่มเมื่อ"), _("กรุณาระบุวันที่เริ่มจับคู่"))
    reason = forms.CharField(label=_("เหตุผลในการจับคู่"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.councils = councils

    def _council(self, name):
        code = self.cleaned_data[name].strip()
        try:
            return self.councils.get(subdistrict__code=code)
        except Council.DoesNotExist:
            raise ValidationError(_("ไม่พบสภารหัสตำบล %(code)s ในพื้นที่ของคุณ"), params={"code": code}) from None

    def clean_mentee(self):
        return self._council("mentee")

    def clean_mentor(self):
        return self._council("mentor")


class MentorshipEndForm(forms.Form):
    ended_on = _date_field(_("สิ้นสุดเมื่อ"), _("กรุณาระบุวันที่สิ้นสุด"))


class MentoringVisitForm(forms.Form):
    date = _date_field(_("วันที่เยี่ยม"), _("กรุณาระบุวันที่เยี่ยม"))
    notes = forms.CharField(
        label=_("บันทึกการเยี่ยม"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("กรุณาบันทึกสิ่งที่ทำระหว่างการเยี่ยม")},
    )
    participants = forms.IntegerField(
        label=_("ผู้เข้าร่วม (คน)"),
        min_value=0,
        initial=0,
        widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        error_messages={
            "required": _("กรุณาระบุจำนวนผู้เข้าร่วม"),
            "invalid": _("จำนวนผู้เข้าร่วมต้องเป็นตัวเลข"),
            "min_value": _("จำนวนผู้เข้าร่วมต้องไม่ติดลบ"),
        },
    )
