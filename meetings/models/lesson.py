"""บทเรียน: what worked and what did not, written by a council's staff on one of the
council's activities or one of its meetings, to be shared across districts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.scoping import ScopedQuerySet
from common.models import TimeStampedModel
from common.thai import thai_truncate

LESSON_TEXT_MAX = 1000


class LessonQuerySet(ScopedQuerySet):
    area_path = "council__subdistrict"

    def public(self):
        """Published lessons of published councils."""
        return self.filter(is_published=True, council__is_published=True)


class Lesson(TimeStampedModel):
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="lessons", verbose_name=_("สภา")
    )
    # Exactly one of the two: the activity or the (council) meeting the lesson was drawn from.
    activity = models.ForeignKey(
        "councils.Activity", on_delete=models.CASCADE, null=True, blank=True, related_name="lessons",
        verbose_name=_("กิจกรรม"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="lessons",
        verbose_name=_("การประชุม"),
    )
    what_worked = models.TextField(_("สิ่งที่ได้ผล"), max_length=LESSON_TEXT_MAX)
    what_did_not = models.TextField(_("สิ่งที่ไม่ได้ผล"), max_length=LESSON_TEXT_MAX)
    theme = models.ForeignKey(
        "geo.Theme", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ประเด็นงาน")
    )
    is_published = models.BooleanField(_("เผยแพร่ต่อสาธารณะ"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ผู้เขียน"),
    )
    history = HistoricalRecords()

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("บทเรียน")
        verbose_name_plural = _("บทเรียน")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(activity__isnull=False, meeting__isnull=True)
                | models.Q(activity__isnull=True, meeting__isnull=False),
                name="lesson_from_an_activity_or_a_meeting",
                violation_error_message=_("บทเรียนต้องมาจากกิจกรรมหรือการประชุมอย่างใดอย่างหนึ่ง"),
            ),
        ]
        indexes = [models.Index(fields=["council", "-created_at"])]

    def __str__(self):
        return thai_truncate(self.what_worked, 60)

    @property
    def source(self):
        return self.activity or self.meeting
