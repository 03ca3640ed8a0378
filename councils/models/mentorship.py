"""Mentor tambons (ตำบลพี่เลี้ยง): a strong council that passed its assessment helps a weak one."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet, scope_for
from common.models import TimeStampedModel
from common.validators import validate_ce_date

from ..choices import MentorshipStatus
from .council import Council


class MentorshipQuerySet(ScopedQuerySet):
    area_path = "mentee__subdistrict"

    def visible_to(self, user):
        """A mentorship is seen by those whose area covers the mentor or the mentee."""
        scope = scope_for(user)
        if scope.national:
            return self
        return self.filter(scope.area_q("mentor__subdistrict") | scope.area_q("mentee__subdistrict"))



class Mentorship(TimeStampedModel):
    mentor = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="mentoring", verbose_name=_("ตำบลพี่เลี้ยง"))
    mentee = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="mentored_by", verbose_name=_("ตำบลที่ได้รับการพี่เลี้ยง")
    )
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=MentorshipStatus.choices, default=MentorshipStatus.ACTIVE
    )
    started_on = models.DateField(_("เริ่มเมื่อ"), validators=[validate_ce_date])
    ended_on = models.DateField(_("สิ้นสุดเมื่อ"), null=True, blank=True, validators=[validate_ce_date])
    reason = models.TextField(_("เหตุผลในการจับคู่"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("จับคู่โดย")
    )
    history = HistoricalRecords()

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on"]
        verbose_name = _("การเป็นตำบลพี่เลี้ยง")
        verbose_name_plural = _("การเป็นตำบลพี่เลี้ยง")
        constraints = [
            models.CheckConstraint(name="mentorship_not_self", condition=~models.Q(mentor=models.F("mentee"))),
            models.UniqueConstraint(
                fields=["mentee"], condition=models.Q(status="active"), name="mentorship_one_active_per_mentee"
            ),
        ]

    def __str__(self):
        return f"{self.mentor} → {self.mentee}"


class MentoringVisit(TimeStampedModel):
    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="visits", verbose_name=_("การพี่เลี้ยง")
    )
    date = models.DateField(_("วันที่เยี่ยม"), validators=[validate_ce_date])
    notes = models.TextField(_("บันทึก"))
    participants = models.PositiveIntegerField(_("ผู้เข้าร่วม (คน)"), default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("บันทึกโดย")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("การเยี่ยมพี่เลี้ยง")
        verbose_name_plural = _("การเยี่ยมพี่เลี้ยง")
