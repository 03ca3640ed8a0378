"""The section pipeline: a report is a list of sections (one per kind of report, see
``reports.sections``), each ``gather(area) → context`` plus a template.

A section's template is ``reports/pdf/sections/<slug>.html``; it receives ``ctx`` (what
gather returned), ``spec``, ``section`` and its ``number``. Gather functions ask each app's
``reporting.py`` selectors for their figures and never query another app's tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from common.thai import fiscal_year_bounds
from councils.models import Council
from geo.models import District, Province, Region, Subdistrict

from ..choices import ReportKind, ReportScope
from ..spec import ReportSpec


def period_of(spec: ReportSpec) -> tuple[dt.date, dt.date]:
    """The reported date range: the fiscal year, or one quarter of it (Q1 is Oct–Dec)."""
    start, end = fiscal_year_bounds(spec.fiscal_year)
    if spec.kind != ReportKind.QUARTERLY or not spec.quarter:
        return start, end
    month = 10 + 3 * (spec.quarter - 1)
    year = start.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    q_start = dt.date(year, month, 1)
    nxt = dt.date(year + (month + 2) // 12, (month + 2) % 12 + 1, 1)
    return q_start, nxt - dt.timedelta(days=1)


# How each level of report area picks its subdistricts.
_SUBDISTRICTS_OF = {
    ReportScope.REGION: lambda s: {"district__province__regions": s.region_id},
    ReportScope.PROVINCE: lambda s: {"district__province_id": s.province_id},
    ReportScope.DISTRICT: lambda s: {"district_id": s.district_id},
    ReportScope.COUNCIL: lambda s: {"council": s.council_id},
}


@dataclass(frozen=True)
class ReportArea:
    """The area a report covers (the whole country, a CODI region, a province, a district or
    one council) and its period. Not to be confused with a user's scope
    (``accounts.scoping.Scope``): this is what a report is about, not who may see it."""

    spec: ReportSpec

    @property
    def is_national(self) -> bool:
        return self.spec.scope not in _SUBDISTRICTS_OF

    @cached_property
    def instance(self):
        """The Region, Province, District or Council covered; None for the whole country."""
        s = self.spec
        return {
            ReportScope.REGION: lambda: Region.objects.get(pk=s.region_id),
            ReportScope.PROVINCE: lambda: Province.objects.get(pk=s.province_id),
            ReportScope.DISTRICT: lambda: District.objects.select_related("province").get(pk=s.district_id),
            ReportScope.COUNCIL: lambda: Council.objects.select_related("subdistrict").get(pk=s.council_id),
        }.get(s.scope, lambda: None)()

    @property
    def label(self) -> str:
        a, scope = self.instance, self.spec.scope
        if scope == ReportScope.REGION:
            return a.name_th
        if scope == ReportScope.PROVINCE:
            return _("จังหวัด%(name)s") % {"name": a.name_th}
        if scope == ReportScope.DISTRICT:
            return _("อำเภอ%(name)s จังหวัด%(province)s") % {"name": a.name_th, "province": a.province.name_th}
        if scope == ReportScope.COUNCIL:
            return a.name
        return _("ทั้งประเทศ")

    @property
    def subdistricts(self):
        """The area's Subdistricts as a lazy queryset of ids (a subquery for the apps'
        reporting selectors), or None for the whole country."""
        if self.is_national:
            return None
        return Subdistrict.objects.filter(**_SUBDISTRICTS_OF[self.spec.scope](self.spec)).values("pk")

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        return period_of(self.spec)

    @property
    def quarter_dates(self) -> tuple[dt.date, dt.date] | None:
        """The quarter's first and last day for a quarterly report; None for an annual one
        (its figures are those of the whole fiscal year)."""
        return self.period if self.spec.kind == ReportKind.QUARTERLY and self.spec.quarter else None


@dataclass(frozen=True)
class Section:
    slug: str
    title: str  # lazy Thai title; also the table-of-contents entry
    gather: Callable[[ReportArea], dict]
    in_toc: bool = True
    chapter: bool = True  # starts on a new page
    # The section's lines on the XLSX summary sheet, from what gather returned (a section
    # whose context has ``rows`` of (label, number) gets them without one).
    xlsx_rows: Callable[[dict], list[list]] | None = None

    @property
    def template_name(self) -> str:
        return f"reports/pdf/sections/{self.slug}.html"


# Compound names a line must never split (Pango/libthai breaks Thai between dictionary words,
# which is right for running text but splits these official names).
KEEP_TOGETHER = (
    "ปีงบประมาณ",
    "พ.ศ.",
    "สภาองค์กรชุมชนตำบล",
    "องค์กรปกครองส่วนท้องถิ่น",
    "แผนพัฒนาท้องถิ่น",
    "แผนพัฒนาชุมชน",
    "สถาบันพัฒนาองค์กรชุมชน",
    "กรมการพัฒนาชุมชน",
    "กรมส่งเสริมการปกครองท้องถิ่น",
    "หน่วยงาน",
    "ดำเนินงาน",
)


def keep_together(text: str) -> str:
    """HTML of ``text`` in which the KEEP_TOGETHER names never break across lines (no-wrap
    spans; unlike joiner characters these leave copied and extracted text unchanged)."""
    html = escape(text)
    for word in KEEP_TOGETHER:
        html = html.replace(word, f'<span class="nobr">{word}</span>')
    return mark_safe(html)


def paragraphs(text: str) -> list:
    """A narrative as its paragraphs (one per line of what was typed, blank lines dropped),
    each as keep_together HTML; the PDF indents each paragraph's first line as Thai
    official documents do."""
    return [keep_together(line.strip()) for line in (text or "").splitlines() if line.strip()]
