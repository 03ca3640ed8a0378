"""Resolutions (มติ) on agenda items and the action items that follow them up."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import scope_for
from common.models import TimeStampedModel
from common.thai import thai_truncate
from common.validators import validate_ce_date

from ..choices import ActionStatus
from .scoping import MeetingScopedQuerySet, meeting_scope_q


class ResolutionQuerySet(MeetingScopedQuerySet):
    meeting_path = "agenda_item__meeting__"


class Resolution(TimeStampedModel):
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.CASCADE, related_name="resolutions", verbose_name=_("ระเบียบวาระ")
    )
    text = models.TextField(_("มติที่ประชุม"))
    history = HistoricalRecords()

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["agenda_item", "id"]
        verbose_name = _("มติ")
        verbose_name_plural = _("มติ")

    def __str__(self):
        return thai_truncate(self.text, 60)


class ActionItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The meeting's scope, plus the agency or council the item is assigned to."""
        scope = scope_for(user)
        q = meeting_scope_q(scope, "resolution__agenda_item__meeting__")
        if scope.agency_ids:
            q |= models.Q(assignee_agency_id__in=scope.agency_ids)
        if scope.council_ids:
            q |= models.Q(assignee_council_id__in=scope.council_ids)
        return self.filter(q)


class ActionItem(TimeStampedModel):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="actions", verbose_name=_("มติ"))
    title = models.CharField(_("สิ่งที่ต้องทำ"), max_length=255)
    assignee_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="action_items",
        verbose_name=_("หน่วยงานที่รับผิดชอบ"),
    )
    assignee_council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="action_items",
        verbose_name=_("สภาที่รับผิดชอบ"),
    )
    due_date = models.DateField(_("กำหนดเสร็จ"), validators=[validate_ce_date])
    status = models.CharField(_("สถานะ"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    cancel_reason = models.TextField(_("เหตุที่ยกเลิก"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    history = HistoricalRecords()

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("ข้อสั่งการที่ต้องติดตาม")
        verbose_name_plural = _("ข้อสั่งการที่ต้องติดตาม")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(assignee_agency__isnull=True, assignee_council__isnull=False)
                | models.Q(assignee_agency__isnull=False, assignee_council__isnull=True),
                name="action_item_one_assignee",
                violation_error_message=_("กรุณาเลือกผู้รับผิดชอบหนึ่งราย: หน่วยงานหรือสภา"),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="cancelled") | ~models.Q(cancel_reason=""),
                name="action_item_cancel_has_reason",
                violation_error_message=_("กรุณาระบุเหตุที่ยกเลิกงานนี้"),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def assignee(self):
        return self.assignee_agency or self.assignee_council

    @property
    def meeting(self):
        return self.resolution.agenda_item.meeting


def evidence_path(instance, filename: str) -> str:
    return f"meetings/actions/{instance.action_item_id}/{filename}"


class ActionUpdate(models.Model):
    action_item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates")
    note = models.TextField(_("ความคืบหน้า"))
    evidence = models.FileField(_("หลักฐาน"), upload_to=evidence_path, max_length=255, blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    evidence_type = models.CharField(max_length=50, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action_item", "-created_at", "-id"]
        verbose_name = _("ความคืบหน้าของข้อสั่งการ")
        verbose_name_plural = _("ความคืบหน้าของข้อสั่งการ")

    def __str__(self):
        return thai_truncate(self.note, 60)
