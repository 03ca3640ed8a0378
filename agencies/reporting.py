"""The figures agencies give to reports: read-only selectors returning plain values."""

from __future__ import annotations

from common.figures import counts_by_choice

from .choices import AgencyKind
from .models import Agency


def agencies_by_kind(*, agency_ids) -> list[tuple[str, int]]:
    """(Thai label, agencies) for every kind, among ``agency_ids`` (ids, or a subquery of
    them such as ``councils.reporting.partner_agency_ids``)."""
    return counts_by_choice(Agency.objects.filter(pk__in=agency_ids), "kind", AgencyKind)
