"""Council members and the people behind them (PDPA: least data, ID encrypted, reveals logged)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet, scope_for
from common.models import TimeStampedModel
from common.validators import validate_ce_date

from ..choices import MemberPosition
from .council import Council
from .organization import CommunityOrganization


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        """People with at least one term on a council inside the user's scope."""
        if scope_for(user).national:
            return self
        return self.filter(pk__in=CouncilMember.objects.visible_to(user).values("person_id"))


class Person(TimeStampedModel):
    """A person who serves on a council. The national ID number is optional; when kept it is
    stored encrypted (``national_id_ciphertext``) with a keyed hash for duplicate checks,
    and shown masked. Only councils.pdpa reads or writes these two fields."""

    full_name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    phone = models.CharField(_("โทรศัพท์"), max_length=40, blank=True)
    national_id_ciphertext = models.TextField(_("เลขประจำตัวประชาชน (เข้ารหัส)"), blank=True, editable=False)
    national_id_hash = models.CharField(
        _("ลายนิ้วมือเลขประจำตัวประชาชน"), max_length=64, null=True, blank=True, unique=True, editable=False
    )
    national_id_last4 = models.CharField(_("เลขท้าย"), max_length=4, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["national_id_ciphertext"])

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("บุคคล")
        verbose_name_plural = _("บุคคล")

    def __str__(self):
        return self.full_name


class CouncilMemberQuerySet(ScopedQuerySet):
    area_path = "council__subdistrict"



class CouncilMember(TimeStampedModel):
    """One term of one person on one council, representing one organization."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members", verbose_name=_("สภา"))
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="terms", verbose_name=_("บุคคล"))
    organization = models.ForeignKey(
        CommunityOrganization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="representatives",
        verbose_name=_("องค์กรที่เป็นผู้แทน"),
    )
    position = models.CharField(
        _("ตำแหน่ง"), max_length=20, choices=MemberPosition.choices, default=MemberPosition.MEMBER
    )
    term_start = models.DateField(_("เริ่มวาระ"), validators=[validate_ce_date])
    term_end = models.DateField(_("สิ้นสุดวาระ"), null=True, blank=True, validators=[validate_ce_date])
    history = HistoricalRecords()

    objects = CouncilMemberQuerySet.as_manager()

    class Meta:
        ordering = ["council", "-term_start", "position"]
        verbose_name = _("สมาชิกสภาองค์กรชุมชน")
        verbose_name_plural = _("สมาชิกสภาองค์กรชุมชน")
        constraints = [
            models.CheckConstraint(
                name="member_term_end_after_start",
                condition=models.Q(term_end__isnull=True) | models.Q(term_end__gte=models.F("term_start")),
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_position_display()})"


class NationalIdReveal(models.Model):
    """Every time a full national ID number is shown, who saw it and why (PDPA log)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reveals", verbose_name=_("บุคคล"))
    revealed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("ผู้เปิดดู")
    )
    revealed_at = models.DateTimeField(_("เปิดดูเมื่อ"), auto_now_add=True)
    purpose = models.CharField(_("วัตถุประสงค์"), max_length=255)

    class Meta:
        ordering = ["-revealed_at"]
        verbose_name = _("บันทึกการเปิดดูเลขประจำตัวประชาชน")
        verbose_name_plural = _("บันทึกการเปิดดูเลขประจำตัวประชาชน")

    def __str__(self):
        return f"{self.person} / {self.revealed_by} / {self.revealed_at:%Y-%m-%d %H:%M}"
