"""The open data as a read-only API (no sign-in): one paginated list per dataset, with the
same rows and columns as the files (reports.opendata.datasets), documented in the OpenAPI
schema from the data dictionary, and throttled per client address."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import Throttled
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from common.http import client_ip

from ..opendata.datasets import DATASETS, DATE, DATETIME, INTEGER, LICENCE, Dataset
from ..opendata.writers import plain


class OpenDataThrottle(AnonRateThrottle):
    """Anonymous requests per client address (behind our proxies: TRUSTED_PROXY_COUNT),
    counted in the database cache every worker shares; the rate is OPEN_DATA_API_RATE."""

    scope = "open_data"

    def __init__(self):
        self.cache = caches["shared"]
        super().__init__()

    def get_rate(self):
        return settings.OPEN_DATA_API_RATE

    def get_ident(self, request):
        return client_ip(request) or super().get_ident(request)


class ThrottledSerializer(serializers.Serializer):
    """The 429 answer: the Thai message (Retry-After says when to try again)."""

    detail = serializers.CharField()


class OpenDataPagination(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


_FIELDS = {
    INTEGER: lambda **kw: serializers.IntegerField(allow_null=True, **kw),
    DATE: lambda **kw: serializers.DateField(allow_null=True, **kw),
    DATETIME: lambda **kw: serializers.DateTimeField(allow_null=True, **kw),
}


def _serializer_for(dataset: Dataset) -> type[serializers.Serializer]:
    fields = {
        column.name: _FIELDS.get(column.type, lambda **kw: serializers.CharField(allow_blank=True, **kw))(
            read_only=True, label=column.label, help_text=column.meaning
        )
        for column in dataset.columns
    }
    name = "Open" + "".join(part.title() for part in dataset.slug.split("_")) + "Row"
    return type(name, (serializers.Serializer,), fields)


class OpenDataViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    authentication_classes = []  # open: no session (so no CSRF), no token
    permission_classes = [AllowAny]
    throttle_classes = [OpenDataThrottle]
    pagination_class = OpenDataPagination
    filter_backends = []
    dataset: Dataset = None

    def get_queryset(self):
        return self.dataset.queryset()

    def throttled(self, request, wait):
        seconds = max(1, round(wait or 1))
        raise Throttled(wait, detail=_("เรียกข้อมูลถี่เกินไป ลองใหม่อีก %(n)s วินาที") % {"n": seconds})

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        base = request.build_absolute_uri("/").rstrip("/")
        names = self.dataset.names
        rows = [
            dict(zip(names, (plain(v) for v in row), strict=True)) for obj in page for row in self.dataset.rows_of(obj, base)
        ]
        response = self.get_paginated_response(rows)
        response["X-Licence"] = "CC-BY-4.0"
        return response


def open_data_viewset(dataset: Dataset):
    serializer = _serializer_for(dataset)
    viewset = type(
        serializer.__name__.removesuffix("Row") + "ViewSet",
        (OpenDataViewSet,),
        {"dataset": dataset, "serializer_class": serializer},
    )
    return extend_schema(
        tags=["open-data"],
        summary=dataset.title,
        description=format_lazy("{}\n\n{}", dataset.description, LICENCE),
        responses={
            200: serializer(many=True),
            429: OpenApiResponse(
                response=ThrottledSerializer,
                description=_("เรียกเกินอัตราที่กำหนดต่อที่อยู่ IP (OPEN_DATA_API_RATE) รอตามเวลาใน Retry-After"),
            ),
        },
    )(viewset)


VIEWSETS = {slug: open_data_viewset(dataset) for slug, dataset in DATASETS.items()}
