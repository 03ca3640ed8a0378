from django import forms
from django.utils.translation import gettext_lazy as _

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
