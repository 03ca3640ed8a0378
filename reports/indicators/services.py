"""Writes for monitoring indicators: the catalogue, targets, and a value's life:

    draft → submitted → approved
                      → returned (with a reason) → submitted again …

One service per move. Each locks the value (SELECT … FOR UPDATE) and reads its status again
inside the transaction, so a second decision racing the first is refused in Thai rather
than overwriting it. Who may move it is asked of permissions.py, the same rule the pages
and the API ask.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import Role
from accounts.notifications import notify
from accounts.selectors import users_with_role
from common.rules import require
from common.uploads import DOCX, IMAGES, PDF, XLSX, recognise

from ..choices import VALUE_EDITABLE, AreaLevel, IndicatorKind, Periodicity, ValueStatus
from . import permissions
from .areas import RANK, Place, place_of
from .models import WHOLE_YEAR, Indicator, IndicatorTarget, IndicatorValue, Period

EVIDENCE_KINDS = IMAGES | {PDF, XLSX, DOCX}


def value_url(value) -> str:
    return reverse("reports:indicator_value", kwargs={"pk": value.pk})


def period_get(*, fiscal_year: int, quarter: int) -> Period:
    if not 0 <= quarter <= 4:
        raise ValidationError({"quarter": _("ไตรมาสต้องเป็น 1–4 หรือทั้งปี")})
    period, _created = Period.objects.get_or_create(fiscal_year=fiscal_year, quarter=quarter)
    return period


# The catalogue --------------------------------------------------------------------------


@transaction.atomic
def indicator_save(*, by, instance: Indicator | None = None, **fields) -> Indicator:
    """Create or change a catalogue entry (CODI staff)."""
    require(permissions.can_manage_catalogue, user=by)
    indicator = instance or Indicator()
    for name, value in fields.items():
        setattr(indicator, name, value)
    errors = {}
    if indicator.kind == IndicatorKind.QUALITATIVE and indicator.aggregation != "none":
        errors["aggregation"] = _("ตัวชี้วัดเชิงคุณภาพรวมผลขึ้นระดับบนไม่ได้ กรุณาเลือก “ไม่รวมผล”")
    if indicator.computed and indicator.kind != IndicatorKind.QUANTITATIVE:
        errors["computed"] = _("ตัวชี้วัดที่คำนวณจากระบบต้องเป็นเชิงปริมาณ")
    clash = Indicator.objects.filter(code=indicator.code.strip()).exclude(pk=indicator.pk)
    if clash.exists():
        errors["code"] = _("รหัสตัวชี้วัดนี้มีอยู่แล้ว")
    if errors:
        raise ValidationError(errors)
    indicator.code = indicator.code.strip()
    indicator.save()
    return indicator


@transaction.atomic
def target_set(
    *, indicator: Indicator, fiscal_year: int, quarter: int, place: Place, by, value=None, text: str = ""
) -> IndicatorTarget:
    """Set (or change) the target of an indicator for a period and area (CODI staff of the area)."""
    require(permissions.can_set_target, user=by, place=place)
    _check_period(indicator, quarter)
    if RANK[place.level] < RANK[indicator.level] or (
        place.level != indicator.level and indicator.aggregation == "none"
    ):
        raise ValidationError({"area": _("ตัวชี้วัดนี้รายงานระดับ%(level)s จึงกำหนดเป้าหมายให้พื้นที่นี้ไม่ได้")
                               % {"level": indicator.get_level_display()}})  # fmt: skip
    _check_amount(indicator, value, text, field_text="text")
    period = period_get(fiscal_year=fiscal_year, quarter=quarter)
    target = IndicatorTarget.objects.select_for_update().filter(
        indicator=indicator, period=period, area_key=place.key
    ).first() or IndicatorTarget(indicator=indicator, period=period, **place.area_fields())
    target.value, target.text, target.set_by = value, (text or "").strip(), by
    target._history_user = by
    target.save()
    return target


# Values ---------------------------------------------------------------------------------


def _check_period(indicator: Indicator, quarter: int) -> None:
    if indicator.periodicity == Periodicity.QUARTER and quarter == WHOLE_YEAR:
        raise ValidationError({"quarter": _("ตัวชี้วัดนี้รายงานรายไตรมาส กรุณาเลือกไตรมาส")})
    if indicator.periodicity == Periodicity.YEAR and quarter != WHOLE_YEAR:
        raise ValidationError({"quarter": _("ตัวชี้วัดนี้รายงานรายปีงบประมาณ ไม่ใช่รายไตรมาส")})


def _check_amount(indicator: Indicator, value, text: str, *, field_text: str) -> None:
    if indicator.is_quantitative:
        if value is None:
            raise ValidationError({"value": _("กรุณาระบุตัวเลขผลการดำเนินงาน")})
        if Decimal(value) < 0:
            raise ValidationError({"value": _("ค่าต้องไม่ติดลบ")})
    elif not (text or "").strip():
        raise ValidationError({field_text: _("กรุณาบรรยายผลเชิงคุณภาพ")})


def _evidence(upload) -> tuple[ContentFile, str, str]:
    """The upload checked by its bytes (common.uploads): a PDF, an image, an XLSX or a DOCX
    no larger than INDICATOR_EVIDENCE_MAX_BYTES, under a random name."""
    limit = settings.INDICATOR_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError({"evidence": _("ไฟล์หลักฐานต้องมีขนาดไม่เกิน %(limit)s") % {"limit": filesizeformat(limit)}})
    found = recognise(upload)
    if found is None or found.kind not in EVIDENCE_KINDS:
        raise ValidationError({"evidence": _("ไฟล์หลักฐานต้องเป็น PDF รูปภาพ XLSX หรือ DOCX เท่านั้น")})
    upload.seek(0)
    return (
        ContentFile(upload.read(), name=f"{uuid.uuid4().hex}.{found.extension}"),
        upload.name[:255],
        found.content_type,
    )


@transaction.atomic
def value_save(
    *,
    indicator: Indicator,
    fiscal_year: int,
    quarter: int,
    place: Place,
    by,
    value=None,
    text: str = "",
    comment: str = "",
    evidence=None,
    evidence_link: str = "",
) -> IndicatorValue:
    """Enter or change the value of an indicator for a period and the user's own area. A
    new value is a draft; only a draft or a returned value may change."""
    require(permissions.can_enter_value, user=by, place=place)
    if not indicator.is_active:
        raise ValidationError(_("ตัวชี้วัดนี้เลิกใช้แล้ว"))
    if indicator.is_computed:
        raise ValidationError(_("ตัวชี้วัดนี้คำนวณจากระบบ ไม่ต้องบันทึกค่า"))
    if indicator.level != place.level:
        raise ValidationError(_("ตัวชี้วัดนี้รายงานระดับ%(level)s") % {"level": indicator.get_level_display()})
    _check_period(indicator, quarter)
    _check_amount(indicator, value, text, field_text="text")
    stored = _evidence(evidence) if evidence else None
    period = period_get(fiscal_year=fiscal_year, quarter=quarter)
    row = (
        IndicatorValue.objects.select_for_update(of=("self",))
        .filter(indicator=indicator, period=period, area_key=place.key)
        .first()
    )
    if row is None:
        row = IndicatorValue(indicator=indicator, period=period, **place.area_fields())
    elif row.status not in VALUE_EDITABLE:
        raise ValidationError(_("แก้ไขไม่ได้: ผลนี้อยู่ในสถานะ “%(status)s” แล้ว") % {"status": row.get_status_display()})
    row.value = value if indicator.is_quantitative else None
    row.text = (text or "").strip()
    row.comment = (comment or "").strip()
    row.evidence_link = (evidence_link or "").strip()
    row.entered_by = by
    row._history_user = by  # the history names who changed it, whichever door was used
    if stored is not None:
        content, row.evidence_name, row.evidence_type = stored
        row.evidence.save(content.name, content, save=False)
    row.save()
    return row


def _locked(value_id: int) -> IndicatorValue:
    return (
        IndicatorValue.objects.select_for_update(of=("self",))
        .select_related("indicator", "period", "council__subdistrict__district", "district", "province")
        .get(pk=value_id)
    )


def _deciders(value: IndicatorValue):
    if value.level == AreaLevel.COUNCIL:
        return users_with_role(Role.DISTRICT_OFFICER, district=value.council.subdistrict.district)
    return []


@transaction.atomic
def value_submit(*, value_id: int, by) -> IndicatorValue:
    value = _locked(value_id)
    require(permissions.can_enter_value, user=by, place=place_of(value))
    if value.status not in VALUE_EDITABLE:
        raise ValidationError(_("ส่งไม่ได้: ผลนี้อยู่ในสถานะ “%(status)s” แล้ว") % {"status": value.get_status_display()})
    value.status = ValueStatus.SUBMITTED
    value.submitted_by, value.submitted_at = by, timezone.now()
    value.return_reason = ""
    value._history_user = by
    value.save(update_fields=["status", "submitted_by", "submitted_at", "return_reason", "updated_at"])
    notify(
        users=_deciders(value),
        text=_("%(area)s ส่งผลตัวชี้วัด %(code)s %(period)s รออนุมัติ")
        % {"area": value.area_label, "code": value.indicator.code, "period": value.period},
        url=value_url(value),
    )
    return value


def _decide(*, value_id: int, by, to: str, reason: str = "") -> IndicatorValue:
    value = _locked(value_id)
    require(permissions.can_decide_value, user=by, value=value)
    if value.status != ValueStatus.SUBMITTED:
        raise ValidationError(
            _("ผลนี้ไม่ได้รออนุมัติแล้ว (สถานะปัจจุบัน: %(status)s) อาจมีผู้อื่นพิจารณาไปก่อน") % {"status": value.get_status_display()}
        )
    if value.submitted_by_id == by.pk:
        raise ValidationError(_("ผู้ส่งผลอนุมัติหรือส่งกลับผลของตนเองไม่ได้"))
    reason = (reason or "").strip()
    if to == ValueStatus.RETURNED and not reason:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ส่งกลับ")})
    value.status, value.decided_by, value.decided_at = to, by, timezone.now()
    value.return_reason = reason if to == ValueStatus.RETURNED else ""
    value._history_user = by
    value.save(update_fields=["status", "decided_by", "decided_at", "return_reason", "updated_at"])
    notify(
        users=[value.submitted_by],
        text=_("ผลตัวชี้วัด %(code)s %(period)s: %(status)s")
        % {"code": value.indicator.code, "period": value.period, "status": value.get_status_display()},
        url=value_url(value),
    )
    return value


@transaction.atomic
def value_approve(*, value_id: int, by) -> IndicatorValue:
    return _decide(value_id=value_id, by=by, to=ValueStatus.APPROVED)


@transaction.atomic
def value_return(*, value_id: int, by, reason: str) -> IndicatorValue:
    return _decide(value_id=value_id, by=by, to=ValueStatus.RETURNED, reason=reason)
