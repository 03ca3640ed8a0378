"""Obstacles: raised by a council's staff to an agency, answered by that agency's staff.

raised → received → in progress → resolved, or cannot act (with a reason) from any open
status. One service per move; each records a Response (who, when, what, the status it
moved to). Two answers racing each other cannot both move the obstacle: the row is locked
(SELECT ... FOR UPDATE) and its status read again inside the transaction.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import Role
from accounts.notifications import notify
from accounts.selectors import users_with_role
from common.rules import require

from .. import permissions, selectors
from ..choices import OBSTACLE_OPEN, ObstacleStatus
from ..evidence import evidence_file
from ..models import Obstacle, Response
from . import agenda


def obstacle_url(obstacle) -> str:
    return reverse("meetings:obstacle_detail", kwargs={"pk": obstacle.pk})


@transaction.atomic
def obstacle_raise(
    *, council, by, agency, theme, title: str, detail: str, evidence=None, activity=None, plan_item=None,
    agenda_item=None,
) -> Obstacle:
    require(permissions.can_raise_obstacle, user=by, council=council)
    errors = {}
    if not title.strip():
        errors["title"] = _("กรุณาระบุเรื่อง")
    if not detail.strip():
        errors["detail"] = _("กรุณาระบุรายละเอียดของข้อติดขัด")
    if agency is None or not selectors.agencies_for_obstacle(council=council).filter(pk=agency.pk).exists():
        errors["agency"] = _("หน่วยงานนี้ไม่ได้ดูแลพื้นที่ของสภานี้")
    if activity is not None and activity.council_id != council.pk:
        errors["activity"] = _("กิจกรรมนี้ไม่ใช่ของสภานี้")
    if plan_item is not None and plan_item.plan.council_id != council.pk:
        errors["plan_item"] = _("รายการในแผนนี้ไม่ใช่ของสภานี้")
    if agenda_item is not None and not selectors.agenda_items_for_obstacle(council=council).filter(pk=agenda_item.pk).exists():
        errors["agenda_item"] = _("ระเบียบวาระนี้ไม่ใช่ของการประชุมที่สภานี้เข้าร่วม")
    if theme is None:
        errors["theme"] = _("กรุณาเลือกประเด็นงาน")
    if errors:
        raise ValidationError(errors)
    stored = evidence_file(evidence) if evidence else None
    obstacle = Obstacle(
        council=council, agency=agency, theme=theme, title=title.strip(), detail=detail.strip(),
        activity=activity, plan_item=plan_item, agenda_item=agenda_item, raised_by=by,
    )  # fmt: skip
    if stored is not None:
        obstacle.evidence.save(stored.name, stored, save=False)
    obstacle.save()
    notify(
        users=users_with_role(Role.AGENCY_STAFF, agency=agency),
        text=_("ข้อติดขัดใหม่จาก%(council)s: %(title)s") % {"council": council.name, "title": obstacle.title},
        url=obstacle_url(obstacle),
    )
    return obstacle


ALLOWED_FROM = {
    ObstacleStatus.RECEIVED: (ObstacleStatus.RAISED,),
    ObstacleStatus.IN_PROGRESS: (ObstacleStatus.RAISED, ObstacleStatus.RECEIVED),
    ObstacleStatus.RESOLVED: OBSTACLE_OPEN,
    ObstacleStatus.CANNOT_ACT: OBSTACLE_OPEN,
}


def _move(*, obstacle_id: int, by, to: str, text: str, text_required: str | None = None) -> Obstacle:
    """Lock the row, check the move against its status as it is now, record the answer."""
    obstacle = (
        Obstacle.objects.select_for_update(of=("self",))
        .select_related("council__subdistrict__district")
        .get(pk=obstacle_id)
    )
    require(permissions.can_answer_obstacle, user=by, obstacle=obstacle)
    if obstacle.status not in ALLOWED_FROM[to]:
        raise ValidationError(
            _("เปลี่ยนสถานะจาก “%(from)s” เป็น “%(to)s” ไม่ได้")
            % {"from": obstacle.get_status_display(), "to": ObstacleStatus(to).label}
        )
    text = (text or "").strip()
    if text_required and not text:
        raise ValidationError({"text": text_required})
    now = timezone.now()
    obstacle.status = to
    obstacle.first_answered_at = obstacle.first_answered_at or now
    obstacle.save(update_fields=["status", "first_answered_at", "updated_at"])
    Response.objects.create(obstacle=obstacle, by=by, text=text, status=to)
    notify(
        users=users_with_role(Role.COUNCIL_STAFF, council=obstacle.council),
        text=_("หน่วยงานตอบข้อติดขัด “%(title)s”: %(status)s")
        % {"title": obstacle.title, "status": obstacle.get_status_display()},
        url=obstacle_url(obstacle),
    )
    return obstacle


@transaction.atomic
def obstacle_receive(*, obstacle_id: int, by, text: str = "") -> Obstacle:
    return _move(obstacle_id=obstacle_id, by=by, to=ObstacleStatus.RECEIVED, text=text)


@transaction.atomic
def obstacle_start(*, obstacle_id: int, by, text: str = "") -> Obstacle:
    return _move(obstacle_id=obstacle_id, by=by, to=ObstacleStatus.IN_PROGRESS, text=text)


@transaction.atomic
def obstacle_resolve(*, obstacle_id: int, by, text: str) -> Obstacle:
    return _move(
        obstacle_id=obstacle_id, by=by, to=ObstacleStatus.RESOLVED, text=text,
        text_required=_("กรุณาระบุว่าแก้ไขอย่างไร"),
    )  # fmt: skip


@transaction.atomic
def obstacle_decline(*, obstacle_id: int, by, text: str) -> Obstacle:
    return _move(
        obstacle_id=obstacle_id, by=by, to=ObstacleStatus.CANNOT_ACT, text=text,
        text_required=_("กรุณาระบุเหตุผลที่ไม่สามารถดำเนินการได้"),
    )  # fmt: skip


MOVES = {
    ObstacleStatus.RECEIVED: obstacle_receive,
    ObstacleStatus.IN_PROGRESS: obstacle_start,
    ObstacleStatus.RESOLVED: obstacle_resolve,
    ObstacleStatus.CANNOT_ACT: obstacle_decline,
}


def obstacles_mark_overdue(*, now=None) -> int:
    """The daily sweep: mark each newly overdue obstacle and tell its district's officers,
    once; then put every overdue obstacle not yet on an agenda onto its district's next
    planned mechanism meeting (services.agenda). Returns how many were marked."""
    now = now or timezone.now()
    marked = 0
    for obstacle_id in list(selectors.overdue_to_notify(now=now).values_list("pk", flat=True)):
        marked += obstacle_mark_overdue(obstacle_id=obstacle_id, now=now)
    agenda.overdue_obstacles_onto_agendas(now=now)
    return marked


@transaction.atomic
def obstacle_mark_overdue(*, obstacle_id: int, now=None) -> int:
    now = now or timezone.now()
    claimed = selectors.overdue_to_notify(now=now).filter(pk=obstacle_id).update(overdue_notified_at=now)
    if not claimed:
        return 0
    obstacle = Obstacle.objects.select_related("council__subdistrict__district", "agency").get(pk=obstacle_id)
    district = obstacle.council.subdistrict.district
    notify(
        users=users_with_role(Role.DISTRICT_OFFICER, district=district),
        text=_("ข้อติดขัด “%(title)s” ของ%(council)s ยังไม่ได้รับคำตอบจาก%(agency)s เกินกำหนด")
        % {"title": obstacle.title, "council": obstacle.council.name, "agency": obstacle.agency.name},
        url=reverse("meetings:obstacle_overdue", kwargs={"code": district.code}),
    )
    return 1
