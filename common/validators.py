"""Validators that catch values typed in the wrong era."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .thai import BE_MAX, BE_MIN, BE_OFFSET, looks_like_be, looks_like_ce


def validate_be_year(value: int) -> None:
    """A stored Buddhist-era year (fiscal_year). A Christian-era year is refused, not shifted."""
    if value is None:
        return
    if looks_like_ce(value):
        raise ValidationError(
            _("ปี %(value)s ดูเหมือนเป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. (เช่น %(be)s)"),
            code="christian_era",
            params={"value": value, "be": value + BE_OFFSET},
        )
    if not BE_MIN <= value <= BE_MAX:
        raise ValidationError(
            _("ปี พ.ศ. ต้องอยู่ระหว่าง %(min)s ถึง %(max)s"),
            code="out_of_range",
            params={"min": BE_MIN, "max": BE_MAX},
        )


def validate_ce_date(value: dt.date) -> None:
    """A stored date (Christian era). A Buddhist-era year typed into it is refused."""
    if value is None:
        return
    if looks_like_be(value.year):
        raise ValidationError(
            _("วันที่ปี %(year)s ดูเหมือนเป็นปี พ.ศ. ระบบรับวันที่ตามปฏิทินในช่องเลือกวันที่ (ค.ศ. %(ce)s)"),
            code="buddhist_era",
            params={"year": value.year, "ce": value.year - BE_OFFSET},
        )
    if value.year < 1950:
        raise ValidationError(_("วันที่เก่าเกินไป กรุณาตรวจสอบปี"), code="too_old")


def validate_not_future(value: dt.date) -> None:
    from django.utils import timezone

    if value and value > timezone.localdate():
        raise ValidationError(_("วันที่ต้องไม่เป็นวันในอนาคต"), code="future")
