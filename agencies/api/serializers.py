"""Serializers of the agencies API: outputs say exactly what may be null; inputs carry the
Thai messages. Writes go through agencies.services."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from geo.models import District, Province, Theme

from ..choices import AgencyKind, AreaLevel
from ..models import Agency, CooperationAgreement, Mission


class AgencySerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=AgencyKind.choices, read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    area_level = serializers.ChoiceField(choices=AreaLevel.choices, read_only=True)
    province = serializers.CharField(source="province.code", read_only=True, allow_null=True, default=None)
    district = serializers.CharField(source="district.code", read_only=True, allow_null=True, default=None)
    subdistrict = serializers.CharField(source="subdistrict.code", read_only=True, allow_null=True, default=None)
    dla_code = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = Agency
        fields = ["id", "name", "kind", "kind_label", "dla_code", "area_level", "province", "district", "subdistrict"]
        read_only_fields = fields


class MissionSerializer(serializers.ModelSerializer):
    theme = serializers.CharField(source="theme.code", read_only=True)
    budget_amount = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True, allow_null=True)
    contact_email = serializers.CharField(read_only=True, help_text="อีเมล หรือว่างเมื่อไม่ได้ระบุ")

    class Meta:
        model = Mission
        fields = [
            "id", "agency", "theme", "fiscal_year", "title", "description", "budget_line", "budget_amount",
            "contact_name", "contact_phone", "contact_email",
        ]  # fmt: skip
        read_only_fields = fields


_THEME = {"does_not_exist": _("ไม่พบประเด็นงานรหัส “{value}”"), "invalid": _("รหัสประเด็นงานไม่ถูกต้อง")}
_AGENCY = {"does_not_exist": _("ไม่พบหน่วยงานรหัส {pk_value}"), "incorrect_type": _("รหัสหน่วยงานต้องเป็นตัวเลข")}


class MissionInputSerializer(serializers.Serializer):
    theme = serializers.SlugRelatedField(slug_field="code", queryset=Theme.objects.all(), error_messages=_THEME)
    fiscal_year = serializers.IntegerField(
        min_value=0, max_value=32767, error_messages={"invalid": _("ปีงบประมาณต้องเป็นตัวเลข พ.ศ.")}
    )
    title = serializers.CharField(max_length=255, error_messages={"blank": _("กรุณากรอกภารกิจ")})
    description = serializers.CharField(required=False, allow_blank=True, default="")
    budget_line = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    budget_amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False, allow_null=True, default=None
    )
    contact_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    contact_phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    contact_email = serializers.EmailField(required=False, allow_blank=True, default="")


class MissionCreateSerializer(MissionInputSerializer):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all(), error_messages=_AGENCY)


class AgreementSerializer(serializers.ModelSerializer):
    other_agencies = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    province = serializers.CharField(source="province.code", read_only=True, allow_null=True, default=None)
    district = serializers.CharField(source="district.code", read_only=True, allow_null=True, default=None)
    ends_on = serializers.DateField(read_only=True, allow_null=True)
    file_url = serializers.SerializerMethodField()

    class Meta:
        model = CooperationAgreement
        fields = [
            "id", "agency", "title", "other_agencies", "other_parties", "signed_on", "starts_on", "ends_on",
            "province", "district", "is_public", "file_url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_file_url(self, obj) -> str | None:
        """Where the signed PDF is served (scoped as the page's link); null without a file."""
        return reverse("agencies:agreement_file", args=[obj.pk]) if obj.file else None


class AgreementInputSerializer(serializers.Serializer):
    """The agreement's facts; its signed PDF is uploaded on the agency's page."""

    title = serializers.CharField(max_length=255, error_messages={"blank": _("กรุณากรอกชื่อข้อตกลง")})
    other_agencies = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Agency.objects.all(), required=False, default=list, error_messages=_AGENCY
    )
    other_parties = serializers.CharField(required=False, allow_blank=True, default="")
    signed_on = serializers.DateField(error_messages={"invalid": _("วันที่ลงนามไม่ถูกต้อง (ปปปป-ดด-วว)")})
    starts_on = serializers.DateField(error_messages={"invalid": _("วันเริ่มมีผลไม่ถูกต้อง (ปปปป-ดด-วว)")})
    ends_on = serializers.DateField(
        required=False, allow_null=True, default=None, error_messages={"invalid": _("วันสิ้นสุดไม่ถูกต้อง")}
    )
    province = serializers.SlugRelatedField(
        slug_field="code", queryset=Province.objects.all(), required=False, allow_null=True, default=None,
        error_messages={"does_not_exist": _("ไม่พบจังหวัดรหัส “{value}”"), "invalid": _("รหัสจังหวัดไม่ถูกต้อง")},
    )  # fmt: skip
    district = serializers.SlugRelatedField(
        slug_field="code", queryset=District.objects.all(), required=False, allow_null=True, default=None,
        error_messages={"does_not_exist": _("ไม่พบอำเภอรหัส “{value}”"), "invalid": _("รหัสอำเภอไม่ถูกต้อง")},
    )  # fmt: skip
    is_public = serializers.BooleanField(required=False, default=False)


class AgreementCreateSerializer(AgreementInputSerializer):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all(), error_messages=_AGENCY)
