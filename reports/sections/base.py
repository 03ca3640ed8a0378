"""The section pipeline: a report is a list of sections, each gather(spec) → context + a template.

Registering a section is one line: ``register(Section("slug", _("Title"), gather_fn))``; its
template is ``reports/pdf/sections/<slug>.html`` and receives ``ctx`` (what gather returned),
``spec``, ``scope`` and ``section``.
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
from geo.models import District, Province, Region

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


@dataclass(frozen=True)
class Scope:
    """The area a spec covers, and how to restrict each model to it."""

    spec: ReportSpec

    @cached_property
    def area(self):
        s = self.spec
        return {
            ReportScope.REGION: lambda: Region.objects.get(pk=s.region_id),
            ReportScope.PROVINCE: lambda: Province.objects.get(pk=s.province_id),
            ReportScope.DISTRICT: lambda: District.objects.select_related("province").get(pk=s.district_id),
            ReportScope.COUNCIL: lambda: Council.objects.select_related("subdistrict").get(pk=s.council_id),
        }.get(s.scope, lambda: None)()

    @property
    def label(self) -> str:
        a, scope = self.area, self.spec.scope
        if scope == ReportScope.REGION:
            return a.name_th
        if scope == ReportScope.PROVINCE:
            return _("จังหวัด%(name)s") % {"name": a.name_th}
        if scope == ReportScope.DISTRICT:
            return _("อำเภอ%(name)s จังหวัด%(province)s") % {"name": a.name_th, "province": a.province.name_th}
        if scope == ReportScope.COUNCIL:
            return a.name
        return _("ทั้งประเทศ")

    def restrict(self, qs, subdistrict: str):
        """Keep rows of ``qs`` whose Subdistrict (reached by the ``subdistrict`` path) is in scope."""
        s, p = self.spec, subdistrict
        if s.scope == ReportScope.REGION:
            return qs.filter(**{f"{p}__district__province__regions": s.region_id})
        if s.scope == ReportScope.PROVINCE:
            return qs.filter(**{f"{p}__district__province_id": s.province_id})
        if s.scope == ReportScope.DISTRICT:
            return qs.filter(**{f"{p}__district_id": s.district_id})
        if s.scope == ReportScope.COUNCIL:
            return qs.filter(**{f"{p}__council__id": s.council_id})
        return qs

    @property
    def period(self):
        return period_of(self.spec)


@dataclass(frozen=True)
class Section:
    slug: str
    title: str  # lazy Thai title; also the table-of-contents entry
    gather: Callable[[Scope], dict]
    template: str = ""
    in_toc: bool = True
    chapter: bool = True  # starts on a new page

    @property
    def template_name(self) -> str:
        return self.template or f"reports/pdf/sections/{self.slug}.html"


SECTIONS: list[Section] = []


def register(section: Section) -> Section:
    """Append ``section`` to every report (sections render in registration order)."""
    SECTIONS.append(section)
    return section


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
)


def keep_together(text: str) -> str:
    """HTML of ``text`` in which the KEEP_TOGETHER names never break across lines (no-wrap
    spans; unlike joiner characters these leave copied and extracted text unchanged)."""
    html = escape(text)
    for word in KEEP_TOGETHER:
        html = html.replace(word, f'<span class="nobr">{word}</span>')
    return mark_safe(html)
