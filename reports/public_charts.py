"""The public charts page's figures, as charts (reports.charts): an indicator's target
against its approved actual per period, for the country and one province; and year-on-year
comparisons of assessment levels, the plan alignment share and meetings held.

Published data only: indicator values through ``indicators.public`` (approved values, a
council's while it is published); the year-on-year figures are the PDF report's
(``sections.indicators.year_on_year_columns``) over the tambons of published councils
(``councils.reporting.public_subdistricts``).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from councils import reporting as council_figures

from .charts import PALETTE, TARGET_COLOUR, Chart, Series
from .indicators.public import nationally, per_province, series
from .sections.indicators import year_on_year_columns


def _target_actual(indicator, *, years: list[int], province=None) -> Chart:
    points = series(indicator, years=years, province_code=province.code if province else None)
    where = _("จังหวัด%(name)s") % {"name": province.name_th} if province else _("ทั้งประเทศ")
    unit = indicator.unit
    return Chart(
        title=_("%(code)s %(name)s: เป้าหมายเทียบกับผล — %(where)s")
        % {"code": indicator.code, "name": indicator.name_th, "where": where},
        desc=_(
            "แผนภูมิแท่งเปรียบเทียบค่าเป้าหมาย (สีเทา) กับผลที่อนุมัติแล้ว (สีน้ำเงิน) ปีงบประมาณ %(first)s–%(last)s"
            " ตัวเลขทั้งหมดอยู่ในตารางใต้แผนภูมิ"
        )
        % {"first": years[0], "last": years[-1]},
        categories=[p.label for p in points],
        series=[
            Series(_("เป้าหมาย"), [p.target for p in points], TARGET_COLOUR),
            Series(_("ผลที่อนุมัติแล้ว"), [p.actual for p in points], PALETTE[0]),
        ],
        unit=unit,
    )


def indicator_charts(indicator, *, years: list[int], province=None) -> list[Chart]:
    """The country's chart (where the indicator has a national figure) and the province's
    (where it has one per province and a province is chosen). Two queries a chart."""
    charts = []
    if nationally(indicator):
        charts.append(_target_actual(indicator, years=years))
    if province is not None and per_province(indicator):
        charts.append(_target_actual(indicator, years=years, province=province))
    return charts


def year_on_year_charts(*, years: list[int], province=None) -> list[Chart]:
    """Councils by assessment level, the alignment share and meetings held, a group of bars
    per fiscal year, over published councils (of the province, if one is chosen)."""
    subdistricts = council_figures.public_subdistricts()
    if province is not None:
        subdistricts = subdistricts.filter(district__province=province)
    columns = year_on_year_columns(subdistricts=subdistricts.values("pk"), years=years)
    where = _("จังหวัด%(name)s") % {"name": province.name_th} if province else _("ทั้งประเทศ")
    categories = [str(y) for y in years]
    span = {"first": years[0], "last": years[-1], "where": where}
    levels = [label for label, _n in columns[0]["levels"]]
    return [
        Chart(
            title=_("สภาที่ได้รับการประเมินจำแนกตามระดับ รายปีงบประมาณ — %(where)s") % span,
            desc=_("จำนวนสภาที่เผยแพร่ซึ่งได้รับการประเมินคุณภาพในแต่ละปีงบประมาณ %(first)s–%(last)s แยกตามระดับผลการประเมิน")
            % span,
            categories=categories,
            series=[Series(label, [dict(c["levels"]).get(label, 0) for c in columns]) for label in levels],
            unit=_("สภา"),
        ),
        Chart(
            title=_("ร้อยละรายการแผนชุมชนที่บรรจุในแผนท้องถิ่น รายปีงบประมาณ — %(where)s") % span,
            desc=_("ร้อยละของรายการในแผนพัฒนาชุมชนที่บรรจุในแผนของหน่วยงานแล้ว (ทั้งหมดหรือบางส่วน) ปีงบประมาณ %(first)s–%(last)s")
            % span,
            categories=categories,
            series=[Series(_("ร้อยละที่บรรจุ"), [c["share"] for c in columns], "#009e73")],
            unit=_("ร้อยละ"),
        ),
        Chart(
            title=_("การประชุมสภาและกลไกอำเภอที่จัดแล้ว รายปีงบประมาณ — %(where)s") % span,
            desc=_("จำนวนการประชุมสภาและการประชุมกลไกระดับอำเภอที่จัดแล้วในแต่ละปีงบประมาณ %(first)s–%(last)s") % span,
            categories=categories,
            series=[Series(_("การประชุมที่จัดแล้ว"), [c["meetings"] for c in columns], "#e69f00")],
            unit=_("ครั้ง"),
        ),
    ]
