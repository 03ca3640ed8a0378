from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from .. import selectors, services
from ..models import Council
from .serializers import ActivityInputSerializer, ActivitySerializer, CouncilSerializer


class CouncilViewSet(viewsets.ReadOnlyModelViewSet):
    """Councils: everyone sees published councils; signed-in users also those in scope."""

    serializer_class = CouncilSerializer
    lookup_field = "subdistrict__code"
    lookup_url_kwarg = "code"
    filterset_fields = ["status"]

    def get_queryset(self):
        user = self.request.user
        if user.is_authenticated:
            return (selectors.councils_public() | selectors.councils_visible_to(user=user)).order_by("subdistrict__code")
        return selectors.councils_public().order_by("subdistrict__code")


class ActivityViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ActivitySerializer
    filterset_fields = ["kind", "fiscal_year"]

    def get_queryset(self):
        return selectors.activities_visible_to(user=self.request.user).order_by("-date", "-id")

    @extend_schema(request=ActivityInputSerializer, responses={201: ActivitySerializer})
    def create(self, request, *args, **kwargs):
        data = ActivityInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        code = values.pop("council")
        try:
            council = selectors.council_for_edit(user=request.user, code=code)
        except Council.DoesNotExist:
            raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลนี้")) from None
        activity = services.activity_log(council=council, by=request.user, **values)
        return Response(ActivitySerializer(activity, context={"request": request}).data, status=status.HTTP_201_CREATED)
