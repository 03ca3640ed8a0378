"""Serializers of the councils API: outputs (``*Serializer``) and inputs (``*InputSerializer``,
validated, then handed to a service). Input messages are Thai and name the field."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from common.validators import validate_ce_date, validate_not_future
from geo.models import Theme

from ...choices import (
    NEW_ACTIVITY_KIND_CHOICES,
    RETIRED_ACTIVITY_KINDS,
    RETIRED_KIND_MESSAGE,
    ActivityKind,
    AssessmentLevel,
    CouncilStatus,
    OrganizationKind,
    ParticipantGroup,
)
from ...images import web_photo
from ...models import Activity, ActivityPhoto, CommunityOrganization, Council
from ...permissions import can_see_council_contact
from ...services.activities import MAX_PHOTOS

DATE_ERRORS = {"invalid": _("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)")}
THEME_ERRORS = {"does_not_exist": _("ไม่พบประเด็นงาน “{value}”"), "invalid": _("รหัสประเด็นงานไม่ถูกต้อง")}


def _past_date(**kwargs):
    return serializers.DateField(
        validators=[validate_ce_date, validate_not_future], error_messages=DATE_ERRORS, **kwargs
    )


def _themes(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="code", queryset=Theme.objects.all(), many=True, error_messages=THEME_ERRORS, **kwargs
    )


# --- Outputs -------------------------------------------------------------------------------


@extend_schema_field({"type": "string", "oneOf": [{"format": "email"}, {"maxLength": 0}]})
class OptionalEmailField(serializers.CharField):
    """An e-mail address, or "" when the council has none (the schema says both)."""


class AgencyBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class CouncilSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="subdistrict.code", read_only=True)
    subdistrict = serializers.CharField(source="subdistrict.name_th", read_only=True)
    district = serializers.CharField(source="subdistrict.district.name_th", read_only=True)
    district_code = serializers.CharField(source="subdistrict.district.code", read_only=True)
    province = serializers.CharField(source="subdistrict.district.province.name_th", read_only=True)
    province_code = serializers.CharField(source="subdistrict.district.province.code", read_only=True)
    lao = AgencyBriefSerializer(read_only=True, allow_null=True)
    themes = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    email = OptionalEmailField(read_only=True, label=_("อีเมล"))
    latest_level = serializers.ChoiceField(
        choices=AssessmentLevel.choices, read_only=True, allow_null=True, help_text=_("ระดับจากการประเมินครั้งล่าสุด")
    )

    class Meta:
        model = Council
        fields = [
            "id",
            "code",
            "name",
            "status",
            "subdistrict",
            "district",
            "district_code",
            "province",
            "province_code",
            "registration_number",
            "registered_on",
            "address",
            "phone",
            "email",
            "contact_name",
            "lao",
            "themes",
            "latest_level",
            "is_published",
        ]
        read_only_fields = fields

    CONTACT_FIELDS = ("contact_name", "phone", "email")

    def to_representation(self, instance):
        """The coordinator's name, phone and e-mail only for users whose area covers the
        council (councils.permissions.can_see_council_contact, as on the council's page)."""
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is None or not can_see_council_contact(user=user, council=instance):
            for name in self.CONTACT_FIELDS:
                data[name] = ""
        return data


class OrganizationSerializer(serializers.ModelSerializer):
    council = serializers.CharField(source="council.subdistrict.code", read_only=True, help_text=_("รหัสตำบลของสภา"))
    themes = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = CommunityOrganization
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "council",
            "themes",
            "founded_on",
            "registered_on",
            "village_code",
            "village_name",
            "member_count",
        ]
        read_only_fields = fields


class ActivityPhotoSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityPhoto
        fields = ["id", "image", "width", "height", "caption", "in_report"]
        read_only_fields = fields


class ActivitySerializer(serializers.ModelSerializer):
    council = serializers.CharField(source="council.subdistrict.code", read_only=True)
    photos = ActivityPhotoSerializer(many=True, read_only=True)
    agencies = AgencyBriefSerializer(many=True, read_only=True)
    participants_by_group = serializers.DictField(
        child=serializers.IntegerField(), read_only=True, help_text=_("คีย์: youth, elderly, women, disabled, officials")
    )

    class Meta:
        model = Activity
        fields = [
            "id",
            "council",
            "date",
            "kind",
            "title",
            "description",
            "outcomes",
            "participants",
            "participants_by_group",
            "agencies",
            "photos",
            "fiscal_year",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class HistoryChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    label = serializers.CharField()
    old = serializers.CharField()
    new = serializers.CharField()


class HistoryEntrySerializer(serializers.Serializer):
    when = serializers.DateTimeField()
    who = serializers.CharField()
    action = serializers.CharField()
    reason = serializers.CharField()
    changes = HistoryChangeSerializer(many=True)


# --- Inputs --------------------------------------------------------------------------------


class CouncilProfileInputSerializer(serializers.Serializer):
    """PATCH a council's profile; every field optional. ``lao`` is an agency id."""

    registration_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    registered_on = _past_date(required=False, allow_null=True)
    status = serializers.ChoiceField(
        choices=CouncilStatus.choices,
        required=False,
        error_messages={"invalid_choice": _("สถานะ “{input}” ไม่ถูกต้อง")},
    )
    address = serializers.CharField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True, error_messages={"invalid": _("รูปแบบอีเมลไม่ถูกต้อง")})
    contact_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    lao = serializers.IntegerField(
        required=False, allow_null=True, error_messages={"invalid": _("รหัส อปท. ต้องเป็นตัวเลข")}
    )
    themes = _themes(required=False)
    is_published = serializers.BooleanField(required=False)


class OrganizationInputSerializer(serializers.Serializer):
    """POST an organization (``council`` and ``code`` required) or PATCH one."""

    council = serializers.RegexField(
        r"^\d{6}$",
        help_text=_("รหัสตำบล 6 หลักของสภา"),
        error_messages={"required": _("กรุณาระบุรหัสตำบลของสภา"), "invalid": _("รหัสตำบลต้องเป็นตัวเลข 6 หลัก")},
    )
    code = serializers.CharField(
        max_length=20, error_messages={"required": _("กรุณาระบุรหัส พอช."), "blank": _("กรุณาระบุรหัส พอช.")}
    )
    name = serializers.CharField(
        max_length=255, error_messages={"required": _("กรุณาระบุชื่อองค์กร"), "blank": _("กรุณาระบุชื่อองค์กร")}
    )
    kind = serializers.ChoiceField(
        choices=OrganizationKind.choices,
        error_messages={"required": _("กรุณาเลือกประเภทองค์กร"), "invalid_choice": _("ประเภทองค์กร “{input}” ไม่ถูกต้อง")},
    )
    themes = _themes(required=False)
    founded_on = _past_date(required=False, allow_null=True)
    registered_on = _past_date(required=False, allow_null=True)
    village_code = serializers.RegexField(
        r"^\d{8}$", required=False, allow_blank=True, error_messages={"invalid": _("รหัสหมู่บ้านต้องเป็นตัวเลข 8 หลัก")}
    )
    village_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    member_count = serializers.IntegerField(
        min_value=0,
        required=False,
        error_messages={"invalid": _("จำนวนสมาชิกต้องเป็นตัวเลข"), "min_value": _("จำนวนสมาชิกต้องไม่ติดลบ")},
    )


def _web_photos(files):
    if len(files) > MAX_PHOTOS:
        raise serializers.ValidationError(_("แนบภาพได้ไม่เกิน %(max)s ภาพต่อกิจกรรม") % {"max": MAX_PHOTOS})
    cleaned = []
    for upload in files:
        try:
            cleaned.append(web_photo(upload))
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                _("ไฟล์ “%(name)s”: %(error)s") % {"name": upload.name, "error": " ".join(error.messages)}
            ) from None
    return cleaned


class _NewActivityKindField(serializers.ChoiceField):
    """The kinds a new activity may take: a retired one (a council meeting) is refused
    with a message that says where it goes instead."""

    def to_internal_value(self, data):
        if isinstance(data, str) and data in RETIRED_ACTIVITY_KINDS:
            raise serializers.ValidationError(RETIRED_KIND_MESSAGE)
        return super().to_internal_value(data)


class ActivityInputSerializer(serializers.Serializer):
    """POST an activity: JSON, or multipart when sending ``photos`` (up to five files)."""

    council = serializers.CharField(
        max_length=6, help_text=_("รหัสตำบล 6 หลักของสภา"), error_messages={"required": _("กรุณาระบุรหัสตำบลของสภา")}
    )
    date = serializers.DateField(
        validators=[validate_ce_date, validate_not_future],
        error_messages={"required": _("กรุณาระบุวันที่จัดกิจกรรม"), "invalid": _("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)")},
    )
    kind = _NewActivityKindField(
        choices=NEW_ACTIVITY_KIND_CHOICES,
        help_text=_("การประชุมสภาบันทึกเป็นการประชุม (meetings) ไม่ใช่กิจกรรม"),
        error_messages={"required": _("กรุณาเลือกประเภทกิจกรรม"), "invalid_choice": _("ประเภทกิจกรรม “{input}” ไม่ถูกต้อง")},
    )
    title = serializers.CharField(
        max_length=255, error_messages={"required": _("กรุณาระบุชื่อกิจกรรม"), "blank": _("กรุณาระบุชื่อกิจกรรม")}
    )
    description = serializers.CharField(required=False, allow_blank=True, default="")
    outcomes = serializers.CharField(required=False, allow_blank=True, default="")
    participants = serializers.IntegerField(
        min_value=0,
        required=False,
        default=0,
        error_messages={"invalid": _("จำนวนผู้เข้าร่วมต้องเป็นตัวเลข"), "min_value": _("จำนวนผู้เข้าร่วมต้องไม่ติดลบ")},
    )
    participants_by_group = serializers.DictField(
        child=serializers.IntegerField(
            min_value=0, error_messages={"invalid": _("จำนวนต้องเป็นตัวเลข"), "min_value": _("จำนวนต้องไม่ติดลบ")}
        ),
        required=False,
        default=dict,
        help_text=_("จำนวนผู้เข้าร่วมตามกลุ่ม คีย์: %(keys)s") % {"keys": ", ".join(ParticipantGroup.values)},
    )
    agencies = serializers.ListField(
        child=serializers.IntegerField(error_messages={"invalid": _("รหัสหน่วยงานต้องเป็นตัวเลข")}),
        required=False,
        default=list,
        help_text=_("id ของหน่วยงานในจังหวัดเดียวกับสภาหรือหน่วยงานส่วนกลาง"),
    )
    photos = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        max_length=MAX_PHOTOS,
        error_messages={"max_length": _("แนบภาพได้ไม่เกิน %(max)s ภาพต่อกิจกรรม") % {"max": MAX_PHOTOS}},
    )

    photo_caption = serializers.CharField(
        max_length=255, required=False, allow_blank=True, default="",
        help_text=_("คำบรรยายของภาพที่แนบมาพร้อมกันนี้"),
        error_messages={"max_length": _("คำบรรยายภาพต้องยาวไม่เกิน {max_length} ตัวอักษร")},
    )  # fmt: skip
    photos_in_report = serializers.BooleanField(
        required=False, default=False, help_text=_("เลือกภาพที่แนบมาพร้อมกันนี้ลงรายงานประจำปี")
    )

    def validate_photos(self, files):
        return _web_photos(files)


class PhotoEditSerializer(serializers.Serializer):
    """One photo of the activity: its new caption and/or whether it goes into the annual report."""

    id = serializers.IntegerField(error_messages={"invalid": _("รหัสภาพต้องเป็นตัวเลข"), "required": _("กรุณาระบุรหัสภาพ")})
    caption = serializers.CharField(
        max_length=255, required=False, allow_blank=True,
        error_messages={"max_length": _("คำบรรยายภาพต้องยาวไม่เกิน {max_length} ตัวอักษร")},
    )  # fmt: skip
    in_report = serializers.BooleanField(required=False)


class ActivityUpdateInputSerializer(ActivityInputSerializer):
    """PATCH an activity: any of its fields, ``add_photos`` and ``remove_photos`` (photo ids)."""

    council = None
    photos = None
    # Every kind, so an activity logged as a council meeting before keeps its kind; the
    # service refuses changing another kind into a retired one.
    kind = serializers.ChoiceField(
        choices=ActivityKind.choices,
        error_messages={"required": _("กรุณาเลือกประเภทกิจกรรม"), "invalid_choice": _("ประเภทกิจกรรม “{input}” ไม่ถูกต้อง")},
    )
    add_photos = serializers.ListField(child=serializers.FileField(), required=False, default=list)
    remove_photos = serializers.ListField(
        child=serializers.IntegerField(error_messages={"invalid": _("รหัสภาพต้องเป็นตัวเลข")}), required=False, default=list
    )

    photo_edits = serializers.ListField(
        child=PhotoEditSerializer(), required=False, default=list,
        help_text=_("แก้คำบรรยายหรือการเลือกลงรายงานประจำปีของภาพที่มีอยู่: [{id, caption, in_report}]"),
    )  # fmt: skip

    def validate_add_photos(self, files):
        return _web_photos(files)

    def validate_photo_edits(self, edits):
        """As the service takes them: {photo id: {"caption": ..., "in_report": ...}}."""
        return {edit["id"]: {k: v for k, v in edit.items() if k != "id"} for edit in edits}
