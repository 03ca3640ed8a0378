"""The indicators API: read the catalogue; read values in the scope; write values through
the same services as the pages (enter, submit, approve, return)."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from common.api_rules import RulePermission
from common.rules import require

from ..choices import AreaLevel, ValueStatus
from . import permissions as rules
from . import selectors, services
from .areas import place_get, place_of
from .models import QUARTER_CHOICES, Indicator, IndicatorValue


class MonitoringIndicatorSerializer(serializers.ModelSerializer):
    theme = serializers.CharField(source="theme.code", read_only=True, default=None, allow_null=True)
    computed = serializers.CharField(read_only=True, help_text=gettext_lazy("แหล่งที่ระบบคำนวณ ว่างเมื่อบันทึกค่าเอง"))

    class Meta:
        model = Indicator
        fields = ["id", "code", "name_th", "description", "kind", "unit", "direction", "level", "periodicity",
                  "aggregation", "theme", "computed", "is_active"]  # fmt: skip
        read_only_fields = fields


class IndicatorValueSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    fiscal_year = serializers.IntegerField(source="period.fiscal_year", read_only=True)
    quarter = serializers.IntegerField(source="period.quarter", read_only=True)
    area = serializers.CharField(source="area_key", read_only=True)
    area_name = serializers.CharField(source="area_label", read_only=True)
    has_evidence = serializers.SerializerMethodField()
    evidence_link = serializers.CharField(read_only=True)

    class Meta:
        model = IndicatorValue
        fields = ["id", "indicator", "fiscal_year", "quarter", "level", "area", "area_name", "value", "text", "comment",
                  "evidence_link", "has_evidence", "status", "submitted_at", "decided_at", "return_reason",
                  "updated_at"]  # fmt: skip
        read_only_fields = fields

    def get_has_evidence(self, obj) -> bool:
        return bool(obj.evidence)


class IndicatorValueInputSerializer(serializers.Serializer):
    indicator = serializers.SlugRelatedField(slug_field="code", queryset=Indicator.objects.filter(is_active=True))
    fiscal_year = serializers.IntegerField(min_value=2500, max_value=2700)
    quarter = serializers.ChoiceField(choices=QUARTER_CHOICES)
    level = serializers.ChoiceField(choices=AreaLevel.choices)
    area = serializers.CharField(max_length=6, help_text=gettext_lazy("รหัสตำบลของสภา รหัสอำเภอ รหัสจังหวัด หรือ TH"))
    value = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True, default=None)
    text = serializers.CharField(required=False, allow_blank=True, default="")
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    evidence_link = serializers.URLField(required=False, allow_blank=True, default="", max_length=500)


class IndicatorValueMoveSerializer(serializers.Serializer):
    seen_status = serializers.ChoiceField(
        choices=ValueStatus.choices, required=False, allow_blank=True, default="",
        help_text=gettext_lazy("สถานะที่ผู้ใช้เห็นอยู่ หากสถานะเปลี่ยนไปแล้ว คำขอจะถูกปฏิเสธ"),
    )  # fmt: skip

    def check(self, value) -> None:
        seen = self.validated_data["seen_status"]
        if seen and seen != value.status:
            raise serializers.ValidationError(
                {"seen_status": [_("สถานะเปลี่ยนเป็น “%(status)s” แล้ว") % {"status": value.get_status_display()}]}
            )


class IndicatorValueReturnSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MonitoringIndicatorSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["level", "periodicity", "is_active"]

    def get_queryset(self):
        return selectors.indicators_catalogue()


class IndicatorValueViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """A value is created or changed (while a draft or returned) by POSTing it; moves are
    actions. Someone whose scope does not hold the area gets 404; inside it, not allowed, 403."""

    serializer_class = IndicatorValueSerializer
    permission_classes = [permissions.IsAuthenticated, RulePermission]
    filterset_fields = ["status", "level"]
    rules = {"approve": rules.can_decide_value, "return_value": rules.can_decide_value}
    rule_object_name = "value"

    def get_queryset(self):
        return selectors.values_visible_to(user=self.request.user).order_by("-updated_at", "-pk")

    @extend_schema(request=IndicatorValueInputSerializer, responses={201: IndicatorValueSerializer})
    def create(self, request, *args, **kwargs):
        data = IndicatorValueInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        try:
            place = place_get(v["level"], v["area"])
        except ObjectDoesNotExist:
            place = None
        if place is None or not rules.can_see_place(user=request.user, place=place):
            raise NotFound(_("ไม่พบพื้นที่นี้"))
        value = services.value_save(
            indicator=v["indicator"], fiscal_year=v["fiscal_year"], quarter=v["quarter"], place=place,
            by=request.user, value=v["value"], text=v["text"], comment=v["comment"], evidence_link=v["evidence_link"],
        )  # fmt: skip
        return Response(IndicatorValueSerializer(value).data, status=status.HTTP_201_CREATED)

    def _moving(self, request):
        value = self.get_object()
        data = IndicatorValueMoveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        data.check(value)
        return value

    @extend_schema(request=IndicatorValueMoveSerializer, responses=IndicatorValueSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        value = self._moving(request)
        require(rules.can_enter_value, user=request.user, place=place_of(value))
        return Response(IndicatorValueSerializer(services.value_submit(value_id=value.pk, by=request.user)).data)

    @extend_schema(request=IndicatorValueMoveSerializer, responses=IndicatorValueSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        value = self._moving(request)
        return Response(IndicatorValueSerializer(services.value_approve(value_id=value.pk, by=request.user)).data)

    @extend_schema(request=IndicatorValueReturnSerializer, responses=IndicatorValueSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_value(self, request, pk=None):
        value = self.get_object()
        data = IndicatorValueReturnSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        moved = services.value_return(value_id=value.pk, by=request.user, reason=data.validated_data["reason"])
        return Response(IndicatorValueSerializer(moved).data)
