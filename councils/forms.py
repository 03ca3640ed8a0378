from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.validators import validate_ce_date, validate_not_future

from .images import web_photo
from .models import Activity



class ActivityForm(forms.ModelForm):
    photo = forms.FileField(
        label=_("ภาพกิจกรรม"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("ไฟล์ภาพไม่เกิน 8 MB ระบบจะย่อขนาดให้อัตโนมัติ"),
    )

    class Meta:
        model = Activity
        fields = ["date", "kind", "title", "description", "participants"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "participants": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        }
        error_messages = {
            "date": {"required": _("กรุณาระบุวันที่จัดกิจกรรม"), "invalid": _("รูปแบบวันที่ไม่ถูกต้อง")},
            "kind": {"required": _("กรุณาเลือกประเภทกิจกรรม"), "invalid_choice": _("ประเภทกิจกรรมไม่ถูกต้อง")},
            "title": {"required": _("กรุณาระบุชื่อกิจกรรม")},
            "participants": {"invalid": _("จำนวนผู้เข้าร่วมต้องเป็นตัวเลข")},
        }

    def clean_date(self):
        value = self.cleaned_data["date"]
        validate_ce_date(value)  # first: a Buddhist-era year would also look like the future
        validate_not_future(value)
        return value

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return web_photo(photo) if photo else None
