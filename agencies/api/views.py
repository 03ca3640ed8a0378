"""The agencies API: every signed-in user reads agencies, missions and agreements; an
agency's own staff write its missions and agreements (the services ask the rule too)."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from .. import permissions, selectors, services
from ..filters import AgencyFilter, MissionFilter
from ..models import CooperationAgreement, Mission
from .serializers import (
    AgencySerializer,
    AgreementCreateSerializer,
    AgreementInputSerializer,
    AgreementSerializer,
    MissionCreateSerializer,
    MissionInputSerializer,
    MissionSerializer,
)

READ = {"list": permissions.can_read_api, "retrieve": permissions.can_read_api}


class _SignedInReads:
    rules = READ

    def rule_kwargs(self, obj) -> dict:
        name = getattr(self, "rule_object_name", None)
        action_rule = self.rules.get(self.action)
        if action_rule is permissions.can_read_api:
            return {}
        return {name: obj}


class AgencyViewSet(_SignedInReads, viewsets.ReadOnlyModelViewSet):
    serializer_class = AgencySerializer
    filterset_class = AgencyFilter

    def get_queryset(self):
        return selectors.agency_list()


class MissionViewSet(
    _SignedInReads,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    serializer_class = MissionSerializer
    filterset_class = MissionFilter
    rules = {
        **READ,
        "create": permissions.can_read_api,  # the agency comes in the body: the service asks its rule
        "partial_update": permissions.can_edit_mission,
        "destroy": permissions.can_edit_mission,
    }
    rule_object_name = "mission"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return selectors.missions_for_api()

    def _mission(self, pk) -> Mission:
        try:
            mission = self.get_queryset().get(pk=pk)
        except (Mission.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบภารกิจนี้")) from None
        self.check_object_permissions(self.request, mission)
        return mission

    @extend_schema(request=MissionCreateSerializer, responses={201: MissionSerializer})
    def create(self, request, *args, **kwargs):
        data = MissionCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        mission = services.mission_create(agency=values.pop("agency"), by=request.user, **values)
        return Response(MissionSerializer(self.get_queryset().get(pk=mission.pk)).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MissionInputSerializer, responses={200: MissionSerializer})
    def partial_update(self, request, *args, **kwargs):
        mission = self._mission(kwargs["pk"])
        data = MissionInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        mission = services.mission_update(mission=mission, by=request.user, **data.validated_data)
        return Response(MissionSerializer(self.get_queryset().get(pk=mission.pk)).data)

    def destroy(self, request, *args, **kwargs):
        services.mission_delete(mission=self._mission(kwargs["pk"]), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AgreementViewSet(
    _SignedInReads,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    serializer_class = AgreementSerializer
    filterset_fields = ["agency"]
    rules = {
        **READ,
        "create": permissions.can_read_api,  # the agency comes in the body: the service asks its rule
        "partial_update": permissions.can_edit_agreement,
        "destroy": permissions.can_edit_agreement,
    }
    rule_object_name = "agreement"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return selectors.agreements_for_api()

    def _agreement(self, pk) -> CooperationAgreement:
        try:
            agreement = self.get_queryset().get(pk=pk)
        except (CooperationAgreement.DoesNotExist, ValueError):
            raise Http404(_("ไม่พบบันทึกข้อตกลงนี้")) from None
        self.check_object_permissions(self.request, agreement)
        return agreement

    def _output(self, agreement, code=status.HTTP_200_OK):
        return Response(AgreementSerializer(self.get_queryset().get(pk=agreement.pk)).data, status=code)

    @extend_schema(request=AgreementCreateSerializer, responses={201: AgreementSerializer})
    def create(self, request, *args, **kwargs):
        data = AgreementCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        agreement = services.agreement_create(agency=values.pop("agency"), by=request.user, **values)
        return self._output(agreement, status.HTTP_201_CREATED)

    @extend_schema(request=AgreementInputSerializer, responses={200: AgreementSerializer})
    def partial_update(self, request, *args, **kwargs):
        agreement = self._agreement(kwargs["pk"])
        data = AgreementInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        agreement = services.agreement_update(agreement=agreement, by=request.user, **data.validated_data)
        return self._output(agreement)

    def destroy(self, request, *args, **kwargs):
        services.agreement_delete(agreement=self._agreement(kwargs["pk"]), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
