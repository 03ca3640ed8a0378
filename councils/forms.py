from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.validators import validate_ce_date, validate_not_future

from .models import Activity

MAX_PHOTO_BYTES = 5 * 1024 * 1024


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["date", "kind", "title", "description", "participants", "photo"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "participants": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "photo": forms.ClearableFileInput(attrs={"accept": "image/*"}),
        }
        error_messages = {
            "date": {"required": _("กรุณาระบุวันที่จัดกิจกรรม"), "invalid": _("รูปแบบวันที่ไม่ถูกต้อง")},
            "kind": {"required": _("กรุณาเลือกประเภทกิจกรรม"), "invalid_choice": _("ประเภทกิจกรรมไม่ถูกต้อง")},
            "title": {"required": _("กรุณาระบุชื่อกิจกรรม")},
            "participants": {"invalid": _("จำนวนผู้เข้าร่วมต้องเป็นตัวเลข")},
            "photo": {"invalid_image": _("ไฟล์ที่อัปโหลดไม่ใช่รูปภาพ หรือไฟล์เสียหาย")},
        }

    def clean_date(self):
        value = self.cleaned_data["date"]
        validate_ce_date(value)  # first: a Buddhist-era year would also look like the future
        validate_not_future(value)
        return value

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and getattr(photo, "size", 0) > MAX_PHOTO_BYTES:
            raise ValidationError(_("ไฟล์ภาพต้องมีขนาดไม่เกิน 5 MB"))
        return photo
