"""Every write to mentorships (ตำบลพี่เลี้ยง) and mentoring visits. Only CODI staff (or an
administrator) whose area covers the councils may pair, end, or log a visit."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.rules import require
from common.validators import validate_ce_date, validate_not_future

from .. import permissions
from ..choices import MentorshipStatus
from ..models import Assessment, Council, MentoringVisit, Mentorship


def _check_manager(by, *councils: Council) -> None:
    require(permissions.can_manage_mentorships, user=by, councils=councils)


def _check_date(value: dt.date | None, field: str, missing: str) -> dt.date:
    if value is None:
        raise ValidationError({field: [missing]})
    try:
        validate_ce_date(value)
        validate_not_future(value)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None
    return value


@transaction.atomic
def mentorship_start(
    *, mentor: Council, mentee: Council, by, started_on: dt.date | None = None, reason: str = ""
) -> Mentorship:
    """Pair a mentor council with a mentee. The mentor's latest assessment must have
    passed; a council can't mentor itself; a mentee has at most one active mentorship."""
    _check_manager(by, mentor, mentee)
    started_on = _check_date(started_on or timezone.localdate(), "started_on", _("กรุณาระบุวันที่เริ่มจับคู่"))
    if mentor.pk == mentee.pk:
        raise ValidationError({"mentor": [_("สภาไม่สามารถเป็นตำบลพี่เลี้ยงให้ตนเองได้")]})
    # Lock the mentee so two pairings of the same mentee can't race past the check below.
    Council.objects.select_for_update().filter(pk=mentee.pk).first()
    errors: dict[str, list[str]] = {}
    latest = Assessment.objects.filter(council=mentor).order_by("-fiscal_year").first()
    if latest is None:
        errors["mentor"] = [_("%(name)s ยังไม่เคยได้รับการประเมินคุณภาพ จึงเป็นตำบลพี่เลี้ยงไม่ได้") % {"name": mentor.name}]
    elif not latest.passed:
        errors["mentor"] = [
            _("%(name)s ไม่ผ่านการประเมินคุณภาพปีงบประมาณ %(year)s จึงเป็นตำบลพี่เลี้ยงไม่ได้")
            % {"name": mentor.name, "year": latest.fiscal_year}
        ]
    current = Mentorship.objects.filter(mentee=mentee, status=MentorshipStatus.ACTIVE).select_related("mentor").first()
    if current is not None:
        errors["mentee"] = [
            _("%(mentee)s มีตำบลพี่เลี้ยงอยู่แล้ว (%(mentor)s) ต้องสิ้นสุดการจับคู่เดิมก่อน")
            % {"mentee": mentee.name, "mentor": current.mentor.name}
        ]
    if errors:
        raise ValidationError(errors)
    mentorship = Mentorship(
        mentor=mentor, mentee=mentee, started_on=started_on, reason=(reason or "").strip(), created_by=by
    )
    mentorship.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            mentorship.save()
    except IntegrityError:  # the database's one-active-mentorship rule, should a race get past us
        raise ValidationError({"mentee": [_("%(mentee)s มีตำบลพี่เลี้ยงอยู่แล้ว") % {"mentee": mentee.name}]}) from None
    return mentorship


@transaction.atomic
def mentorship_end(*, mentorship: Mentorship, by, ended_on: dt.date | None = None) -> Mentorship:
    _check_manager(by, mentorship.mentee)
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if mentorship.status != MentorshipStatus.ACTIVE:
        raise ValidationError({"status": [_("การจับคู่นี้สิ้นสุดไปแล้ว")]})
    ended_on = _check_date(ended_on or timezone.localdate(), "ended_on", _("กรุณาระบุวันที่สิ้นสุด"))
    if ended_on < mentorship.started_on:
        raise ValidationError({"ended_on": [_("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มจับคู่")]})
    mentorship.status = MentorshipStatus.ENDED
    mentorship.ended_on = ended_on
    mentorship.save(update_fields=["status", "ended_on", "updated_at"])
    return mentorship


@transaction.atomic
def mentoring_visit_log(
    *, mentorship: Mentorship, by, date: dt.date | None, notes: str, participants: int = 0
) -> MentoringVisit:
    """A mentoring visit, dated within the mentorship (from its start to its end, if ended)."""
    _check_manager(by, mentorship.mentee)
    errors: dict[str, list[str]] = {}
    try:
        date = _check_date(date, "date", _("กรุณาระบุวันที่เยี่ยม"))
        if date < mentorship.started_on:
            errors["date"] = [_("วันที่เยี่ยมต้องไม่ก่อนวันที่เริ่มจับคู่")]
        elif mentorship.ended_on and date > mentorship.ended_on:
            errors["date"] = [_("วันที่เยี่ยมต้องไม่หลังวันที่สิ้นสุดการจับคู่")]
    except ValidationError as exc:
        errors.update(exc.message_dict)
    notes = (notes or "").strip()
    if not notes:
        errors["notes"] = [_("กรุณาบันทึกสิ่งที่ทำระหว่างการเยี่ยม")]
    if participants is None or participants < 0:
        errors["participants"] = [_("จำนวนผู้เข้าร่วมต้องไม่ติดลบ")]
    if errors:
        raise ValidationError(errors)
    visit = MentoringVisit(mentorship=mentorship, date=date, notes=notes, participants=participants, recorded_by=by)
    visit.full_clean()
    visit.save()
    return visit
