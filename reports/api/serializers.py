from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from common.validators import validate_be_year
from councils.models import Council
from geo.models import District, Province, Region

from ..choices import ReportKind, ReportScope, ReportStatus
from ..models import Report


class ReportSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.code", read_only=True, default=None, allow_null=True)
    province = serializers.CharField(source="province.code", read_only=True, default=None, allow_null=True)
    district = serializers.CharField(source="district.code", read_only=True, default=None, allow_null=True)
    council = serializers.CharField(source="council.subdistrict.code", read_only=True, default=None, allow_null=True)
    title = serializers.CharField(source="__str__", read_only=True)
    download_url = serializers.SerializerMethodField()
    xlsx_url = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id", "title", "kind", "fiscal_year", "quarter", "scope", "region", "province", "district", "council",
            "key", "version", "status", "progress", "sections_done", "sections_total", "error",
            "is_published", "published_at", "requested_at", "finished_at", "download_url", "xlsx_url",
        ]
        read_only_fields = fields

    def get_download_url(self, obj) -> str | None:
        if obj.status == ReportStatus.DONE and obj.file:
            return f"/reports/{obj.pk}/download/"
        return None

    def get_xlsx_url(self, obj) -> str | None:
        if obj.status == ReportStatus.DONE and obj.xlsx:
            return f"/reports/{obj.pk}/download/xlsx/"
        return None


class ReportInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=ReportKind.choices, default=ReportKind.ANNUAL,
        error_messages={"invalid_choice": _("ประเภทรายงาน “{input}” ไม่ถูกต้อง")},
    )
    fiscal_year = serializers.IntegerField(
        validators=[validate_be_year],
        error_messages={"required": _("กรุณาระบุปีงบประมาณ (พ.ศ.)"), "invalid": _("ปีงบประมาณต้องเป็นตัวเลข เช่น 2569")},
    )
    quarter = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=4,
        error_messages={"min_value": _("ไตรมาสต้องเป็น 1 ถึง 4"), "max_value": _("ไตรมาสต้องเป็น 1 ถึง 4")},
    )
    scope = serializers.ChoiceField(
        choices=ReportScope.choices, error_messages={"invalid_choice": _("ขอบเขต “{input}” ไม่ถูกต้อง")}
    )
    region = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.all(), required=False, allow_null=True, default=None,
        error_messages={"does_not_exist": _("ไม่พบภาครหัส {value}")},
    )
    province = serializers.SlugRelatedField(
        slug_field="code", queryset=Province.objects.all(), required=False, allow_null=True, default=None,
        error_messages={"does_not_exist": _("ไม่พบจังหวัดรหัส {value}")},
    )
    district = serializers.SlugRelatedField(
        slug_field="code", queryset=District.objects.all(), required=False, allow_null=True, default=None,
        error_messages={"does_not_exist": _("ไม่พบอำเภอรหัส {value}")},
    )
    council = serializers.CharField(
        required=False, allow_null=True, default=None, max_length=6,
        help_text=_("รหัสตำบล 6 หลักของสภาองค์กรชุมชนตำบล"),
    )

    def validate_council(self, code):
        if not code:
            return None
        council = Council.objects.select_related("subdistrict__district").filter(subdistrict__code=code).first()
        if council is None:
            raise serializers.ValidationError(_("ไม่พบสภาองค์กรชุมชนตำบลรหัสตำบล %(code)s") % {"code": code})
        return council


class ReportPublishSerializer(serializers.Serializer):
    publish = serializers.BooleanField(default=True)
