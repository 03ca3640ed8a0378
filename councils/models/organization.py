"""Community organizations (องค์กรชุมชน) registered with CODI."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet
from common.models import TimeStampedModel
from common.validators import validate_ce_date
from geo.models import Theme

from ..choices import OrganizationKind
from .council import Council


class OrganizationQuerySet(ScopedQuerySet):
    area_path = "council__subdistrict"



class CommunityOrganization(TimeStampedModel):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="organizations", verbose_name=_("สภา"))
    code = models.CharField(_("รหัส พอช."), max_length=20, unique=True)
    name = models.CharField(_("ชื่อองค์กร"), max_length=255)
    kind = models.CharField(_("ประเภท"), max_length=30, choices=OrganizationKind.choices)
    themes = models.ManyToManyField(Theme, blank=True, related_name="organizations", verbose_name=_("ประเด็นงาน"))
    founded_on = models.DateField(_("วันที่ก่อตั้ง"), null=True, blank=True, validators=[validate_ce_date])
    registered_on = models.DateField(_("วันที่จดแจ้ง"), null=True, blank=True, validators=[validate_ce_date])
    village_code = models.CharField(
        _("รหัสหมู่บ้าน"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("รหัสหมู่บ้านต้องเป็นตัวเลข 8 หลัก"))],
    )
    village_name = models.CharField(_("หมู่บ้าน"), max_length=200, blank=True)
    member_count = models.PositiveIntegerField(_("จำนวนสมาชิก"), default=0)
    history = HistoricalRecords(m2m_fields=[themes])

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("องค์กรชุมชน")
        verbose_name_plural = _("องค์กรชุมชน")
        indexes = [
            models.Index(fields=["council", "kind"]),
        ]

    def __str__(self):
        return self.name
