"""Published indicators as measures of the public dashboard's map (reports.dashboard's
``register_measures``): one measure per active, quantitative, entered indicator that has a
figure per province, read from approved values only (``public.province_readings``).
Registered in ``ReportsConfig.ready``."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import Aggregation, AreaLevel, IndicatorDirection, Periodicity
from ..dashboard import Amount, Measure, Readings, register_measures
from .public import per_province, province_readings, public_indicators

PREFIX = "indicator-"
GROUP = gettext_lazy("ตัวชี้วัดการติดตามผล")
_AREAS = {AreaLevel.COUNCIL: gettext_lazy("สภา"), AreaLevel.DISTRICT: gettext_lazy("อำเภอ")}


def _explanation(indicator) -> str:
    unit = f" ({indicator.unit})" if indicator.unit else ""
    if indicator.level == AreaLevel.PROVINCE:
        how = _("ผลที่จังหวัดรายงานและได้รับอนุมัติแล้ว")
    else:
        how = _("%(how)sของผลที่%(areas)sในจังหวัดรายงานและได้รับอนุมัติแล้ว") % {
            "how": _("ผลรวม") if indicator.aggregation == Aggregation.SUM else _("ค่าเฉลี่ย"),
            "areas": _AREAS[indicator.level],
        }
        if indicator.level == AreaLevel.COUNCIL:
            how += " " + _("(เฉพาะสภาที่เผยแพร่)")
    return f"{indicator.name_th}{unit}: {how}"


def _compute(indicator):
    def compute(fiscal_year: int, quarter: int | None) -> Readings:
        read, found = province_readings(indicator, fiscal_year=fiscal_year, quarter=quarter)
        note = ""
        if indicator.periodicity == Periodicity.QUARTER:
            note = _("แสดงผลไตรมาส %(q)s ของปีงบประมาณ %(year)s") % {"q": read, "year": fiscal_year}
        areas = _AREAS.get(indicator.level)
        return Readings(
            {
                code: Amount(
                    r.value, _("รวมจาก %(n)s %(areas)s ที่อนุมัติแล้ว") % {"n": r.reported, "areas": areas} if areas else ""
                )
                for code, r in found.items()
            },  # fmt: skip
            note=note,
        )

    return compute


def indicator_measure(indicator) -> Measure:
    return Measure(
        slug=f"{PREFIX}{indicator.code}",
        label=f"{indicator.code} {indicator.name_th}",
        explanation=_explanation(indicator),
        part_label="",
        compute=_compute(indicator),
        uses_quarter=True,
        unit=indicator.unit or _("หน่วย"),
        lower_is_better=indicator.direction == IndicatorDirection.LOWER,
        more=f"{reverse('reports:public_charts')}?{urlencode({'indicator': indicator.code})}",
        group=GROUP,
    )


def indicator_measures() -> list[Measure]:
    """One query: the catalogue."""
    return [indicator_measure(i) for i in public_indicators() if per_province(i)]


def register() -> None:
    register_measures(indicator_measures)
