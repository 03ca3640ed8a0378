"""Forms of the coordination app (obstacles, suggestions, the mechanism and meetings): they
check input and name what is wrong in Thai, next to the field; the services write."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from common.forms import BEDateField
from common.thai import thai_date
from councils.models import Council
from geo.models import Theme

from . import selectors
from .choices import AttendanceStatus, MeetingKind, ObstacleStatus
from .models import MechanismMember


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
    agenda_item = forms.ModelChoiceField(
        label=_("เกี่ยวกับระเบียบวาระการประชุม"),
        queryset=None,
        required=False,
        error_messages={"invalid_choice": _("ระเบียบวาระนี้ไม่ใช่ของการประชุมที่สภานี้เข้าร่วม")},
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = selectors.agencies_for_obstacle(council=council)
        self.fields["activity"].queryset = selectors.activities_for_obstacle(council=council)
        self.fields["plan_item"].queryset = selectors.plan_items_for_obstacle(council=council)
        self.fields["agenda_item"].queryset = selectors.agenda_items_for_obstacle(council=council)
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting.title} ({thai_date(item.meeting.date)}) · {_('วาระที่')} {item.order} {item.title}"
        )


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


# The district mechanism and meetings ---------------------------------------------------------

TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

# The agenda of a Thai official meeting (ระเบียบวาระที่ ๑–๕), offered when calling one.
STANDARD_AGENDA = (
    "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
    "รับรองรายงานการประชุมครั้งที่ผ่านมา",
    "เรื่องสืบเนื่อง",
    "เรื่องเพื่อพิจารณา",
    "เรื่องอื่น ๆ",
)


def agencies_near(district):
    """Agencies that may take on work in a district: those of the district and its tambons,
    and the province's own offices. Every agency for a national consultation."""
    qs = Agency.objects.order_by("name")
    if district is None:
        return qs
    return qs.filter(
        Q(district=district) | Q(subdistrict__district=district)
        | Q(province_id=district.province_id, district__isnull=True, subdistrict__isnull=True)
    )


def councils_of(district):
    qs = Council.objects.select_related("subdistrict").order_by("subdistrict__code")
    return qs if district is None else qs.filter(subdistrict__district=district)


class MechanismForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("ชื่อกลไก"), max_length=255)
    established_on = BEDateField(label=gettext_lazy("วันที่แต่งตั้ง"), required=False)
    note = forms.CharField(label=gettext_lazy("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MechanismMemberForm(forms.ModelForm):
    class Meta:
        model = MechanismMember
        fields = ("full_name", "position", "category", "role", "term_start", "term_end", "council", "agency")
        field_classes = {"term_start": BEDateField, "term_end": BEDateField}

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils_of(district)
        self.fields["agency"].queryset = agencies_near(district)

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("ประเภท"), choices=())
    title = forms.CharField(label=gettext_lazy("เรื่อง"), max_length=255)
    date = BEDateField(label=gettext_lazy("วันที่ประชุม"))
    start_time = forms.TimeField(label=gettext_lazy("เวลาเริ่ม"), required=False, widget=TIME_WIDGET)
    end_time = forms.TimeField(label=gettext_lazy("เวลาเลิก"), required=False, widget=TIME_WIDGET)
    place = forms.CharField(label=gettext_lazy("สถานที่"), max_length=255, required=False)
    agenda = forms.CharField(
        label=gettext_lazy("ระเบียบวาระ"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("หนึ่งบรรทัดต่อหนึ่งวาระ ตามลำดับ"),
    )

    def __init__(self, *args, kinds=(MeetingKind.COUNCIL,), with_agenda=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.value, k.label) for k in kinds]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]
            self.fields["kind"].widget = forms.HiddenInput()
        if with_agenda:
            self.fields["agenda"].initial = "\n".join(STANDARD_AGENDA)
        else:
            del self.fields["agenda"], self.fields["kind"]

    def agenda_items(self) -> list[tuple[str, str]]:
        return [(line.strip(), "") for line in self.cleaned_data.get("agenda", "").splitlines() if line.strip()]


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("เรื่อง"), max_length=255)
    detail = forms.CharField(label=gettext_lazy("รายละเอียด"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("เหตุผล"), widget=forms.Textarea(attrs={"rows": 2}))


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=gettext_lazy("รายงานการประชุม"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=gettext_lazy("ใช้รูปแบบพื้นฐานได้ (ย่อหน้า ตัวหนา รายการ ตาราง) ระบบจะตัดสคริปต์และรูปแบบอื่นออก"),
    )
    recorder = forms.CharField(label=gettext_lazy("ผู้จดรายงานการประชุม"), max_length=255, required=False)
    checker = forms.CharField(label=gettext_lazy("ผู้ตรวจรายงานการประชุม"), max_length=255, required=False)


class FileUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("ไฟล์ (PDF หรือภาพ)"))


class MeetingPhotoEditForm(forms.Form):
    caption = forms.CharField(label=gettext_lazy("คำบรรยายภาพ"), max_length=255, required=False)
    in_report = forms.BooleanField(label=gettext_lazy("เลือกลงรายงานประจำปี"), required=False)


class MeetingPhotoForm(MeetingPhotoEditForm):
    image = forms.FileField(
        label=gettext_lazy("ภาพ (JPEG, PNG, WebP)"), widget=forms.ClearableFileInput(attrs={"accept": "image/*"})
    )
    field_order = ["image", "caption", "in_report"]


class ResolutionForm(forms.Form):
    agenda_item = forms.ModelChoiceField(label=gettext_lazy("ระเบียบวาระ"), queryset=None)
    text = forms.CharField(label=gettext_lazy("มติที่ประชุม"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda.order_by("order")


class ActionItemForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("สิ่งที่ต้องทำ"), max_length=255)
    due_date = BEDateField(label=gettext_lazy("กำหนดเสร็จ"))
    agency = forms.ModelChoiceField(label=gettext_lazy("หน่วยงานที่รับผิดชอบ"), queryset=None, required=False)
    council = forms.ModelChoiceField(label=gettext_lazy("หรือสภาที่รับผิดชอบ"), queryset=None, required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies_near(meeting.district)
        self.fields["council"].queryset = councils_of(meeting.district)
        # Read the options once: the meeting's page shows this form under every resolution.
        for name in ("agency", "council"):
            self.fields[name].choices = list(self.fields[name].choices)

    def clean(self):
        data = super().clean()
        if not self.errors and (data.get("agency") is None) == (data.get("council") is None):
            raise forms.ValidationError(gettext_lazy("กรุณาเลือกผู้รับผิดชอบหนึ่งราย: หน่วยงานหรือสภา"))
        return data


class ActionUpdateForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("ความคืบหน้า"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=gettext_lazy("หลักฐาน (PDF หรือภาพ ถ้ามี)"), required=False)


class AttendanceForm(forms.Form):
    """One status (and a representative's name) per invited member, and guests one per line
    as "name | position"."""

    guests = forms.CharField(
        label=gettext_lazy("ผู้เข้าร่วมประชุม (ไม่ใช่กรรมการ)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("หนึ่งบรรทัดต่อหนึ่งคน: ชื่อ | ตำแหน่งหรือหน่วยงาน"),
    )
    MEMBER_CHOICES = [(s.value, s.label) for s in (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.REPRESENTED)]

    def __init__(self, *args, invitations, attendance, **kwargs):
        super().__init__(*args, **kwargs)
        recorded = {a.member_id: a for a in attendance if a.member_id}
        self.members = []
        for invitation in invitations:
            member = invitation.member
            row = recorded.get(member.pk)
            status_name, proxy_name = f"status_{member.pk}", f"proxy_{member.pk}"
            self.fields[status_name] = forms.ChoiceField(
                label=member.full_name, choices=self.MEMBER_CHOICES,
                initial=row.status if row else AttendanceStatus.PRESENT,
            )
            self.fields[proxy_name] = forms.CharField(
                label=gettext_lazy("ผู้แทน"), required=False, max_length=255, initial=row.represented_by if row else "",
            )
            self.members.append((member, self[status_name], self[proxy_name]))
        guests = [a for a in attendance if a.member_id is None]
        self.fields["guests"].initial = "\n".join(f"{g.name} | {g.position}" if g.position else g.name for g in guests)

    def service_kwargs(self) -> dict:
        members = {
            member: (self.cleaned_data[f"status_{member.pk}"], self.cleaned_data[f"proxy_{member.pk}"])
            for member, _status, _proxy in self.members
        }
        guests = []
        for line in self.cleaned_data["guests"].splitlines():
            name, _sep, position = line.partition("|")
            if name.strip():
                guests.append((name.strip(), position.strip()))
        return {"members": members, "guests": guests}


class LessonForm(forms.Form):
    what_worked = forms.CharField(
        label=_("สิ่งที่ได้ผล"), widget=forms.Textarea(attrs={"rows": 4}), max_length=1000,
        error_messages={"required": _("กรุณาเขียนสิ่งที่ได้ผล")},
    )
    what_did_not = forms.CharField(
        label=_("สิ่งที่ไม่ได้ผล"), widget=forms.Textarea(attrs={"rows": 4}), max_length=1000,
        error_messages={"required": _("กรุณาเขียนสิ่งที่ไม่ได้ผล")},
    )
    theme = forms.ModelChoiceField(label=_("ประเด็นงาน"), queryset=Theme.objects.order_by("name_th"), required=False)
    is_published = forms.BooleanField(label=_("เผยแพร่ต่อสาธารณะ"), required=False)
