"""Indicators on the public pages: a figure per province for the dashboard's map, and
target against actual per period for the charts.

Only what the open data publishes counts (``selectors.public_values``): approved values,
a council's only while the council is published; never a draft, a submitted or a returned
value. A target counts under the same rule of area (a target of an unpublished council is
left out, so a province's target and actual cover the same councils). Indicators the
portal computes from records are not here: the dashboard's own measures and the
year-on-year charts show those figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from councils.models import Council
from councils.permissions import public_councils

from ..choices import Aggregation, AreaLevel, IndicatorKind, Periodicity
from .models import WHOLE_YEAR, Indicator, IndicatorTarget
from .selectors import public_values

# Where a value of each level finds its province's code.
PROVINCE_OF = {
    AreaLevel.COUNCIL: "council__subdistrict__district__province__code",
    AreaLevel.DISTRICT: "district__province__code",
    AreaLevel.PROVINCE: "province__code",
}


def public_indicators() -> QuerySet[Indicator]:
    """Active, quantitative indicators whose values are entered (not computed)."""
    return Indicator.objects.filter(is_active=True, kind=IndicatorKind.QUANTITATIVE, computed="").order_by("code")


def per_province(indicator: Indicator) -> bool:
    """Whether the indicator has a figure per province: reported by provinces, or by
    districts or councils and adding up (a sum or an average)."""
    if indicator.level == AreaLevel.PROVINCE:
        return True
    return indicator.level in PROVINCE_OF and indicator.aggregation != Aggregation.NONE


def nationally(indicator: Indicator) -> bool:
    """Whether the indicator has a figure for the whole country."""
    return indicator.level == AreaLevel.NATIONAL or indicator.aggregation != Aggregation.NONE


def _combine(indicator: Indicator):
    return Avg if indicator.aggregation == Aggregation.AVERAGE else Sum


def _round(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Reading:
    value: Decimal
    reported: int  # approved values it was made from


def province_readings(indicator: Indicator, *, fiscal_year: int, quarter: int | None) -> tuple[int, dict[str, Reading]]:
    """(the quarter read, {province code: reading}) for the fiscal year: a yearly indicator's
    year; a quarterly one's ``quarter``, or without one the latest quarter that has an
    approved value. One query."""
    path = PROVINCE_OF[indicator.level]
    quarterly = indicator.periodicity == Periodicity.QUARTER
    qs = public_values().filter(indicator=indicator, period__fiscal_year=fiscal_year, value__isnull=False)
    if not quarterly:
        qs = qs.filter(period__quarter=WHOLE_YEAR)
    elif quarter:
        qs = qs.filter(period__quarter=quarter)
    else:
        qs = qs.exclude(period__quarter=WHOLE_YEAR)
    rows = list(
        qs.order_by().values_list("period__quarter", path).annotate(v=_combine(indicator)("value"), n=Count("pk"))
    )
    if quarterly and not quarter:
        quarter = max((row[0] for row in rows), default=1)
    read = quarter if quarterly else WHOLE_YEAR
    return read, {code: Reading(_round(v), n) for q, code, v, n in rows if q == read}


@dataclass(frozen=True)
class Point:
    label: str  # the period, Buddhist-era year
    target: Decimal | None
    actual: Decimal | None
    reported: int


def _within(indicator: Indicator, province_code: str | None) -> Q:
    if province_code is None or indicator.level == AreaLevel.NATIONAL:
        return Q(level=indicator.level)
    return Q(level=indicator.level, **{PROVINCE_OF[indicator.level]: province_code})


def series(indicator: Indicator, *, years: list[int], province_code: str | None = None) -> list[Point]:
    """Target and actual per period of ``years`` for the country (None) or one province:
    the area's own figure where the indicator is reported at its level, else the approved
    values below added up (summed or averaged). A target not set for the area itself is the
    sum of the targets below for an indicator that sums. Two queries."""
    in_years = Q(indicator=indicator, period__fiscal_year__in=years) & _within(indicator, province_code)
    values = {
        (y, q): (v, n)
        for y, q, v, n in public_values()
        .filter(in_years, value__isnull=False)
        .order_by()
        .values_list("period__fiscal_year", "period__quarter")
        .annotate(v=_combine(indicator)("value"), n=Count("pk"))
    }
    published = public_councils(Council.objects.all()).values("pk")
    own_key = "national" if province_code is None else f"province:{province_code}"
    below = in_years if indicator.aggregation == Aggregation.SUM else Q(pk__in=[])
    own_targets, targets_below = {}, {}
    for year, q, key, v in (
        IndicatorTarget.objects.filter(Q(indicator=indicator, period__fiscal_year__in=years, value__isnull=False))
        .filter(Q(area_key=own_key) | below)
        .exclude(Q(level=AreaLevel.COUNCIL) & ~Q(council__in=published))
        .values_list("period__fiscal_year", "period__quarter", "area_key", "value")
    ):
        if key == own_key:
            own_targets[(year, q)] = v
        else:
            targets_below[(year, q)] = targets_below.get((year, q), 0) + v
    quarters = [1, 2, 3, 4] if indicator.periodicity == Periodicity.QUARTER else [WHOLE_YEAR]
    points = []
    for year in sorted(years):
        for q in quarters:
            label = str(year) if q == WHOLE_YEAR else _("ไตรมาส %(q)s/%(year)s") % {"q": q, "year": year}
            actual, reported = values.get((year, q), (None, 0))
            target = own_targets.get((year, q), targets_below.get((year, q)))
            points.append(Point(label, _round(target), _round(actual), reported))
    return points
