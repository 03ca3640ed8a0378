"""Writes to alignments: the district officer's review of a plan item."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import Mission
from common.rules import require

from .. import permissions
from ..choices import AlignmentStatus
from ..models import Alignment, LocalPlanProject, PlanItem


def mission_covers_tambon(mission: Mission, tambon) -> bool:
    """An agency's area covers a tambon: the tambon itself, its district, its province, or
    the whole country (an agency with no province)."""
    agency = mission.agency
    if agency.subdistrict_id:
        return agency.subdistrict_id == tambon.pk
    if agency.district_id:
        return agency.district_id == tambon.district_id
    if agency.province_id:
        return agency.province_id == tambon.district.province_id
    return True


def lao_serves_district(lao, tambon) -> bool:
    """An LAO of the tambon's district (any of its tambons, or the district itself), or
    the province's own LAO (อบจ.) whose area is the whole province."""
    if lao.subdistrict_id:
        return lao.subdistrict.district_id == tambon.district_id
    if lao.district_id:
        return lao.district_id == tambon.district_id
    return lao.province_id is not None and lao.province_id == tambon.district.province_id


@transaction.atomic
def alignment_review(
    *,
    plan_item: PlanItem,
    by,
    status: str,
    note: str = "",
    local_plan_project: LocalPlanProject | None = None,
    mission: Mission | None = None,
    from_suggestion: bool = False,
) -> Alignment:
    """A district officer records how a plan item is taken up: by a project of an LAO of
    the district (``local_plan_project``) or by an agency's mission whose area covers the
    council's tambon (``mission``); ``from_suggestion`` when one click accepted the
    review page's suggestion."""
    require(permissions.can_review_plan_item, user=by, plan_item=plan_item)
    if status not in AlignmentStatus.values:
        raise ValidationError({"status": _("สถานะการเชื่อมโยงแผนไม่ถูกต้อง")})
    if local_plan_project is not None and mission is not None:
        raise ValidationError(_("เลือกโครงการในแผนท้องถิ่นหรือภารกิจของหน่วยงานอย่างใดอย่างหนึ่ง"))
    taken_up = local_plan_project is not None or mission is not None
    if status in (AlignmentStatus.ALIGNED, AlignmentStatus.PARTIAL) and not taken_up and not note.strip():
        raise ValidationError(
            {"note": _("กรุณาเลือกโครงการในแผนท้องถิ่น หรือระบุหมายเหตุว่าบรรจุไว้ในโครงการใด")}
        )
    if local_plan_project is not None and not lao_serves_district(local_plan_project.lao, plan_item.plan.council.subdistrict):
        raise ValidationError({"local_plan_project": _("โครงการนี้ไม่ได้อยู่ในแผนของ อปท. ในอำเภอเดียวกัน")})
    if mission is not None and not mission_covers_tambon(mission, plan_item.plan.council.subdistrict):
        raise ValidationError({"mission": _("ภารกิจนี้เป็นของหน่วยงานที่ไม่ได้ดูแลพื้นที่ตำบลของสภานี้")})
    alignment, _created = Alignment.objects.select_for_update().get_or_create(plan_item=plan_item)
    alignment.status = status
    alignment.note = note.strip()
    pending = status == AlignmentStatus.PENDING
    alignment.local_plan_project = None if pending else local_plan_project
    alignment.mission = None if pending else mission
    alignment.from_suggestion = bool(from_suggestion) and taken_up and not pending
    alignment.reviewed_by = by
    alignment.reviewed_at = timezone.now()
    alignment.save()
    return alignment
