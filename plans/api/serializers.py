from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..choices import AlignmentStatus
from ..models import Alignment, LocalPlanProject


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
