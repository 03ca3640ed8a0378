from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.response import Response

from .. import permissions, selectors, services
from .serializers import AlignmentInputSerializer, AlignmentSerializer


class AlignmentViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = AlignmentSerializer
    filterset_fields = ["status"]
    http_method_names = ["get", "patch", "put", "head", "options"]
    rules = {"update": permissions.can_review_plan_item, "partial_update": permissions.can_review_plan_item}

    def rule_kwargs(self, alignment):
        return {"plan_item": alignment.plan_item}

    def get_queryset(self):
        return selectors.alignments_visible_to(user=self.request.user).order_by("id")

    @extend_schema(request=AlignmentInputSerializer, responses=AlignmentSerializer)
    def update(self, request, *args, **kwargs):
        alignment = self.get_object()
        data = AlignmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = services.alignment_review(plan_item=alignment.plan_item, by=request.user, **data.validated_data)
        return Response(AlignmentSerializer(result).data)

    @extend_schema(request=AlignmentInputSerializer, responses=AlignmentSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, **kwargs)
