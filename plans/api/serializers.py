from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..choices import AlignmentStatus
from ..models import Alignment, LocalPlanProject, PlanItem


class PlanItemSerializer(serializers.ModelSerializer):
    council = serializers.CharField(source="plan.council.subdistrict.code", read_only=True)
    fiscal_year = serializers.IntegerField(source="plan.fiscal_year", read_only=True)
    theme = serializers.CharField(source="theme.name_th", read_only=True)
    alignment_status = serializers.SerializerMethodField()

    class Meta:
        model = PlanItem
        fields = ["id", "council", "fiscal_year", "theme", "description", "budget_needed", "alignment_status"]

    def get_alignment_status(self, obj) -> str:
        alignment = getattr(obj, "alignment", None)
        return alignment.status if alignment else AlignmentStatus.PENDING


class AlignmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Alignment
        fields = ["id", "plan_item", "status", "local_plan_project", "note", "reviewed_by", "reviewed_at"]
        read_only_fields = fields


class AlignmentInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=AlignmentStatus.choices,
        error_messages={"required": _("กรุณาเลือกสถานะ"), "invalid_choice": _("สถานะ “{input}” ไม่ถูกต้อง")},
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")
    local_plan_project = serializers.PrimaryKeyRelatedField(
        queryset=LocalPlanProject.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        error_messages={"does_not_exist": _("ไม่พบโครงการในแผนท้องถิ่นรหัส {pk_value}")},
    )


class LocalPlanProjectSerializer(serializers.ModelSerializer):
    lao = serializers.CharField(source="lao.name", read_only=True)
    lao_dla_code = serializers.CharField(source="lao.dla_code", read_only=True)

    class Meta:
        model = LocalPlanProject
        fields = ["id", "lao", "lao_dla_code", "fiscal_year", "title", "budget"]
