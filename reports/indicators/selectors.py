"""Reads for monitoring indicators: the catalogue, the values a user sees and may decide,
and an area's table of targets against actuals with their state, rolled up from the areas
below where the indicator adds up."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Q, QuerySet, Sum

from accounts.choices import Role
from accounts.scoping import scope_for
from councils.models import Council
from councils.permissions import public_councils
from geo.models import District, Province

from ..choices import Aggregation, AreaLevel, Periodicity, ValueStatus
from .areas import RANK, Place
from .computed import computed_value
from .models import WHOLE_YEAR, Indicator, IndicatorTarget, IndicatorValue, Period


def indicators_catalogue(*, active_only: bool = False) -> QuerySet[Indicator]:
    qs = Indicator.objects.select_related("theme").order_by("code")
    return qs.filter(is_active=True) if active_only else qs


def _values() -> QuerySet[IndicatorValue]:
    return IndicatorValue.objects.select_related(
        "indicator", "period", "council__subdistrict__district__province", "district__province", "province",
        "submitted_by", "decided_by", "entered_by",
    )  # fmt: skip


def public_values() -> QuerySet[IndicatorValue]:
    """What the public may see of the values (the open data's and the public pages' rule):
    approved ones only, and a council's only while the council is published."""
    published = public_councils(Council.objects.all()).values("pk")
    return IndicatorValue.objects.filter(status=ValueStatus.APPROVED).exclude(
        Q(level=AreaLevel.COUNCIL) & ~Q(council__in=published)
    )


def values_visible_to(*, user) -> QuerySet[IndicatorValue]:
    """Values of the areas in the user's scope; the country's values to every signed-in user."""
    scope = scope_for(user)
    qs = _values()
    if not user.is_authenticated:
        return qs.none()
    if scope.national:
        return qs
    q = Q(level=AreaLevel.NATIONAL) | (Q(level=AreaLevel.COUNCIL) & scope.area_q("council__subdistrict"))
    if scope.district_ids:
        q |= Q(level=AreaLevel.DISTRICT, district_id__in=scope.district_ids)
    if scope.province_ids:
        q |= Q(level=AreaLevel.DISTRICT, district__province_id__in=scope.province_ids)
        q |= Q(level=AreaLevel.PROVINCE, province_id__in=scope.province_ids)
    return qs.filter(q)


def values_to_decide(*, user) -> QuerySet[IndicatorValue]:
    """Submitted values the user may approve or return, oldest first: a district officer's
    are their councils'; CODI staff's every value of their area (the country's: national
    CODI staff only)."""
    scope = scope_for(user)
    qs = values_visible_to(user=user).filter(status=ValueStatus.SUBMITTED).order_by("submitted_at", "pk")
    if scope.has_role(Role.ADMINISTRATOR, Role.CODI_STAFF):
        return qs if scope.national else qs.exclude(level=AreaLevel.NATIONAL)
    if scope.has_role(Role.DISTRICT_OFFICER):
        return qs.filter(level=AreaLevel.COUNCIL, council__subdistrict__district_id__in=scope.district_ids)
    return qs.none()


def value_history(*, value: IndicatorValue) -> list:
    return list(value.history.select_related("history_user").order_by("-history_date", "-history_id"))


def period_for(*, fiscal_year: int, quarter: int) -> Period:
    """The saved period, or an unsaved one (nothing has been entered for it yet)."""
    return Period.objects.filter(fiscal_year=fiscal_year, quarter=quarter).first() or Period(
        fiscal_year=fiscal_year, quarter=quarter
    )


def places_within(*, place: Place) -> list[Place]:
    """The areas one level below ``place`` (a district's councils, a province's districts,
    the country's provinces), for links from its indicator page. One query."""
    if place.level == AreaLevel.DISTRICT:
        councils = Council.objects.filter(subdistrict__district=place.obj).select_related("subdistrict")
        return [Place(AreaLevel.COUNCIL, c) for c in councils.order_by("subdistrict__code")]
    if place.level == AreaLevel.PROVINCE:
        districts = District.objects.filter(province=place.obj).select_related("province").order_by("code")
        return [Place(AreaLevel.DISTRICT, d) for d in districts]
    if place.level == AreaLevel.NATIONAL:
        return [Place(AreaLevel.PROVINCE, p) for p in Province.objects.order_by("code")]
    return []


# An area's table ----------------------------------------------------------------------------


@dataclass
class TableRow:
    indicator: Indicator
    period: Period
    own: bool  # the indicator is reported at this place: its value is entered here
    target: Decimal | str | None = None
    actual: Decimal | str | None = None
    status: str = ""  # a ValueStatus, "computed", or "" for nothing yet
    value: IndicatorValue | None = None
    reported: int = 0  # rolled up: areas whose value is approved ...
    areas: int = 0  # ... of how many areas below
    waiting: int = 0  # rolled up: submitted, not decided yet
    returned: int = 0
    note: str = ""  # a computed value's count ("12/20")

    @property
    def rolled(self) -> bool:
        return not self.own and not self.indicator.is_computed

    @property
    def met(self) -> bool | None:
        """Whether the actual reaches the target in the indicator's direction."""
        if not isinstance(self.actual, Decimal) or not isinstance(self.target, Decimal):
            return None
        if self.indicator.direction == "lower":
            return self.actual <= self.target
        return self.actual >= self.target


def _quarters(indicator: Indicator, quarter: int | None) -> list[int]:
    if indicator.periodicity == Periodicity.YEAR:
        return [WHOLE_YEAR]
    return [quarter] if quarter else [1, 2, 3, 4]


def _shown(indicator: Indicator, place: Place) -> bool:
    """An indicator of this place's level, or of a finer level that adds up or is computed."""
    if RANK[indicator.level] == RANK[place.level]:
        return True
    return RANK[indicator.level] < RANK[place.level] and (
        indicator.is_computed or indicator.aggregation != Aggregation.NONE
    )


def indicator_table(*, place: Place, fiscal_year: int, quarter: int | None = None) -> list[TableRow]:
    """Targets against actuals for every indicator shown at ``place`` in the fiscal year (or
    one quarter of it, with the year's yearly indicators): the place's own value and its
    state; a roll-up of the approved values of the areas below with how many of how many
    reported; or the computed figure. A fixed number of queries whatever the data size
    (plus one or two per computed indicator and period)."""
    indicators = [i for i in indicators_catalogue(active_only=True) if _shown(i, place)]
    wanted = {(fiscal_year, q) for i in indicators for q in _quarters(i, quarter)}
    saved = {(p.fiscal_year, p.quarter): p for p in Period.objects.filter(fiscal_year=fiscal_year)}
    periods = {key: saved.get(key) or Period(fiscal_year=key[0], quarter=key[1]) for key in wanted}
    period_ids = [p.pk for p in periods.values() if p.pk]
    own = [i.pk for i in indicators if i.level == place.level and not i.is_computed]
    below = [i for i in indicators if i.level != place.level and not i.is_computed]
    levels = {i.level for i in below}
    in_place = Q(pk__in=[])
    for level in levels:
        in_place |= place.holds(level)

    targets = {
        (t.indicator_id, t.period_id): t
        for t in IndicatorTarget.objects.filter(area_key=place.key, period_id__in=period_ids)
    }
    values = {
        (v.indicator_id, v.period_id): v
        for v in _values().filter(area_key=place.key, indicator_id__in=own, period_id__in=period_ids)
    }
    approved = Q(status=ValueStatus.APPROVED)
    rolled = {}
    rolled_targets = {}
    areas = {}
    if below and period_ids:
        rolled = {
            (r["indicator_id"], r["period_id"]): r
            for r in IndicatorValue.objects.filter(
                in_place, indicator__in=[i.pk for i in below], period_id__in=period_ids
            )
            .order_by()
            .values("indicator_id", "period_id")
            .annotate(
                reported=Count("pk", filter=approved),
                total=Sum("value", filter=approved),
                mean=Avg("value", filter=approved),
                waiting=Count("pk", filter=Q(status=ValueStatus.SUBMITTED)),
                returned=Count("pk", filter=Q(status=ValueStatus.RETURNED)),
            )  # fmt: skip
        }
        rolled_targets = {
            (r["indicator_id"], r["period_id"]): r["total"]
            for r in IndicatorTarget.objects.filter(
                in_place, indicator__in=[i.pk for i in below], period_id__in=period_ids
            )
            .order_by()
            .values("indicator_id", "period_id")
            .annotate(total=Sum("value"))
        }
    if below:
        areas = {level: place.areas_at(level) for level in levels}

    rows = []
    for indicator in indicators:
        for q in _quarters(indicator, quarter):
            period = periods[(fiscal_year, q)]
            key = (indicator.pk, period.pk)
            row = TableRow(indicator=indicator, period=period, own=indicator.level == place.level)
            target = targets.get(key) if period.pk else None
            if target is not None:
                row.target = target.value if indicator.is_quantitative else target.text
            if indicator.is_computed:
                row.actual, row.note = computed_value(
                    source=indicator.computed, subdistricts=place.subdistricts, fiscal_year=fiscal_year,
                    dates=period.dates,
                )  # fmt: skip
                row.status = "computed"
            elif row.own:
                value = values.get(key) if period.pk else None
                if value is not None:
                    row.value, row.status = value, value.status
                    row.actual = value.value if indicator.is_quantitative else value.text
            else:
                figures = rolled.get(key, {}) if period.pk else {}
                row.areas = areas[indicator.level]
                row.reported = figures.get("reported", 0)
                row.waiting = figures.get("waiting", 0)
                row.returned = figures.get("returned", 0)
                if row.reported:
                    mean = figures["mean"]
                    row.actual = figures["total"] if indicator.aggregation == Aggregation.SUM else (
                        Decimal(mean).quantize(Decimal("0.01")) if mean is not None else None
                    )  # fmt: skip
                if row.target is None and indicator.aggregation == Aggregation.SUM and period.pk:
                    row.target = rolled_targets.get(key)
            rows.append(row)
    return rows
