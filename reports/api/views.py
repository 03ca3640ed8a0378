from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.response import Response

from .. import selectors, services
from .serializers import ReportInputSerializer, ReportSerializer


class ReportViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ReportSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["fiscal_year", "status", "scope"]

    def get_queryset(self):
        return selectors.reports_visible_to(user=self.request.user)

    @extend_schema(request=ReportInputSerializer, responses={201: ReportSerializer})
    def create(self, request, *args, **kwargs):
        data = ReportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_request(by=request.user, **data.validated_data)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)
