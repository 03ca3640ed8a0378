"""Demo indicators (seed_demo): a small catalogue, targets, and values of council_x and
council_y in every state (approved, submitted, returned), entered through the services.
Idempotent: the catalogue by code, targets by area, a value only when its area has none."""

from __future__ import annotations

from decimal import Decimal

from accounts.models import User
from councils.models import Council
from geo.models import Theme

from ..choices import Aggregation, AreaLevel, ComputedSource, IndicatorKind, Periodicity
from . import services
from .areas import Place
from .models import Indicator, IndicatorTarget, IndicatorValue

Q, Y = Periodicity.QUARTER, Periodicity.YEAR
CATALOGUE = [
    # code, name, level, periodicity, aggregation, unit, theme, computed, kind
    ("M01", "ครัวเรือนที่เป็นสมาชิกกองทุนสวัสดิการชุมชน", AreaLevel.COUNCIL, Q, Aggregation.SUM, "ครัวเรือน", "welfare", "",
     IndicatorKind.QUANTITATIVE),
    ("M02", "ผู้เข้าร่วมเวทีประชาคมตำบล", AreaLevel.COUNCIL, Q, Aggregation.SUM, "คน", "quality-of-life", "",
     IndicatorKind.QUANTITATIVE),
    ("M03", "ร้อยละความพึงพอใจต่อการทำงานร่วมกับ อปท.", AreaLevel.COUNCIL, Y, Aggregation.AVERAGE, "ร้อยละ", "", "",
     IndicatorKind.QUANTITATIVE),
    ("M04", "ผลการขับเคลื่อนกลไกการเชื่อมโยงงานระดับอำเภอ", AreaLevel.DISTRICT, Y, Aggregation.NONE, "", "", "",
     IndicatorKind.QUALITATIVE),
    ("C01", "การประชุมสภาและกลไกอำเภอที่จัดแล้ว", AreaLevel.COUNCIL, Q, Aggregation.SUM, "ครั้ง", "",
     ComputedSource.MEETINGS_HELD, IndicatorKind.QUANTITATIVE),
    ("C02", "ร้อยละรายการแผนชุมชนที่บรรจุในแผนของหน่วยงาน", AreaLevel.COUNCIL, Y, Aggregation.AVERAGE, "ร้อยละ", "",
     ComputedSource.PLAN_ITEMS_ALIGNED, IndicatorKind.QUANTITATIVE),
    ("C03", "ร้อยละข้อติดขัดที่หน่วยงานตอบภายในกำหนด", AreaLevel.COUNCIL, Q, Aggregation.AVERAGE, "ร้อยละ", "",
     ComputedSource.OBSTACLES_ANSWERED_IN_TIME, IndicatorKind.QUANTITATIVE),
    ("C04", "สภาที่ผ่านการประเมินคุณภาพ", AreaLevel.DISTRICT, Y, Aggregation.SUM, "สภา", "",
     ComputedSource.COUNCILS_PASSED, IndicatorKind.QUANTITATIVE),
]  # fmt: skip


def _catalogue() -> dict[str, Indicator]:
    themes = {t.code: t for t in Theme.objects.all()}
    out = {}
    for code, name, level, periodicity, aggregation, unit, theme, computed, kind in CATALOGUE:
        out[code], _created = Indicator.objects.get_or_create(
            code=code,
            defaults={"name_th": name, "level": level, "periodicity": periodicity, "aggregation": aggregation,
                      "unit": unit, "theme": themes.get(theme), "computed": computed, "kind": kind},
        )  # fmt: skip
    return out


def _value(indicator, place, by, *, fiscal_year, quarter, value=None, text="", comment=""):
    """Enter and submit a value unless the area already has one for the period."""
    if IndicatorValue.objects.filter(indicator=indicator, period__fiscal_year=fiscal_year, period__quarter=quarter,
                                     area_key=place.key).exists():  # fmt: skip
        return None
    row = services.value_save(indicator=indicator, fiscal_year=fiscal_year, quarter=quarter, place=place, by=by,
                              value=value, text=text, comment=comment)  # fmt: skip
    return services.value_submit(value_id=row.pk, by=by)


def _target(*, indicator, fiscal_year, quarter, place, by, value):
    """Set a target unless the area already has one for the period (a re-run writes nothing)."""
    if not IndicatorTarget.objects.filter(indicator=indicator, period__fiscal_year=fiscal_year,
                                          period__quarter=quarter, area_key=place.key).exists():  # fmt: skip
        services.target_set(indicator=indicator, fiscal_year=fiscal_year, quarter=quarter, place=place, by=by,
                            value=value)  # fmt: skip


def indicators_ensure(*, fiscal_year: int) -> None:
    catalogue = _catalogue()
    users = {u.username: u for u in User.objects.filter(username__in=["council_x", "council_y", "district_d1",
                                                                      "codi_national"])}  # fmt: skip
    x = Council.objects.select_related("subdistrict__district").get(
        pk=users["council_x"].role_assignments.get().council_id
    )
    y = Council.objects.select_related("subdistrict__district").get(
        pk=users["council_y"].role_assignments.get().council_id
    )
    px, py = Place(AreaLevel.COUNCIL, x), Place(AreaLevel.COUNCIL, y)
    district = Place(AreaLevel.DISTRICT, x.subdistrict.district)
    codi, officer = users["codi_national"], users["district_d1"]
    for place, target in ((px, 60), (py, 40)):
        _target(indicator=catalogue["M01"], fiscal_year=fiscal_year, quarter=1, place=place, by=codi,
                value=Decimal(target))  # fmt: skip
    _target(indicator=catalogue["M03"], fiscal_year=fiscal_year, quarter=0, place=district, by=codi,
            value=Decimal(80))  # fmt: skip
    approved = _value(catalogue["M01"], px, users["council_x"], fiscal_year=fiscal_year, quarter=1, value=Decimal(52),
                      comment="นับจากทะเบียนสมาชิกกองทุน ณ สิ้นไตรมาส")  # fmt: skip
    if approved is not None:
        services.value_approve(value_id=approved.pk, by=officer)
    _value(catalogue["M01"], py, users["council_y"], fiscal_year=fiscal_year, quarter=1, value=Decimal(38))
    returned = _value(catalogue["M03"], px, users["council_x"], fiscal_year=fiscal_year, quarter=0, value=Decimal(72))
    if returned is not None:
        services.value_return(value_id=returned.pk, by=officer, reason="กรุณาแนบผลสำรวจความพึงพอใจเป็นหลักฐาน")
