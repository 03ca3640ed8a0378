"""Writes to alignments: the district officer's review of a plan item."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.rules import require

from .. import permissions
from ..choices import AlignmentStatus
from ..models import Alignment, LocalPlanProject, PlanItem


@transaction.atomic
def alignment_review(
    *,
    plan_item: PlanItem,
    by,
    status: str,
    note: str = "",
    local_plan_project: LocalPlanProject | None = None,
) -> Alignment:
    """A district officer records how a plan item is taken up by the LAO's plan."""
    require(permissions.can_review_plan_item, user=by, plan_item=plan_item)
    district_id = plan_item.plan.council.subdistrict.district_id
    if status not in AlignmentStatus.values:
        raise ValidationError({"status": _("สถานะการเชื่อมโยงแผนไม่ถูกต้อง")})
    if status in (AlignmentStatus.ALIGNED, AlignmentStatus.PARTIAL) and local_plan_project is None and not note.strip():
        raise ValidationError(
            {"note": _("กรุณาเลือกโครงการในแผนท้องถิ่น หรือระบุหมายเหตุว่าบรรจุไว้ในโครงการใด")}
        )
    if local_plan_project is not None:
        lao = local_plan_project.lao
        lao_district = lao.district_id or (lao.subdistrict.district_id if lao.subdistrict_id else None)
        if lao_district != district_id:
            raise ValidationError({"local_plan_project": _("โครงการนี้ไม่ได้อยู่ในแผนของ อปท. ในอำเภอเดียวกัน")})
    alignment, _created = Alignment.objects.select_for_update().get_or_create(plan_item=plan_item)
    alignment.status = status
    alignment.note = note.strip()
    alignment.local_plan_project = local_plan_project if status != AlignmentStatus.PENDING else None
    alignment.reviewed_by = by
    alignment.reviewed_at = timezone.now()
    alignment.save()
    return alignment
