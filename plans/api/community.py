"""The community plans API: a council's plans and their items. Everyone reads what their
scope covers (nothing for anonymous visitors); the council's own staff create, change and
delete them (403 for others inside the scope, 404 outside it). Writes go through
plans.services.community, so every item gets its alignment row."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from agencies.models import Agency
from councils.models import Council
from geo.models import Theme

from .. import permissions, services
from ..choices import AlignmentStatus, Priority, ProposalStatus
from ..models import CommunityPlan, PlanItem
from ..selectors import community as selectors

# Output -----------------------------------------------------------------------------------


class CommunityPlanSerializer(serializers.ModelSerializer):
    council = serializers.CharField(source="council.subdistrict.code", read_only=True, help_text="รหัสตำบล 6 หลักของสภา")
    council_name = serializers.CharField(source="council.name", read_only=True)
    adopted_on = serializers.DateField(read_only=True, allow_null=True)
    copied_from = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    item_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = CommunityPlan
        fields = [
            "id",
            "council",
            "council_name",
            "fiscal_year",
            "title",
            "adopted_on",
            "note",
            "copied_from",
            "item_count",
        ]
        read_only_fields = fields


class ProposalRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    status = serializers.ChoiceField(choices=ProposalStatus.choices, read_only=True)


class PlanItemSerializer(serializers.ModelSerializer):
    council = serializers.CharField(source="plan.council.subdistrict.code", read_only=True)
    fiscal_year = serializers.IntegerField(source="plan.fiscal_year", read_only=True)
    theme = serializers.CharField(source="theme.code", read_only=True)
    theme_name = serializers.CharField(source="theme.name_th", read_only=True)
    priority = serializers.ChoiceField(choices=Priority.choices, read_only=True)
    target_agency = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    copied_from = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    alignment_status = serializers.SerializerMethodField()
    alignment_note = serializers.SerializerMethodField()
    local_plan_project = serializers.SerializerMethodField()
    mission = serializers.SerializerMethodField()
    proposals = ProposalRefSerializer(source="subsidy_proposals", many=True, read_only=True)

    class Meta:
        model = PlanItem
        fields = [
            "id", "plan", "council", "fiscal_year", "theme", "theme_name", "title", "description", "target_group",
            "location", "budget_needed", "priority", "target_agency", "copied_from", "alignment_status",
            "alignment_note", "local_plan_project", "mission", "proposals",
        ]  # fmt: skip
        read_only_fields = fields

    def _alignment(self, obj):
        return getattr(obj, "alignment", None)

    def get_alignment_status(self, obj) -> str:
        alignment = self._alignment(obj)
        return alignment.status if alignment else AlignmentStatus.PENDING

    def get_alignment_note(self, obj) -> str:
        alignment = self._alignment(obj)
        return alignment.note if alignment else ""

    def get_local_plan_project(self, obj) -> int | None:
        alignment = self._alignment(obj)
        return alignment.local_plan_project_id if alignment else None

    def get_mission(self, obj) -> int | None:
        alignment = self._alignment(obj)
        return alignment.mission_id if alignment else None


# Input ------------------------------------------------------------------------------------

_YEAR = {"invalid": gettext_lazy("ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2570"), "required": gettext_lazy("กรุณากรอกปีงบประมาณ")}
_THEME = {"does_not_exist": gettext_lazy("ไม่พบประเด็นงานรหัส “{value}”"), "invalid": gettext_lazy("รหัสประเด็นงานไม่ถูกต้อง")}
_AGENCY = {
    "does_not_exist": gettext_lazy("ไม่พบหน่วยงานรหัส {pk_value}"),
    "incorrect_type": gettext_lazy("รหัสหน่วยงานต้องเป็นตัวเลข"),
}


class CommunityPlanUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=255, error_messages={"blank": gettext_lazy("กรุณากรอกชื่อแผน")})
    adopted_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True)


class CommunityPlanCreateSerializer(CommunityPlanUpdateSerializer):
    council = serializers.CharField(max_length=10, help_text="รหัสตำบล 6 หลักของสภา")
    fiscal_year = serializers.IntegerField(min_value=0, max_value=32767, error_messages=_YEAR, help_text="ปี พ.ศ.")
    title = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class CommunityPlanCopySerializer(serializers.Serializer):
    fiscal_year = serializers.IntegerField(min_value=0, max_value=32767, error_messages=_YEAR, help_text="ปี พ.ศ.")
    title = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class PlanItemUpdateSerializer(serializers.Serializer):
    theme = serializers.SlugRelatedField(slug_field="code", queryset=Theme.objects.all(), error_messages=_THEME)
    title = serializers.CharField(max_length=255, error_messages={"blank": gettext_lazy("กรุณากรอกชื่อรายการ/โครงการ")})
    description = serializers.CharField(required=False, allow_blank=True)
    target_group = serializers.CharField(max_length=255, required=False, allow_blank=True)
    location = serializers.CharField(max_length=255, required=False, allow_blank=True)
    budget_needed = serializers.CharField(
        max_length=32,
        required=False,
        allow_blank=True,
        help_text='บาท: ตัวเลข เช่น 50000, "50,000" หรือเลขไทย "๕๐,๐๐๐"; ต้องไม่ติดลบ',
    )
    priority = serializers.ChoiceField(
        choices=Priority.choices,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("ลำดับความสำคัญไม่ถูกต้อง")},
    )
    target_agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), required=False, allow_null=True, error_messages=_AGENCY
    )


class PlanItemCreateSerializer(PlanItemUpdateSerializer):
    plan = serializers.IntegerField(min_value=1, max_value=2**31 - 1, help_text="รหัสแผนพัฒนาชุมชน")


# Views ------------------------------------------------------------------------------------

WRITE = permissions.can_edit_community_plan


class CommunityPlanViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = CommunityPlanSerializer
    filterset_fields = ["fiscal_year"]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    rules = {"partial_update": WRITE, "destroy": WRITE, "copy": WRITE}

    def rule_kwargs(self, plan):
        return {"council": plan.council}

    def get_queryset(self):
        return selectors.community_plans_for_api(user=self.request.user)

    def _output(self, plan, code=status.HTTP_200_OK):
        return Response(CommunityPlanSerializer(self.get_queryset().get(pk=plan.pk)).data, status=code)

    @extend_schema(request=CommunityPlanCreateSerializer, responses={201: CommunityPlanSerializer})
    def create(self, request, *args, **kwargs):
        data = CommunityPlanCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            council = selectors.council_for_plans(user=request.user, code=values.pop("council"))
        except Council.DoesNotExist:
            raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลนี้")) from None
        plan = services.community_plan_create(council=council, by=request.user, **values)
        return self._output(plan, status.HTTP_201_CREATED)

    @extend_schema(request=CommunityPlanUpdateSerializer, responses={200: CommunityPlanSerializer})
    def partial_update(self, request, *args, **kwargs):
        plan = self.get_object()
        data = CommunityPlanUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        plan = services.community_plan_update(plan=plan, by=request.user, **data.validated_data)
        return self._output(plan)

    def destroy(self, request, *args, **kwargs):
        services.community_plan_delete(plan=self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=CommunityPlanCopySerializer, responses={201: CommunityPlanSerializer})
    @action(detail=True, methods=["post"])
    def copy(self, request, pk=None):
        """Start a new fiscal year's plan from this one: every item copied, each pending review."""
        source = self.get_object()
        data = CommunityPlanCopySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan = services.community_plan_copy(source=source, by=request.user, **data.validated_data)
        return self._output(plan, status.HTTP_201_CREATED)


class PlanItemViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = PlanItemSerializer
    filterset_fields = ["plan", "plan__fiscal_year", "theme"]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    rules = {"partial_update": WRITE, "destroy": WRITE}

    def rule_kwargs(self, item):
        return {"council": item.plan.council}

    def get_queryset(self):
        return selectors.plan_items_for_api(user=self.request.user)

    def _output(self, item, code=status.HTTP_200_OK):
        return Response(PlanItemSerializer(self.get_queryset().get(pk=item.pk)).data, status=code)

    @extend_schema(request=PlanItemCreateSerializer, responses={201: PlanItemSerializer})
    def create(self, request, *args, **kwargs):
        data = PlanItemCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            plan = selectors.community_plans_for_api(user=request.user).get(pk=values.pop("plan"))
        except CommunityPlan.DoesNotExist:
            raise Http404(_("ไม่พบแผนพัฒนาชุมชนนี้")) from None
        item = services.plan_item_add(plan=plan, by=request.user, **values)
        return self._output(item, status.HTTP_201_CREATED)

    @extend_schema(request=PlanItemUpdateSerializer, responses={200: PlanItemSerializer})
    def partial_update(self, request, *args, **kwargs):
        item = self.get_object()
        data = PlanItemUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        item = services.plan_item_update(item=item, by=request.user, **data.validated_data)
        return self._output(item)

    def destroy(self, request, *args, **kwargs):
        services.plan_item_delete(item=self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
