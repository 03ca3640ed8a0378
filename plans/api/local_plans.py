"""The LAO local plans API: projects (with their budget per year) and amendments.

Everyone reads what their scope holds (the LAO's staff, the district's officers, CODI staff,
the tambon's council staff); the LAO's own staff (and administrators) write, through the
same services and rule as the pages (``plans.services.local_plans``,
``permissions.can_edit_local_plan``): 404 outside the scope, 403 inside it without the
right. A project is added to the plan (or by an addition amendment), corrected in place,
deleted when typed by mistake, replaced (``change``) or withdrawn (``withdraw``) by a
change amendment; an amendment can be created together with everything it does, all or
nothing."""

from __future__ import annotations

import re

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from common.thai import arabic_digits
from councils.imports.cells import CellError
from geo.models import Theme

from .. import permissions, services
from ..choices import AmendmentKind
from ..local_import.columns import budget_cell
from ..models import LocalPlan, LocalPlanAmendment, LocalPlanProject
from ..selectors import local_plans as selectors

# Output -----------------------------------------------------------------------------------


class LocalProjectBudgetSerializer(serializers.Serializer):
    fiscal_year = serializers.IntegerField(read_only=True, help_text="ปี พ.ศ.")
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)


class LocalPlanProjectSerializer(serializers.ModelSerializer):
    lao = serializers.CharField(source="lao.name", read_only=True)
    lao_dla_code = serializers.CharField(source="lao.dla_code", read_only=True)
    theme = serializers.CharField(source="theme.code", read_only=True, allow_null=True, default=None)
    budgets = LocalProjectBudgetSerializer(many=True, read_only=True)

    class Meta:
        model = LocalPlanProject
        fields = [
            "id", "lao", "lao_dla_code", "local_plan", "fiscal_year", "title", "budget", "budgets", "number",
            "strategy", "work_plan", "theme", "objective", "target", "location", "indicator", "expected_result",
            "responsible_unit", "added_by", "superseded_by", "replaces",
        ]  # fmt: skip
        read_only_fields = fields


class LocalPlanAmendmentSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    has_document = serializers.SerializerMethodField()

    class Meta:
        model = LocalPlanAmendment
        fields = ["id", "local_plan", "kind", "number", "year", "label", "effective_on", "note", "has_document"]
        read_only_fields = fields

    def get_has_document(self, obj) -> bool:
        return bool(obj.document)


# Input ------------------------------------------------------------------------------------

_THEME = {"does_not_exist": gettext_lazy("ไม่พบประเด็นงานรหัส “{value}”"), "invalid": gettext_lazy("รหัสประเด็นงานไม่ถูกต้อง")}
_ID = {"invalid": gettext_lazy("ต้องเป็นรหัสตัวเลข"), "required": gettext_lazy("กรุณาระบุ")}


class BudgetsField(serializers.DictField):
    """``{"2569": 50000, "2570": "๕๐,๐๐๐"}``: the budget per fiscal year (BE); ``null``,
    ``""`` or ``"-"`` for no budget that year. Years outside the plan's cycle are refused
    by the service."""

    child = serializers.JSONField(allow_null=True)

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        cleaned = {}
        for key, raw in data.items():
            year = arabic_digits(str(key)).strip()
            if not re.fullmatch(r"\d{4}", year):
                raise serializers.ValidationError(_("ปีงบประมาณ “%(year)s” ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2569") % {"year": key})
            if raw is None or (isinstance(raw, str) and raw.strip() in ("", "-", "–", "—")):
                continue
            if isinstance(raw, (dict, list)):
                raise serializers.ValidationError(_("งบประมาณปี %(year)s ต้องเป็นตัวเลข") % {"year": year})
            try:
                cleaned[int(year)] = budget_cell(raw)
            except CellError as error:
                raise serializers.ValidationError(f"{year}: {error.message}") from None
        return cleaned


class LocalProjectFieldsSerializer(serializers.Serializer):
    title = serializers.CharField(
        max_length=255,
        error_messages={"blank": gettext_lazy("กรุณากรอกชื่อโครงการ"), "required": gettext_lazy("กรุณากรอกชื่อโครงการ")},
    )
    budgets = BudgetsField(
        help_text='งบประมาณรายปี {"ปี พ.ศ.": บาท} เช่น {"2569": 50000, "2570": "๕๐,๐๐๐"}; ปีต้องอยู่ในรอบของแผน',
        error_messages={"required": gettext_lazy("กรุณาระบุงบประมาณอย่างน้อยหนึ่งปี")},
    )
    number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    strategy = serializers.CharField(max_length=255, required=False, allow_blank=True)
    work_plan = serializers.CharField(max_length=255, required=False, allow_blank=True)
    theme = serializers.SlugRelatedField(
        slug_field="code", queryset=Theme.objects.all(), required=False, allow_null=True, error_messages=_THEME
    )
    objective = serializers.CharField(required=False, allow_blank=True)
    target = serializers.CharField(required=False, allow_blank=True)
    location = serializers.CharField(max_length=255, required=False, allow_blank=True)
    indicator = serializers.CharField(max_length=255, required=False, allow_blank=True)
    expected_result = serializers.CharField(required=False, allow_blank=True)
    responsible_unit = serializers.CharField(max_length=255, required=False, allow_blank=True)


class LocalProjectCreateSerializer(LocalProjectFieldsSerializer):
    local_plan = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, error_messages=_ID, help_text="รหัสแผนพัฒนาท้องถิ่น"
    )
    amendment = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        allow_null=True,
        error_messages=_ID,
        help_text="รหัสการแก้ไขแผนแบบ “เพิ่มเติม” ที่นำโครงการนี้เข้าแผน (ไม่ระบุ: แผนที่ประกาศใช้)",
    )


class LocalAmendmentRefSerializer(serializers.Serializer):
    amendment = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, error_messages=_ID, help_text="รหัสการแก้ไขแผนแบบ “เปลี่ยนแปลง”"
    )


class LocalProjectChangeSerializer(LocalProjectFieldsSerializer, LocalAmendmentRefSerializer):
    pass


@extend_schema_field(OpenApiTypes.INT)
class ScopedProjectField(serializers.PrimaryKeyRelatedField):
    """A project the user's scope holds; any other id is "not found" (its title is not told)."""

    default_error_messages = {
        "does_not_exist": gettext_lazy("ไม่พบโครงการในแผนท้องถิ่นรหัส {pk_value}"),
        "incorrect_type": gettext_lazy("รหัสโครงการต้องเป็นตัวเลข"),
        "required": gettext_lazy("กรุณาระบุโครงการ"),
    }

    def get_queryset(self):
        return LocalPlanProject.objects.visible_to(self.context["request"].user)


class LocalProjectReplaceSerializer(LocalProjectFieldsSerializer):
    project = ScopedProjectField(help_text="รหัสโครงการเดิมที่ถูกแทน")


class LocalAmendmentCreateSerializer(serializers.Serializer):
    local_plan = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, error_messages=_ID, help_text="รหัสแผนพัฒนาท้องถิ่น"
    )
    kind = serializers.ChoiceField(
        choices=AmendmentKind.choices, error_messages={"invalid_choice": gettext_lazy("ประเภทการแก้ไขแผนไม่ถูกต้อง")}
    )
    number = serializers.IntegerField(min_value=1, max_value=32767, help_text="ครั้งที่")
    year = serializers.IntegerField(min_value=2400, max_value=2700, help_text="ปี พ.ศ.")
    effective_on = serializers.DateField(help_text="วันที่ประกาศใช้ (ค.ศ. YYYY-MM-DD)")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    additions = LocalProjectFieldsSerializer(
        many=True, required=False, default=list, max_length=200, help_text="แบบ “เพิ่มเติม”: โครงการที่นำเข้าแผน"
    )
    changes = LocalProjectReplaceSerializer(
        many=True, required=False, default=list, max_length=200, help_text="แบบ “เปลี่ยนแปลง”: โครงการเดิมและโครงการที่มาแทน"
    )
    withdrawals = serializers.ListField(
        child=ScopedProjectField(),
        required=False,
        default=list,
        max_length=200,
        help_text="แบบ “เปลี่ยนแปลง”: รหัสโครงการที่ยกเลิก",
    )


# Views ------------------------------------------------------------------------------------

WRITE = permissions.can_edit_local_plan


def _plan_in_scope(user, pk) -> LocalPlan:
    try:
        return selectors.local_plan_in_scope(user=user, pk=pk)
    except LocalPlan.DoesNotExist:
        raise Http404(_("ไม่พบแผนพัฒนาท้องถิ่นนี้")) from None


def _amendment_of(plan, pk, field="amendment") -> LocalPlanAmendment:
    try:
        return selectors.local_plan_amendment_in_plan(plan=plan, pk=pk)
    except LocalPlanAmendment.DoesNotExist:
        raise serializers.ValidationError({field: [_("ไม่พบการแก้ไขแผนรหัส %(pk)s ในแผนนี้") % {"pk": pk}]}) from None


class LocalPlanProjectViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = LocalPlanProjectSerializer
    filterset_fields = ["fiscal_year", "local_plan"]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    rules = {"partial_update": WRITE, "destroy": WRITE, "change": WRITE, "withdraw": WRITE}

    def rule_kwargs(self, project):
        return {"lao": project.lao}

    def get_queryset(self):
        return selectors.local_plan_projects_visible_to(user=self.request.user).order_by("id")

    def _output(self, project, code=status.HTTP_200_OK):
        return Response(LocalPlanProjectSerializer(self.get_queryset().get(pk=project.pk)).data, status=code)

    @extend_schema(request=LocalProjectCreateSerializer, responses={201: LocalPlanProjectSerializer})
    def create(self, request, *args, **kwargs):
        """Add a project to the plan as adopted, or (``amendment``) by an addition amendment."""
        data = LocalProjectCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        plan = _plan_in_scope(request.user, values.pop("local_plan"))
        amendment_id = values.pop("amendment", None)
        amendment = _amendment_of(plan, amendment_id) if amendment_id else None
        project = services.local_plan_project_add(plan=plan, by=request.user, amendment=amendment, **values)
        return self._output(project, status.HTTP_201_CREATED)

    @extend_schema(request=LocalProjectFieldsSerializer(partial=True), responses={200: LocalPlanProjectSerializer})
    def partial_update(self, request, *args, **kwargs):
        """Correct the project in place (a typo, a wrong figure); a change the council adopted
        goes through ``change`` with a change amendment."""
        project = self.get_object()
        data = LocalProjectFieldsSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        project = services.local_plan_project_update(project=project, by=request.user, **data.validated_data)
        return self._output(project)

    def destroy(self, request, *args, **kwargs):
        """Delete a project typed by mistake (400 for one aligned to a community plan item or
        that replaced another: withdraw it by a change amendment)."""
        services.local_plan_project_delete(project=self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=LocalProjectChangeSerializer, responses={201: LocalPlanProjectSerializer})
    @action(detail=True, methods=["post"])
    def change(self, request, pk=None):
        """A change amendment replaces this project: the old row is kept (superseded) and the
        new one, answered here, ``replaces`` it."""
        project = self.get_object()
        data = LocalProjectChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        amendment = _amendment_of(project.local_plan, values.pop("amendment"))
        new = services.local_plan_project_change(amendment=amendment, project=project, by=request.user, **values)
        return self._output(new, status.HTTP_201_CREATED)

    @extend_schema(request=LocalAmendmentRefSerializer, responses={200: LocalPlanProjectSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """A change amendment takes this project out of the plan from its date."""
        project = self.get_object()
        data = LocalAmendmentRefSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        amendment = _amendment_of(project.local_plan, data.validated_data["amendment"])
        project = services.local_plan_project_withdraw(amendment=amendment, project=project, by=request.user)
        return self._output(project)


class LocalPlanAmendmentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = LocalPlanAmendmentSerializer
    filterset_fields = ["local_plan", "kind"]
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        return selectors.local_plan_amendments_visible_to(user=self.request.user).order_by("id")

    @extend_schema(request=LocalAmendmentCreateSerializer, responses={201: LocalPlanAmendmentSerializer})
    def create(self, request, *args, **kwargs):
        """An amendment and what it does, all or nothing: an addition's ``additions``, a
        change's ``changes`` (replacements) and ``withdrawals``. A project of another LAO,
        a year outside the plan's cycle or a taken number is refused (400) and nothing is
        written. The PDF is attached on the plan's page."""
        data = LocalAmendmentCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        plan = _plan_in_scope(request.user, values.pop("local_plan"))
        amendment = services.local_plan_amendment_apply(plan=plan, by=request.user, **values)
        return Response(LocalPlanAmendmentSerializer(amendment).data, status=status.HTTP_201_CREATED)
