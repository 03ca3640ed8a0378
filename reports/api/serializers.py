from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from common.validators import validate_be_year
from councils.models import Province

from ..choices import ReportScope
from ..models import Report


class ReportSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.code", read_only=True, default=None)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = ["id", "kind", "fiscal_year", "scope", "province", "status", "progress", "error", "requested_at", "finished_at", "download_url"]
        read_only_fields = fields

    def get_download_url(self, obj) -> str | None:
        if obj.status == "done" and obj.file:
            return f"/reports/{obj.pk}/download/"
        return None


class ReportInputSerializer(serializers.Serializer):
    fiscal_year = serializers.IntegerField(
        validators=[validate_be_year],
        error_messages={"required": _("กรุณาระบุปีงบประมาณ (พ.ศ.)"), "invalid": _("ปีงบประมาณต้องเป็นตัวเลข เช่น 2569")},
    )
    scope = serializers.ChoiceField(
        choices=ReportScope.choices, error_messages={"invalid_choice": _("ขอบเขต “{input}” ไม่ถูกต้อง")}
    )
    province = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Province.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        error_messages={"does_not_exist": _("ไม่พบจังหวัดรหัส {value}")},
    )
