from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from common.validators import validate_ce_date, validate_not_future

from ..choices import ActivityKind
from ..models import Activity, ActivityPhoto, Council


class CouncilSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="subdistrict.code", read_only=True)
    subdistrict = serializers.CharField(source="subdistrict.name_th", read_only=True)
    district = serializers.CharField(source="subdistrict.district.name_th", read_only=True)
    province = serializers.CharField(source="subdistrict.district.province.name_th", read_only=True)

    class Meta:
        model = Council
        fields = ["id", "code", "name", "status", "subdistrict", "district", "province", "registration_number", "registered_on"]


class ActivityPhotoSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityPhoto
        fields = ["id", "image", "width", "height", "caption"]
        read_only_fields = fields


class ActivitySerializer(serializers.ModelSerializer):
    council = serializers.CharField(source="council.subdistrict.code", read_only=True)
    photos = ActivityPhotoSerializer(many=True, read_only=True)

    class Meta:
        model = Activity
        fields = ["id", "council", "date", "kind", "title", "description", "participants", "photos", "fiscal_year", "created_at"]
        read_only_fields = fields


class ActivityInputSerializer(serializers.Serializer):
    council = serializers.CharField(
        max_length=6, help_text=_("รหัสตำบล 6 หลักของสภา"), error_messages={"required": _("กรุณาระบุรหัสตำบลของสภา")}
    )
    date = serializers.DateField(
        validators=[validate_ce_date, validate_not_future],
        error_messages={"required": _("กรุณาระบุวันที่จัดกิจกรรม"), "invalid": _("รูปแบบวันที่ไม่ถูกต้อง ใช้ YYYY-MM-DD (ค.ศ.)")},
    )
    kind = serializers.ChoiceField(
        choices=ActivityKind.choices,
        error_messages={"required": _("กรุณาเลือกประเภทกิจกรรม"), "invalid_choice": _("ประเภทกิจกรรม “{input}” ไม่ถูกต้อง")},
    )
    title = serializers.CharField(
        max_length=255, error_messages={"required": _("กรุณาระบุชื่อกิจกรรม"), "blank": _("กรุณาระบุชื่อกิจกรรม")}
    )
    description = serializers.CharField(required=False, allow_blank=True, default="")
    participants = serializers.IntegerField(
        min_value=0, required=False, default=0,
        error_messages={"invalid": _("จำนวนผู้เข้าร่วมต้องเป็นตัวเลข"), "min_value": _("จำนวนผู้เข้าร่วมต้องไม่ติดลบ")},
    )
