"""A meeting's photos: added, their caption and report choice edited, removed on the
meeting's page by whoever manages the meeting (others in scope 403, out of scope 404), and
served by the portal itself to whoever may see the meeting (a published one: anyone)."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.media import serve_media

from .. import permissions
from ..forms import MeetingPhotoEditForm, MeetingPhotoForm
from ..models import MeetingPhoto
from ..models.photo import PHOTO_FOLDER
from ..services import photos as services
from .meetings import MeetingActionView


class PhotoAddView(MeetingActionView):
    form_class = MeetingPhotoForm
    success_message = gettext_lazy("เพิ่มภาพการประชุมแล้ว")

    def run_service(self, form):
        data = form.cleaned_data
        services.photo_add(
            meeting=self.meeting,
            by=self.request.user,
            upload=data["image"],
            caption=data["caption"],
            in_report=data["in_report"],
        )


class PhotoMixin:
    """The photo in the URL, one of the meeting's (404 otherwise)."""

    def get_scoped_object(self):
        meeting = super().get_scoped_object()
        self.photo = MeetingPhoto.objects.get(pk=self.kwargs["photo_id"], meeting=meeting)
        self.photo.meeting = meeting
        return meeting


class PhotoUpdateView(PhotoMixin, MeetingActionView):
    form_class = MeetingPhotoEditForm
    success_message = gettext_lazy("บันทึกคำบรรยายภาพแล้ว")

    def run_service(self, form):
        services.photo_update(photo=self.photo, by=self.request.user, **form.cleaned_data)


class PhotoRemoveView(PhotoMixin, MeetingActionView):
    success_message = gettext_lazy("ลบภาพแล้ว")

    def run_service(self, form):
        services.photo_remove(photo=self.photo, by=self.request.user)


def meeting_photo(request, path):
    """/media/meetings/photos/…: the file of a photo of a meeting the visitor may see."""
    name = PHOTO_FOLDER + path
    photo = (
        MeetingPhoto.objects.select_related("meeting__council__subdistrict__district", "meeting__district")
        .filter(image=name)
        .first()
    )
    if photo is None or not permissions.can_view_meeting(user=request.user, meeting=photo.meeting):
        raise Http404(_("ไม่พบไฟล์"))
    return serve_media(request, name, public=photo.meeting.is_published)
