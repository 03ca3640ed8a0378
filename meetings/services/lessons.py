"""Lessons (บทเรียน): a council's staff write what worked and what did not on one of the
council's activities or one of its council meetings."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.rules import require

from .. import permissions
from ..models import Lesson
from ..models.lesson import LESSON_TEXT_MAX


@transaction.atomic
def lesson_write(
    *, by, what_worked: str, what_did_not: str, activity=None, meeting=None, theme=None, is_published: bool = False
) -> Lesson:
    """A new lesson on ``activity`` or on ``meeting`` (exactly one, a council's meeting)."""
    if (activity is None) == (meeting is None):
        raise ValidationError(_("บทเรียนต้องมาจากกิจกรรมหรือการประชุมอย่างใดอย่างหนึ่ง"))
    council = activity.council if activity is not None else meeting.council
    if council is None:
        raise ValidationError(_("บทเรียนเขียนได้เฉพาะการประชุมของสภาองค์กรชุมชนตำบล"))
    require(permissions.can_write_lesson, user=by, council=council)
    what_worked, what_did_not = what_worked.strip(), what_did_not.strip()
    errors = {}
    for field, text in (("what_worked", what_worked), ("what_did_not", what_did_not)):
        if not text:
            errors[field] = _("กรุณากรอกข้อมูลช่องนี้")
        elif len(text) > LESSON_TEXT_MAX:
            errors[field] = _("ยาวได้ไม่เกิน %(max)d ตัวอักษร") % {"max": LESSON_TEXT_MAX}
    if errors:
        raise ValidationError(errors)
    return Lesson.objects.create(
        council=council, activity=activity, meeting=meeting, what_worked=what_worked, what_did_not=what_did_not,
        theme=theme, is_published=is_published, created_by=by,
    )  # fmt: skip
