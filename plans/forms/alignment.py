from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import Mission

from ..choices import AlignmentStatus
from ..models import LocalPlanProject


class AlignmentReviewForm(forms.Form):
    status = forms.ChoiceField(
        label=_("สถานะ"),
        choices=AlignmentStatus.choices,
        error_messages={"required": _("กรุณาเลือกสถานะ"), "invalid_choice": _("สถานะไม่ถูกต้อง")},
    )
    local_plan_project = forms.ModelChoiceField(
        label=_("โครงการในแผนท้องถิ่น"),
        queryset=LocalPlanProject.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("ไม่พบโครงการที่เลือกในแผนท้องถิ่นของอำเภอนี้")},
    )
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, projects=None, **kwargs):
        super().__init__(*args, **kwargs)
        if projects is not None:
            self.fields["local_plan_project"].queryset = projects


class AlignmentAcceptForm(forms.Form):
    """One click on the review page: take a suggested (or searched) LAO project or agency
    mission as the item's alignment."""

    local_plan_project = forms.ModelChoiceField(
        queryset=LocalPlanProject.objects.select_related("lao__subdistrict"),
        required=False,
        error_messages={"invalid_choice": _("ไม่พบโครงการที่เลือกในแผนท้องถิ่น")},
    )
    mission = forms.ModelChoiceField(
        queryset=Mission.objects.select_related("agency"),
        required=False,
        error_messages={"invalid_choice": _("ไม่พบภารกิจที่เลือก")},
    )
    status = forms.ChoiceField(
        choices=[(AlignmentStatus.ALIGNED, AlignmentStatus.ALIGNED.label), (AlignmentStatus.PARTIAL, AlignmentStatus.PARTIAL.label)],
        required=False,
    )
    from_suggestion = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        if not data.get("local_plan_project") and not data.get("mission"):
            raise forms.ValidationError(_("กรุณาเลือกโครงการในแผนท้องถิ่นหรือภารกิจของหน่วยงาน"))
        data["status"] = data.get("status") or AlignmentStatus.ALIGNED
        return data


class ReviewFilterForm(forms.Form):
    """The review page's filters (GET): fiscal year, tambon, theme (its code), status, page."""

    year = forms.IntegerField(required=False)
    tambon = forms.CharField(required=False, max_length=6)
    theme = forms.CharField(required=False, max_length=50)
    status = forms.ChoiceField(choices=[("", _("ทุกสถานะ")), *AlignmentStatus.choices], required=False)
    page = forms.IntegerField(required=False, min_value=1)
    find = forms.IntegerField(required=False)  # the item whose search box was used
    q = forms.CharField(required=False, max_length=100)
    suggest = forms.CharField(required=False, max_length=1)  # "0": the list without suggestions

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year and year < 2400:
            year += 543  # a CE year typed by mistake
        return year
