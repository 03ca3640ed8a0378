from django import forms
from django.utils.translation import gettext_lazy as _

from geo.models import Theme

from . import selectors
from .choices import ObstacleStatus


class ObstacleForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("ถึงหน่วยงาน"),
        queryset=None,
        error_messages={"required": _("กรุณาเลือกหน่วยงาน"), "invalid_choice": _("หน่วยงานนี้ไม่ได้ดูแลพื้นที่ของสภานี้")},
    )
    theme = forms.ModelChoiceField(
        label=_("ประเด็นงาน"),
        queryset=Theme.objects.all(),
        error_messages={"required": _("กรุณาเลือกประเด็นงาน"), "invalid_choice": _("ไม่พบประเด็นงานนี้")},
    )
    title = forms.CharField(label=_("เรื่อง"), max_length=255, error_messages={"required": _("กรุณาระบุเรื่อง")})
    detail = forms.CharField(
        label=_("รายละเอียด"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("กรุณาระบุรายละเอียดของข้อติดขัด")},
    )
    evidence = forms.FileField(
        label=_("หลักฐาน (PDF หรือรูปภาพ)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/*"}),
    )
    activity = forms.ModelChoiceField(
        label=_("เกี่ยวกับกิจกรรม"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("กิจกรรมนี้ไม่ใช่ของสภานี้")},
    )
    plan_item = forms.ModelChoiceField(
        label=_("เกี่ยวกับรายการในแผน"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("รายการในแผนนี้ไม่ใช่ของสภานี้")},
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = selectors.agencies_for_obstacle(council=council)
        self.fields["activity"].queryset = selectors.activities_for_obstacle(council=council)
        self.fields["plan_item"].queryset = selectors.plan_items_for_obstacle(council=council)


ANSWER_CHOICES = [
    (ObstacleStatus.RECEIVED, _("รับเรื่อง")),
    (ObstacleStatus.IN_PROGRESS, _("กำลังดำเนินการ")),
    (ObstacleStatus.RESOLVED, _("แก้ไขแล้ว")),
    (ObstacleStatus.CANNOT_ACT, _("ไม่สามารถดำเนินการได้ (ระบุเหตุผล)")),
]


class ObstacleAnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("สถานะ"),
        choices=ANSWER_CHOICES,
        error_messages={"required": _("กรุณาเลือกสถานะ"), "invalid_choice": _("สถานะไม่ถูกต้อง")},
    )
    text = forms.CharField(label=_("คำตอบ"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class SuggestionForm(forms.Form):
    name = forms.CharField(label=_("ชื่อ (ไม่บังคับ)"), max_length=150, required=False)
    text = forms.CharField(
        label=_("ข้อเสนอแนะ"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("กรุณาเขียนข้อเสนอแนะ")},
    )
    # A honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(
        label=_("เว็บไซต์"), required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
    )


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("การดำเนินการ"),
        choices=[("publish", _("เผยแพร่")), ("reject", _("ไม่เผยแพร่ (ระบุเหตุผล)")), ("answer", _("ตอบ"))],
        error_messages={"required": _("กรุณาเลือกการดำเนินการ"), "invalid_choice": _("การดำเนินการไม่ถูกต้อง")},
    )
    text = forms.CharField(label=_("เหตุผลหรือคำตอบ"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
