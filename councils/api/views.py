"""The councils API: councils, organizations, activities (and an activity's history).

Scoped by the same selectors and filtered by the same FilterSets as the HTML lists.
The large lists use cursor pagination (``?cursor=``): no COUNT(*) over 150,000 rows and
stable pages while people keep adding. Outside the scope: 404; inside but not allowed: 403.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .. import selectors
from ..filters import ActivityFilter, CouncilFilter, OrganizationFilter
from ..models import Activity, CommunityOrganization, Council
from ..selectors import activities as activity_selectors
from ..selectors import councils as council_selectors
from ..selectors import organizations as org_selectors
from ..services import activities as activity_services
from ..services import registry
from .serializers import (
    ActivityInputSerializer,
    ActivitySerializer,
    ActivityUpdateInputSerializer,
    CouncilProfileInputSerializer,
    CouncilSerializer,
    HistoryEntrySerializer,
    OrganizationInputSerializer,
    OrganizationSerializer,
)


class _Cursor(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class CouncilCursor(_Cursor):
    ordering = "tambon_code"


class OrganizationCursor(_Cursor):
    ordering = "code"


class ActivityCursor(_Cursor):
    ordering = "-id"  # newest first; unique, so pages never skip or repeat a row


def _council_for_edit(user, code) -> Council:
    try:
        return selectors.council_for_edit(user=user, code=code)
    except Council.DoesNotExist:
        raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลนี้")) from None


class CouncilViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Councils: everyone sees published councils; signed-in users also those in scope.
    PATCH changes a council's profile (its own staff only)."""

    serializer_class = CouncilSerializer
    lookup_field = "subdistrict__code"
    lookup_url_kwarg = "code"
    filterset_class = CouncilFilter
    pagination_class = CouncilCursor
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return council_selectors.councils_for_api(user=self.request.user)

    @extend_schema(request=CouncilProfileInputSerializer, responses={200: CouncilSerializer})
    def partial_update(self, request, *args, **kwargs):
        council = _council_for_edit(request.user, kwargs["code"])
        data = CouncilProfileInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        if "lao" in values and values["lao"] is not None:
            values["lao"] = council_selectors.laos_for_council(council=council).filter(pk=values["lao"]).first()
            if values["lao"] is None:
                raise ValidationError({"lao": [_("องค์กรปกครองส่วนท้องถิ่นต้องเป็น อปท. ในอำเภอของสภา หรือ อบจ. ของจังหวัด")]})
        registry.council_update_profile(council=council, by=request.user, **values)
        return Response(CouncilSerializer(self.get_queryset().get(pk=council.pk)).data)


class OrganizationViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Community organizations in the user's scope (sign-in needed), by CODI code."""

    serializer_class = OrganizationSerializer
    permission_classes = [IsAuthenticated]  # like the HTML list: organizations are not public
    lookup_field = "code"
    filterset_class = OrganizationFilter
    pagination_class = OrganizationCursor
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return org_selectors.organizations_for_api(user=self.request.user)

    def _output(self, org, code=status.HTTP_200_OK):
        org = self.get_queryset().get(pk=org.pk)
        return Response(OrganizationSerializer(org).data, status=code)

    @extend_schema(request=OrganizationInputSerializer, responses={201: OrganizationSerializer})
    def create(self, request, *args, **kwargs):
        data = OrganizationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        council = _council_for_edit(request.user, values.pop("council"))
        org = registry.organization_add(council=council, by=request.user, **values)
        return self._output(org, status.HTTP_201_CREATED)

    @extend_schema(request=OrganizationInputSerializer, responses={200: OrganizationSerializer})
    def partial_update(self, request, *args, **kwargs):
        try:
            org = org_selectors.organization_for_edit(user=request.user, code=kwargs["code"])
        except CommunityOrganization.DoesNotExist:
            raise Http404(_("ไม่พบองค์กรชุมชนนี้")) from None
        data = OrganizationInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        for fixed in ("council", "code"):
            if fixed in values:
                raise ValidationError({fixed: [_("เปลี่ยนรหัส พอช. หรือสภาขององค์กรไม่ได้")]})
        registry.organization_update(organization=org, by=request.user, **values)
        return self._output(org)


class ActivityViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    pagination_class = ActivityCursor
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.activities_visible_to(user=self.request.user).prefetch_related("photos", "agencies")

    def _output(self, activity, code=status.HTTP_200_OK):
        activity = self.get_queryset().get(pk=activity.pk)
        return Response(ActivitySerializer(activity, context={"request": self.request}).data, status=code)

    @extend_schema(request=ActivityInputSerializer, responses={201: ActivitySerializer})
    def create(self, request, *args, **kwargs):
        data = ActivityInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        council = _council_for_edit(request.user, values.pop("council"))
        activity = activity_services.activity_log(council=council, by=request.user, **values)
        return self._output(activity, status.HTTP_201_CREATED)

    @extend_schema(request=ActivityUpdateInputSerializer, responses={200: ActivitySerializer})
    def partial_update(self, request, *args, **kwargs):
        activity = self._activity(kwargs["pk"])
        data = ActivityUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        activity = activity_services.activity_update(activity=activity, by=request.user, **data.validated_data)
        return self._output(activity)

    def _activity(self, pk) -> Activity:
        try:
            return (
                selectors.activities_visible_to(user=self.request.user)
                .prefetch_related("photos", "agencies")
                .get(pk=pk)
            )
        except (Activity.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบกิจกรรมนี้")) from None

    @extend_schema(responses={200: HistoryEntrySerializer(many=True)})
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """Who changed what, when (newest first), with Thai labels."""
        entries = activity_selectors.activity_history(activity=self._activity(pk))
        return Response(HistoryEntrySerializer(entries, many=True).data)
