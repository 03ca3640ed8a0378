"""Reads of agencies: which agencies a council in a given tambon may name."""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from geo.models import Subdistrict

from .models import Agency


def agencies_near(*, subdistrict: Subdistrict) -> QuerySet[Agency]:
    """Agencies of the tambon's province, the nearest first: the tambon's own, the
    district's, province-wide, then other districts of the province."""
    return (
        Agency.objects.filter(province_id=subdistrict.district.province_id)
        .select_related("district")
        .annotate(
            nearness=Case(
                When(subdistrict_id=subdistrict.pk, then=Value(0)),
                When(district_id=subdistrict.district_id, then=Value(1)),
                When(district__isnull=True, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        )
        .order_by("nearness", "district__code", "name", "pk")
    )


def local_governments_for(*, subdistrict: Subdistrict) -> QuerySet[Agency]:
    """Local governments a council of this tambon may name as its LAO: those of its
    district, and the provincial one (อบจ.)."""
    return (
        Agency.objects.local_governments()
        .filter(province_id=subdistrict.district.province_id)
        .filter(Q(district_id=subdistrict.district_id) | Q(district__isnull=True))
        .order_by("name", "pk")
    )


def agency_names(ids) -> dict[int, str]:
    ids = set(ids)
    return dict(Agency.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}
