"""Forms of the councils app. They check input and say what is wrong in Thai, next to the
field; the services write. ``service_kwargs()`` hands a service exactly what it takes."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.forms import BEDateField
from common.validators import validate_ce_date, validate_not_future

from .choices import NEW_ACTIVITY_KIND_CHOICES, RETIRED_ACTIVITY_KINDS, ParticipantGroup
from .images import web_photo
from .models import Activity, CommunityOrganization, Council
from .selectors.activities import agencies_for_council
from .selectors.councils import laos_for_council, themes_for_choice
from .services.activities import MAX_PHOTOS

GROUP_PREFIX = "group_"
CAPTION_PREFIX = "caption_"
IN_REPORT_PREFIX = "in_report_"


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one ``<input type=file multiple>``; cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True, "accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def _past_date(value):
    """A CE date that is not in the future (the era check first: a BE year looks like the future)."""
    if value:
        validate_ce_date(value)
        validate_not_future(value)
    return value


class ActivityForm(forms.ModelForm):
    """Log or edit an activity. Built for a phone on a slow link: one page, native inputs,
    photos resized in the browser before upload (static/js/photo-resize.js) and again here."""

    max_photos = MAX_PHOTOS
    photos = MultipleFileField(
        label=gettext_lazy("ภาพกิจกรรม"),
        required=False,
        help_text=gettext_lazy("เลือกได้ไม่เกิน 5 ภาพ ไฟล์ละไม่เกิน 8 MB ระบบจะย่อขนาดให้อัตโนมัติ"),
    )
    photo_caption = forms.CharField(
        label=gettext_lazy("คำบรรยายภาพ"),
        required=False,
        max_length=255,
        help_text=gettext_lazy("ใช้กับภาพที่แนบครั้งนี้ทุกภาพ แก้ทีละภาพได้ภายหลังที่หน้าแก้ไขกิจกรรม"),
        error_messages={"max_length": gettext_lazy("คำบรรยายภาพต้องยาวไม่เกิน %(limit_value)d ตัวอักษร")},
    )
    photos_in_report = forms.BooleanField(label=gettext_lazy("เลือกลงรายงานประจำปี"), required=False)
    remove_photos = forms.ModelMultipleChoiceField(
        label=gettext_lazy("ลบภาพเดิม"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Activity
        fields = ["date", "kind", "title", "participants", "agencies", "description", "outcomes"]
        field_classes = {"date": BEDateField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "outcomes": forms.Textarea(attrs={"rows": 3}),
            "participants": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "agencies": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "date": {"required": gettext_lazy("กรุณาระบุวันที่จัดกิจกรรม"), "invalid": gettext_lazy("รูปแบบวันที่ไม่ถูกต้อง")},
            "kind": {
                "required": gettext_lazy("กรุณาเลือกประเภทกิจกรรม"),
                "invalid_choice": gettext_lazy("ประเภทกิจกรรมไม่ถูกต้อง"),
            },
            "title": {"required": gettext_lazy("กรุณาระบุชื่อกิจกรรม")},
            "participants": {"invalid": gettext_lazy("จำนวนผู้เข้าร่วมต้องเป็นตัวเลข")},
            "agencies": {
                "invalid_choice": gettext_lazy("หน่วยงานที่ร่วมกิจกรรมต้องเป็นหน่วยงานในจังหวัดเดียวกับสภาหรือหน่วยงานส่วนกลาง"),
                "invalid_pk_value": gettext_lazy("รหัสหน่วยงานไม่ถูกต้อง"),
            },
        }
        help_texts = {"outcomes": gettext_lazy("เช่น ข้อตกลงที่ได้ เรื่องที่จะเสนอต่อ อบต. หรือสิ่งที่จะทำต่อ")}

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.fields["participants"].required = False
        self.fields["agencies"].queryset = agencies_for_council(council=council)
        self.fields["agencies"].help_text = _("หน่วยงานในจังหวัดเดียวกับสภาและหน่วยงานส่วนกลาง ที่ใกล้ที่สุดอยู่ก่อน")
        if self.instance.kind not in RETIRED_ACTIVITY_KINDS:  # an activity logged before keeps its kind
            self.fields["kind"].choices = [("", "---------"), *NEW_ACTIVITY_KIND_CHOICES]
        self.fields["kind"].help_text = format_html(
            '{} <a href="{}">{}</a>',
            _("การประชุมสภาไม่ต้องบันทึกเป็นกิจกรรม ให้บันทึกที่"),
            reverse("meetings:council_meetings", kwargs={"code": council.code}),
            _("หน้าการประชุมของสภา"),
        )
        groups = (self.instance.participants_by_group or {}) if self.instance.pk else {}
        for group in ParticipantGroup:
            self.fields[GROUP_PREFIX + group.value] = forms.IntegerField(
                label=group.label,
                required=False,
                min_value=0,
                initial=groups.get(group.value),
                widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
                error_messages={
                    "invalid": _("จำนวน%(group)sต้องเป็นตัวเลข") % {"group": group.label},
                    "min_value": _("จำนวน%(group)sต้องไม่ติดลบ") % {"group": group.label},
                },
            )
        if self.instance.pk:
            self.fields["remove_photos"].queryset = self.instance.photos.all()
            self.fields["remove_photos"].label_from_instance = lambda p: p.caption or _("ภาพที่ %(n)s") % {"n": p.pk}
            self.fields["remove_photos"].label = _("ลบภาพนี้")
            for n, photo in enumerate(self.instance.photos.all(), start=1):
                self.fields[CAPTION_PREFIX + str(photo.pk)] = forms.CharField(
                    label=_("คำบรรยายภาพที่ %(n)s") % {"n": n},
                    required=False,
                    max_length=255,
                    initial=photo.caption,
                    error_messages={"max_length": _("คำบรรยายภาพต้องยาวไม่เกิน 255 ตัวอักษร")},
                )
                self.fields[IN_REPORT_PREFIX + str(photo.pk)] = forms.BooleanField(
                    label=_("เลือกลงรายงานประจำปี"), required=False, initial=photo.in_report
                )
        else:
            del self.fields["remove_photos"]

    # Layout helpers for the template ---------------------------------------------------
    def photo_rows(self):
        """Each kept photo with its remove box, caption and report choice: [(photo, box, caption, in_report)]."""
        if "remove_photos" not in self.fields:
            return []
        return [
            (box.data["value"].instance, box, self[CAPTION_PREFIX + str(box.data["value"])],
             self[IN_REPORT_PREFIX + str(box.data["value"])])
            for box in self["remove_photos"].subwidgets
        ]  # fmt: skip

    def group_fields(self):
        return [self[GROUP_PREFIX + g.value] for g in ParticipantGroup]

    def agency_groups(self):
        """The agency checkboxes grouped by district, nearest first: [(title, open, [boxes])]."""
        groups: list[tuple[str, bool, list]] = []
        chosen = {str(v) for v in (self["agencies"].value() or [])}
        for box in self["agencies"].subwidgets:
            agency = box.data["value"].instance
            if agency.nearness <= 1:
                title = _("ในอำเภอ%(district)s") % {"district": self.council.subdistrict.district.name_th}
            elif agency.province_id is None:
                title = _("หน่วยงานส่วนกลาง")
            elif agency.district_id is None:
                title = _("ระดับจังหวัด")
            else:
                title = _("อำเภอ%(district)s") % {"district": agency.district.name_th}
            if not groups or groups[-1][0] != title:
                groups.append((title, agency.nearness <= 1, []))
            groups[-1][2].append(box)
        # A group with a ticked box stays open, so what was chosen is never hidden.
        return [
            (title, is_open or any(str(b.data["value"]) in chosen for b in boxes), boxes)
            for title, is_open, boxes in groups
        ]

    # Validation ----------------------------------------------------------------------
    def clean_date(self):
        return _past_date(self.cleaned_data["date"])

    def clean_participants(self):
        return self.cleaned_data.get("participants") or 0

    def clean_photos(self):
        photos = self.cleaned_data.get("photos") or []
        kept = len(self.instance.photos.all()) if self.instance.pk else 0
        removing = len(self.data.getlist(self.add_prefix("remove_photos"))) if self.instance.pk else 0
        room = MAX_PHOTOS - kept + removing
        if len(photos) > room:
            if kept - removing:
                message = _("กิจกรรมนี้มีภาพอยู่แล้ว %(kept)s ภาพ เพิ่มได้อีกไม่เกิน %(room)s ภาพ (รวมไม่เกิน %(max)s ภาพ)")
            else:
                message = _("แนบภาพได้ไม่เกิน %(max)s ภาพต่อกิจกรรม")
            raise ValidationError(message % {"kept": kept - removing, "room": max(room, 0), "max": MAX_PHOTOS})
        cleaned = []
        for upload in photos:
            try:
                cleaned.append(web_photo(upload))
            except ValidationError as error:
                raise ValidationError(
                    _("ไฟล์ “%(name)s”: %(error)s") % {"name": upload.name, "error": " ".join(error.messages)}
                ) from None
        return cleaned

    def clean(self):
        cleaned = super().clean()
        total = cleaned.get("participants") or 0
        groups = {}
        for group in ParticipantGroup:
            name = GROUP_PREFIX + group.value
            value = cleaned.get(name)
            if value and value > total:
                self.add_error(
                    name,
                    _("จำนวน%(group)s (%(n)s คน) มากกว่าจำนวนผู้เข้าร่วมทั้งหมด (%(total)s คน)")
                    % {"group": group.label, "n": value, "total": total},
                )
            elif value:
                groups[group.value] = value
        cleaned["participants_by_group"] = groups
        return cleaned

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        kwargs = {name: data[name] for name in ("date", "kind", "title", "description", "outcomes", "participants")}
        kwargs["participants_by_group"] = data["participants_by_group"]
        kwargs["agencies"] = list(data["agencies"])
        kwargs["photo_caption"] = data.get("photo_caption", "")
        kwargs["photos_in_report"] = data.get("photos_in_report", False)
        if self.instance.pk:
            kwargs["add_photos"] = data["photos"]
            kwargs["remove_photos"] = list(data.get("remove_photos") or [])
            kwargs["photo_edits"] = {
                photo.pk: {
                    "caption": data.get(CAPTION_PREFIX + str(photo.pk), ""),
                    "in_report": data.get(IN_REPORT_PREFIX + str(photo.pk), False),
                }
                for photo in self.instance.photos.all()
            }
        else:
            kwargs["photos"] = data["photos"]
        return kwargs


class CouncilProfileForm(forms.ModelForm):
    """A council's profile, edited by its own staff."""

    class Meta:
        model = Council
        fields = [
            "registration_number",
            "registered_on",
            "status",
            "address",
            "phone",
            "email",
            "contact_name",
            "lao",
            "themes",
            "is_published",
        ]
        field_classes = {"registered_on": BEDateField}
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "themes": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "registered_on": {"invalid": gettext_lazy("รูปแบบวันที่จดแจ้งจัดตั้งไม่ถูกต้อง")},
            "status": {"invalid_choice": gettext_lazy("สถานะไม่ถูกต้อง")},
            "email": {"invalid": gettext_lazy("รูปแบบอีเมลไม่ถูกต้อง")},
            "lao": {"invalid_choice": gettext_lazy("กรุณาเลือก อปท. จากรายการ (อปท. ในอำเภอของสภา หรือ อบจ.)")},
            "themes": {"invalid_choice": gettext_lazy("ประเด็นงานไม่ถูกต้อง")},
        }
        help_texts = {"is_published": gettext_lazy("แสดงหน้าสภาต่อสาธารณะโดยไม่ต้องเข้าสู่ระบบ")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        laos = laos_for_council(council=self.instance)
        if self.instance.lao_id:  # keep an LAO set by an administrator choosable
            laos = laos | laos.model.objects.filter(pk=self.instance.lao_id)
        self.fields["lao"].queryset = laos
        self.fields["lao"].empty_label = _("— ยังไม่ระบุ —")
        self.fields["themes"].queryset = themes_for_choice()

    def clean_registered_on(self):
        return _past_date(self.cleaned_data.get("registered_on"))

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class OrganizationForm(forms.ModelForm):
    """A community organization. The CODI code is typed when adding and fixed afterwards."""

    class Meta:
        model = CommunityOrganization
        fields = [
            "code",
            "name",
            "kind",
            "themes",
            "founded_on",
            "registered_on",
            "village_code",
            "village_name",
            "member_count",
        ]
        field_classes = {"founded_on": BEDateField, "registered_on": BEDateField}
        widgets = {
            "village_code": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 8}),
            "member_count": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "themes": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "code": {"required": gettext_lazy("กรุณาระบุรหัส พอช.")},
            "name": {"required": gettext_lazy("กรุณาระบุชื่อองค์กร")},
            "kind": {
                "required": gettext_lazy("กรุณาเลือกประเภทองค์กร"),
                "invalid_choice": gettext_lazy("ประเภทองค์กรไม่ถูกต้อง"),
            },
            "founded_on": {"invalid": gettext_lazy("รูปแบบวันที่ก่อตั้งไม่ถูกต้อง")},
            "registered_on": {"invalid": gettext_lazy("รูปแบบวันที่จดแจ้งไม่ถูกต้อง")},
            "member_count": {
                "invalid": gettext_lazy("จำนวนสมาชิกต้องเป็นตัวเลข"),
                "min_value": gettext_lazy("จำนวนสมาชิกต้องไม่ติดลบ"),
            },
            "themes": {"invalid_choice": gettext_lazy("ประเด็นงานไม่ถูกต้อง")},
        }
        help_texts = {"village_code": gettext_lazy("8 หลัก ขึ้นต้นด้วยรหัสตำบลของสภา (ถ้ามี)")}

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.fields["themes"].queryset = themes_for_choice()
        self.fields["member_count"].required = False
        if self.instance.pk:
            del self.fields["code"]
        else:
            self.fields["village_code"].widget.attrs["placeholder"] = f"{council.subdistrict.code}01"

    def clean_code(self):
        return (self.cleaned_data.get("code") or "").strip().upper()

    def clean_founded_on(self):
        return _past_date(self.cleaned_data.get("founded_on"))

    def clean_registered_on(self):
        return _past_date(self.cleaned_data.get("registered_on"))

    def clean_member_count(self):
        return self.cleaned_data.get("member_count") or 0

    def validate_unique(self):
        """The service says a duplicate CODI code in its own words; see organization_add."""

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)
