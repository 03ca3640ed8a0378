"""The council registry: สภาองค์กรชุมชนตำบล, one per subdistrict."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet
from agencies.models import Agency
from common.models import TimeStampedModel
from common.validators import validate_ce_date
from geo.models import Subdistrict, Theme

from ..choices import CouncilStatus


class CouncilQuerySet(ScopedQuerySet):
    area_path = "subdistrict"



class Council(TimeStampedModel):
    """สภาองค์กรชุมชนตำบล: at most one per subdistrict."""

    subdistrict = models.OneToOneField(
        Subdistrict, on_delete=models.PROTECT, related_name="council", verbose_name=_("ตำบล")
    )
    name = models.CharField(_("ชื่อสภา"), max_length=255)
    status = models.CharField(_("สถานะ"), max_length=20, choices=CouncilStatus.choices, default=CouncilStatus.ACTIVE)
    registration_number = models.CharField(_("เลขทะเบียนจัดตั้ง"), max_length=40, blank=True)
    registered_on = models.DateField(_("วันที่จดแจ้งจัดตั้ง"), null=True, blank=True, validators=[validate_ce_date])
    address = models.TextField(_("ที่ตั้งสำนักงาน"), blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=40, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    contact_name = models.CharField(_("ผู้ประสานงาน"), max_length=200, blank=True)
    # The LAO the council works with.
    lao = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="councils",
        verbose_name=_("องค์กรปกครองส่วนท้องถิ่น"),
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="councils", verbose_name=_("ประเด็นงาน"))
    is_published = models.BooleanField(_("เผยแพร่ต่อสาธารณะ"), default=True)
    history = HistoricalRecords(m2m_fields=[themes])

    objects = CouncilQuerySet.as_manager()

    class Meta:
        ordering = ["subdistrict__code"]
        verbose_name = _("สภาองค์กรชุมชนตำบล")
        verbose_name_plural = _("สภาองค์กรชุมชนตำบล")
        indexes = [
            models.Index(fields=["status"]),
        ]

    def __str__(self):
        return self.name

    @property
    def code(self) -> str:
        return self.subdistrict.code

    def get_absolute_url(self):
        return reverse("councils:council_detail", kwargs={"code": self.subdistrict.code})
