"""The reports API: ask for a report (any scope and kind), follow its job, publish it.

Services raise Django's ValidationError; common.api's exception handler answers it as a 400
with the Thai messages, like everywhere else in the API."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from common.api_rules import RulePermission

from .. import permissions as report_permissions
from .. import selectors, services
from .serializers import ReportInputSerializer, ReportPublishSerializer, ReportSerializer

_AREAS = ("region", "province", "district", "council")


class ReportViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ReportSerializer
    permission_classes = [permissions.IsAuthenticated, RulePermission]
    filterset_fields = ["fiscal_year", "status", "scope", "quarter", "is_published"]
    rules = {"publish": report_permissions.can_manage_report}
    rule_object_name = "report"

    def get_queryset(self):
        return selectors.reports_visible_to(user=self.request.user).order_by("-requested_at")

    @extend_schema(request=ReportInputSerializer, responses={201: ReportSerializer})
    def create(self, request, *args, **kwargs):
        data = ReportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        scope = values["scope"]
        area = values.get(scope) if scope in _AREAS else None
        # An area outside a CODI staff member's provinces does not exist for them.
        if (
            area is not None
            and report_permissions.can_request_report(user=request.user)
            and not selectors.area_requestable(user=request.user, scope=scope, **{scope: area})
        ):
            raise NotFound(_("ไม่พบพื้นที่นี้ในพื้นที่ที่คุณรับผิดชอบ"))
        report = services.report_request(by=request.user, **values)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ReportPublishSerializer, responses={200: ReportSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        # DRF's get_object_or_404, not Django's: an id that is not a number is a 404, never a 500.
        report = get_object_or_404(self.get_queryset(), pk=pk)
        self.check_object_permissions(request, report)
        data = ReportPublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_publish(report=report, by=request.user, publish=data.validated_data["publish"])
        return Response(ReportSerializer(report).data)
