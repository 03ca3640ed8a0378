"""A photo of a meeting, resized for the web when uploaded (``councils.images.web_photo``),
with its caption and whether it goes into the annual report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PHOTO_FOLDER = "meetings/photos/"


class MeetingPhoto(models.Model):
    """Its file never changes (a new photo is a new row under a new random name), so the
    name is the photo's version, as for an activity photo."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="photos", verbose_name=_("การประชุม")
    )
    image = models.ImageField(
        _("ภาพ"), upload_to=PHOTO_FOLDER + "%Y/%m/", width_field="width", height_field="height", db_index=True
    )
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    caption = models.CharField(_("คำบรรยายภาพ"), max_length=255, blank=True)
    # Chosen for the annual report's photo section (by whoever manages the meeting).
    in_report = models.BooleanField(_("เลือกลงรายงานประจำปี"), default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ผู้เพิ่มภาพ"),
    )
    created_at = models.DateTimeField(_("อัปโหลดเมื่อ"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("ภาพการประชุม")
        verbose_name_plural = _("ภาพการประชุม")
        indexes = [models.Index(fields=["meeting"], condition=models.Q(in_report=True), name="meetingphoto_in_report")]

    def __str__(self):
        return self.caption or self.image.name
