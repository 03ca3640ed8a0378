"""A meeting of any kind, its agenda, invitations, attendance and attachments."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.models import TimeStampedModel
from common.validators import validate_ce_date

from ..choices import AttendanceStatus, MeetingKind, MeetingStatus
from .scoping import MeetingScopedQuerySet


class MeetingQuerySet(MeetingScopedQuerySet):
    meeting_path = ""

    def published(self):
        return self.filter(status=MeetingStatus.PUBLISHED)


class Meeting(TimeStampedModel):
    kind = models.CharField(_("ประเภท"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("เรื่อง"), max_length=255)
    date = models.DateField(_("วันที่ประชุม"), validators=[validate_ce_date])
    start_time = models.TimeField(_("เวลาเริ่ม"), null=True, blank=True)
    end_time = models.TimeField(_("เวลาเลิก"), null=True, blank=True)
    place = models.CharField(_("สถานที่"), max_length=255, blank=True)
    # A council meeting: its council (and the council's district). A mechanism meeting or a
    # forum: its district (and its mechanism when the district has one). National: neither.
    district = models.ForeignKey(
        "geo.District", on_delete=models.PROTECT, null=True, blank=True, related_name="meetings",
        verbose_name=_("อำเภอ"),
    )
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, null=True, blank=True, related_name="meetings",
        verbose_name=_("สภา"),
    )
    mechanism = models.ForeignKey(
        "meetings.DistrictMechanism", on_delete=models.PROTECT, null=True, blank=True, related_name="meetings",
        verbose_name=_("กลไก"),
    )
    status = models.CharField(_("สถานะ"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    cancel_reason = models.TextField(_("เหตุที่ยกเลิก"), blank=True)
    minutes = models.TextField(_("รายงานการประชุม"), blank=True)
    recorder = models.CharField(_("ผู้จดรายงานการประชุม"), max_length=255, blank=True)
    checker = models.CharField(_("ผู้ตรวจรายงานการประชุม"), max_length=255, blank=True)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True)
    # The council-meeting activity this meeting was made from (data migration 0007).
    source_activity = models.OneToOneField(
        "councils.Activity", on_delete=models.SET_NULL, null=True, blank=True, related_name="meeting",
        verbose_name=_("กิจกรรมต้นทาง"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้บันทึก"),
    )
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time", "-id"]
        verbose_name = _("การประชุม")
        verbose_name_plural = _("การประชุม")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม"),
            ),
        ]
        indexes = [models.Index(fields=["kind", "status", "date"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == MeetingStatus.PUBLISHED


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("การประชุม"))
    order = models.PositiveSmallIntegerField(_("วาระที่"))
    title = models.CharField(_("เรื่อง"), max_length=255)
    detail = models.TextField(_("รายละเอียด"), blank=True)
    # An obstacle left unanswered past OBSTACLE_ANSWER_DAYS, put on the district
    # mechanism's next meeting by the daily sweep or when that meeting is called.
    obstacle = models.ForeignKey(
        "meetings.Obstacle", on_delete=models.SET_NULL, null=True, blank=True, related_name="agenda_items",
        verbose_name=_("ข้อติดขัดที่เกินกำหนด"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("ระเบียบวาระ")
        verbose_name_plural = _("ระเบียบวาระ")
        constraints = [models.UniqueConstraint(fields=["meeting", "order"], name="agenda_item_order_unique", violation_error_message=_("ลำดับวาระนี้มีอยู่แล้ว"))]

    def __str__(self):
        return f"{self.order}. {self.title}"


class Invitation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey("meetings.MechanismMember", on_delete=models.CASCADE, related_name="invitations")
    invited_at = models.DateTimeField(_("เชิญเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["meeting", "member__full_name"]
        verbose_name = _("หนังสือเชิญประชุม")
        verbose_name_plural = _("หนังสือเชิญประชุม")
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="invitation_unique", violation_error_message=_("เชิญกรรมการคนนี้แล้ว"))]

    def __str__(self):
        return f"{self.member} → {self.meeting}"


class Attendance(models.Model):
    """One line of who came: an invited member (present, absent, represented by someone)
    or a guest (ผู้เข้าร่วมประชุม) named by hand."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(
        "meetings.MechanismMember", on_delete=models.CASCADE, null=True, blank=True, related_name="attendance"
    )
    name = models.CharField(_("ชื่อ-สกุล"), max_length=255)
    position = models.CharField(_("ตำแหน่ง/หน่วยงาน"), max_length=255, blank=True)
    status = models.CharField(_("การมาประชุม"), max_length=20, choices=AttendanceStatus.choices)
    represented_by = models.CharField(_("ผู้แทน"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "status", "id"]
        verbose_name = _("การมาประชุม")
        verbose_name_plural = _("การมาประชุม")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_member_once", violation_error_message=_("บันทึกการมาประชุมของกรรมการคนนี้แล้ว")),
            models.CheckConstraint(
                condition=~models.Q(status="represented") | ~models.Q(represented_by=""),
                name="attendance_represented_names_who",
                violation_error_message=_("กรุณาระบุชื่อผู้แทน"),
            ),
        ]

    def __str__(self):
        return self.name


def attachment_path(instance, filename: str) -> str:
    return f"meetings/{instance.meeting_id}/{filename}"


class MeetingAttachment(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("ไฟล์"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("ชื่อไฟล์"), max_length=255)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "uploaded_at", "id"]
        verbose_name = _("เอกสารแนบการประชุม")
        verbose_name_plural = _("เอกสารแนบการประชุม")

    def __str__(self):
        return self.original_name
