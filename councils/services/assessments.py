"""Every write to quality assessments and indicator sets.

``level``, ``percent`` and ``passed`` are computed here from the scores, never typed.
Re-assessing the same council and fiscal year updates that assessment in place; the old
values stay in its simple-history records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.rules import require
from common.thai import current_fiscal_year
from common.validators import validate_be_year, validate_ce_date, validate_not_future
from geo.models import Theme

from .. import permissions
from ..choices import AssessmentLevel
from ..models import Assessment, AssessmentScore, Council, Indicator, IndicatorSet
from ..selectors.assessments import indicator_set_active

CENT = Decimal("0.01")
HUNDRED = Decimal("100")


# Indicator sets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    max_score: int = 5
    theme: Theme | None = None


@transaction.atomic
def indicator_set_create(
    *,
    name: str,
    indicators: list[IndicatorSpec],
    strong_min: Decimal = Decimal("80"),
    medium_min: Decimal = Decimal("60"),
    pass_min: Decimal = Decimal("70"),
    is_active: bool = True,
) -> IndicatorSet:
    """A new indicator set with its indicators, in the order given."""
    if not indicators:
        raise ValidationError({"indicators": [_("ชุดตัวชี้วัดต้องมีตัวชี้วัดอย่างน้อย 1 ข้อ")]})
    indicator_set = IndicatorSet(
        name=name.strip(), is_active=is_active, strong_min=strong_min, medium_min=medium_min, pass_min=pass_min
    )
    indicator_set.full_clean()
    indicator_set.save()
    for order, spec in enumerate(indicators, start=1):
        indicator = Indicator(
            indicator_set=indicator_set,
            code=spec.code,
            name=spec.name,
            theme=spec.theme,
            max_score=spec.max_score,
            order=order,
        )
        indicator.full_clean()
        indicator.save()
    return indicator_set


# Computing a result ------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentResult:
    total_score: Decimal
    max_score: Decimal
    percent: Decimal
    level: str
    passed: bool


def assessment_compute(*, indicator_set: IndicatorSet, total: Decimal, maximum: Decimal) -> AssessmentResult:
    """Percent is truncated (never rounded up) to two decimals, and the level and pass mark
    are read from that stored percent, so what the page shows always agrees with the level:
    79.996% is stored as 79.99% and is not "strong" at an 80% threshold."""
    percent = (total * HUNDRED / maximum).quantize(CENT, rounding=ROUND_DOWN) if maximum else Decimal("0.00")
    if percent >= indicator_set.strong_min:
        level = AssessmentLevel.STRONG
    elif percent >= indicator_set.medium_min:
        level = AssessmentLevel.MEDIUM
    else:
        level = AssessmentLevel.NEEDS_DEVELOPMENT
    return AssessmentResult(
        total_score=total, max_score=maximum, percent=percent, level=level, passed=percent >= indicator_set.pass_min
    )


def _as_decimal(value) -> Decimal | None:
    """None for a blank; ValueError for anything that isn't a finite number."""
    if value is None or str(value).strip() == "":
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError from None
    if not number.is_finite():
        raise ValueError
    return number


def _clean_scores(indicator_set: IndicatorSet, scores: dict) -> dict[int, Decimal]:
    """Every indicator of the set scored once, 0..max_score, at most two decimals. All the
    problems are reported together, each naming its indicator."""
    indicators = list(indicator_set.indicators.all())
    by_id = {ind.pk: ind for ind in indicators}
    errors: list[str] = []
    given: dict[int, object] = {}
    for key, value in (scores or {}).items():
        try:
            indicator_id = int(key.pk if isinstance(key, Indicator) else key)
        except (TypeError, ValueError):
            indicator_id = None
        if indicator_id not in by_id:
            errors.append(_("ตัวชี้วัด “%(key)s” ไม่อยู่ในชุดตัวชี้วัด %(set)s") % {"key": key, "set": indicator_set.name})
            continue
        given[indicator_id] = value
    cleaned: dict[int, Decimal] = {}
    for ind in indicators:
        label = f"{ind.code} {ind.name}"
        try:
            number = _as_decimal(given.get(ind.pk))
        except ValueError:
            errors.append(_("ตัวชี้วัด %(label)s: คะแนนต้องเป็นตัวเลข") % {"label": label})
            continue
        if number is None:
            errors.append(_("ตัวชี้วัด %(label)s: กรุณาให้คะแนน") % {"label": label})
        elif not Decimal("0") <= number <= ind.max_score:
            errors.append(_("ตัวชี้วัด %(label)s: คะแนนต้องอยู่ระหว่าง 0 ถึง %(max)s") % {"label": label, "max": ind.max_score})
        elif number != number.quantize(CENT):
            errors.append(_("ตัวชี้วัด %(label)s: คะแนนมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง") % {"label": label})
        else:
            cleaned[ind.pk] = number.quantize(CENT)
    if errors:
        raise ValidationError({"scores": errors})
    return cleaned


def _check_fiscal_year(fiscal_year) -> int:
    try:
        year = int(fiscal_year)
    except (TypeError, ValueError):
        raise ValidationError({"fiscal_year": [_("ปีงบประมาณต้องเป็นตัวเลข ปี พ.ศ. เช่น 2569")]}) from None
    try:
        validate_be_year(year)
    except ValidationError as exc:
        raise ValidationError({"fiscal_year": exc.messages}) from None
    if year > current_fiscal_year():
        raise ValidationError(
            {"fiscal_year": [_("ปีงบประมาณ %(year)s ยังมาไม่ถึง ประเมินได้ถึงปีงบประมาณปัจจุบันเท่านั้น") % {"year": year}]}
        )
    return year


def _check_date(value: dt.date | None) -> dt.date:
    if value is None:
        raise ValidationError({"assessed_on": [_("กรุณาระบุวันที่ประเมิน")]})
    try:
        validate_ce_date(value)
        validate_not_future(value)
    except ValidationError as exc:
        raise ValidationError({"assessed_on": exc.messages}) from None
    return value


# Recording ---------------------------------------------------------------------------------


@transaction.atomic
def assessment_record(
    *,
    council: Council,
    fiscal_year: int,
    scores: dict,
    by,
    assessed_on: dt.date | None = None,
    note: str = "",
    indicator_set: IndicatorSet | None = None,
) -> Assessment:
    """Record (or redo) a council's assessment for a Buddhist-era fiscal year.

    Only CODI staff (or an administrator) whose scope covers the council may. Every
    indicator of the set must be scored, 0 to its maximum. Nothing is written unless all
    of it is valid."""
    require(permissions.can_assess, user=by, council=council)
    indicator_set = indicator_set or indicator_set_active()
    errors: dict[str, list[str]] = {}
    checked = {}
    for name, check in (
        ("fiscal_year", lambda: _check_fiscal_year(fiscal_year)),
        ("assessed_on", lambda: _check_date(assessed_on or timezone.localdate())),
        ("scores", lambda: _clean_scores(indicator_set, scores)),
    ):
        try:
            checked[name] = check()
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    year, assessed, cleaned = checked["fiscal_year"], checked["assessed_on"], checked["scores"]

    indicators = {ind.pk: ind for ind in indicator_set.indicators.all()}
    total = sum(cleaned.values(), Decimal("0.00"))
    maximum = Decimal(sum(ind.max_score for ind in indicators.values()))
    result = assessment_compute(indicator_set=indicator_set, total=total, maximum=maximum)

    assessment = Assessment.objects.select_for_update().filter(council=council, fiscal_year=year).first() or Assessment(
        council=council, fiscal_year=year
    )
    assessment.indicator_set = indicator_set
    assessment.assessed_on = assessed
    assessment.assessed_by = by
    assessment.note = (note or "").strip()
    assessment.total_score = result.total_score
    assessment.max_score = result.max_score
    assessment.percent = result.percent
    assessment.level = result.level
    assessment.passed = result.passed
    assessment.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            assessment.save()
    except IntegrityError:  # the same council and year recorded at the same moment by someone else
        raise ValidationError({"fiscal_year": [_("มีผู้บันทึกผลการประเมินปีงบประมาณนี้พร้อมกัน กรุณาลองบันทึกอีกครั้ง")]}) from None

    existing = {s.indicator_id: s for s in assessment.scores.all()} if assessment.pk else {}
    for stale in [s for ind_id, s in existing.items() if ind_id not in cleaned]:
        stale.delete()  # an earlier assessment on another indicator set; kept in history
    for ind_id, value in cleaned.items():
        row = existing.get(ind_id)
        if row is None:
            AssessmentScore.objects.create(assessment=assessment, indicator_id=ind_id, score=value)
        elif row.score != value:
            row.score = value
            row.save(update_fields=["score"])
    return assessment
