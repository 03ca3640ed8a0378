"""Users and their role assignments.

The area and organisation a role is bound to are referenced by app label
("councils.Council"), so this app imports nothing from the domain apps: the domain
apps' selectors import ``accounts.scoping`` instead (dependencies run one way).
"""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .choices import Role


class User(AbstractUser):
    display_name = models.CharField(_("ชื่อที่แสดง"), max_length=150, blank=True)
    email_digest = models.BooleanField(
        _("รับอีเมลสรุปรายวัน"),
        default=False,
        help_text=_("รับอีเมลสรุปการแจ้งเตือนวันละฉบับ แทนอีเมลทีละเรื่อง"),
    )
    # Kept by accounts.notifications, so the header shows it from the signed-in user's row
    # without a query of its own.
    unread_notifications = models.PositiveIntegerField(_("การแจ้งเตือนที่ยังไม่ได้อ่าน"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["password", "last_login", "unread_notifications"])

    class Meta:
        verbose_name = _("ผู้ใช้")
        verbose_name_plural = _("ผู้ใช้")

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username


class RoleAssignment(models.Model):
    """One role of one user, bound to the one thing that role is about."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("ผู้ใช้"))
    role = models.CharField(_("บทบาท"), max_length=30, choices=Role.choices)
    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("สภาองค์กรชุมชนตำบล"),
    )
    district = models.ForeignKey(
        "geo.District",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("อำเภอ"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("หน่วยงาน"),
    )
    provinces = models.ManyToManyField(
        "geo.Province",
        blank=True,
        related_name="+",
        verbose_name=_("จังหวัดที่รับผิดชอบ"),
        help_text=_("เจ้าหน้าที่ พอช. ระดับภาค: เลือกจังหวัด; เว้นว่างหมายถึงทั้งประเทศ"),
    )
    created_at = models.DateTimeField(_("กำหนดเมื่อ"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[provinces])

    class Meta:
        verbose_name = _("การกำหนดบทบาท")
        verbose_name_plural = _("การกำหนดบทบาท")
        constraints = [
            models.CheckConstraint(
                name="role_council_staff_has_council",
                condition=~models.Q(role=Role.COUNCIL_STAFF) | models.Q(council__isnull=False),
            ),
            models.CheckConstraint(
                name="role_district_officer_has_district",
                condition=~models.Q(role=Role.DISTRICT_OFFICER) | models.Q(district__isnull=False),
            ),
            models.CheckConstraint(
                name="role_agency_staff_has_agency",
                condition=~models.Q(role=Role.AGENCY_STAFF) | models.Q(agency__isnull=False),
            ),
        ]

    def __str__(self):
        target = self.council or self.district or self.agency or ""
        return f"{self.get_role_display()} {target}".strip()

    def clean(self):
        required = {
            Role.COUNCIL_STAFF: ("council", _("กรุณาเลือกสภาองค์กรชุมชนตำบล")),
            Role.DISTRICT_OFFICER: ("district", _("กรุณาเลือกอำเภอ")),
            Role.AGENCY_STAFF: ("agency", _("กรุณาเลือกหน่วยงาน")),
        }
        if self.role in required:
            field, message = required[self.role]
            if getattr(self, f"{field}_id") is None:
                raise ValidationError({field: message})


class Notification(models.Model):
    """One message to one user in the portal, and by e-mail once (``emailed_at`` is claimed
    atomically before sending, so a retried task never sends twice)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("ผู้ใช้"))
    text = models.CharField(_("ข้อความ"), max_length=500)
    url = models.CharField(_("ลิงก์"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("แจ้งเมื่อ"), auto_now_add=True)
    read_at = models.DateTimeField(_("อ่านเมื่อ"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("ส่งอีเมลเมื่อ"), null=True, blank=True)
    email_claim = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("การแจ้งเตือน")
        verbose_name_plural = _("การแจ้งเตือน")
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.text

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class ApiToken(models.Model):
    """A personal API token a user makes and revokes on their own page. Several per user,
    each with a name. Only a SHA-256 hash of the key is kept (the key is random, 256 bits,
    so a plain hash is enough); the key is shown once, when made, and its first characters
    (``prefix``) identify it afterwards. Sent as ``Authorization: Bearer <key>``
    (accounts.authentication.ApiTokenAuthentication)."""

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("ผู้ใช้"))
    name = models.CharField(_("ชื่อโทเค็น"), max_length=100)
    prefix = models.CharField(_("ขึ้นต้นด้วย"), max_length=16)
    key_hash = models.CharField(_("แฮชของโทเค็น"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("ใช้ล่าสุด"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("เพิกถอนเมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("โทเค็น API")
        verbose_name_plural = _("โทเค็น API")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
