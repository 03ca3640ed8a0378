"""What anyone may read without signing in: published meetings and their minutes, their
attachments, and a calendar feed per district and per council. Attachments of a meeting
not yet published are served only to users whose scope covers it."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from councils.models import Council
from geo.models import District

from .. import permissions, selectors
from ..calendar import meetings_calendar
from ..minutes_pdf import minutes_pdf
from ..models import ActionUpdate, MeetingAttachment


class PublicMeetingListView(ListView):
    template_name = "meetings/public_list.html"
    paginate_by = 30

    def get_queryset(self):
        return selectors.public_meetings()


class PublicMeetingDetailView(DetailView):
    template_name = "meetings/public_detail.html"
    context_object_name = "meeting"

    def get_object(self, queryset=None):
        try:
            return selectors.public_meeting(pk=self.kwargs["pk"])
        except selectors.Meeting.DoesNotExist:
            raise Http404(_("ไม่พบการประชุมนี้")) from None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agenda=selectors.meeting_agenda(meeting=self.object),
            attendance=selectors.meeting_attendance(meeting=self.object),
            attachments=list(self.object.attachments.order_by("uploaded_at", "id")),
            photos=list(self.object.photos.all()),
            **kwargs,
        )


def _send(file, *, name: str, content_type: str, public: bool) -> FileResponse:
    response = FileResponse(file.open("rb"), content_type=content_type, as_attachment=content_type == "application/pdf",
                            filename=name)
    response["Cache-Control"] = "public, no-cache" if public else "private, no-cache"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def attachment_download(request, pk: int, attachment_id: int):
    """A meeting's file, to whoever may see the meeting (a published one: anyone)."""
    attachment = get_object_or_404(
        MeetingAttachment.objects.select_related("meeting__council__subdistrict__district", "meeting__district"),
        pk=attachment_id, meeting_id=pk,
    )
    meeting = attachment.meeting
    if not permissions.can_view_meeting(user=request.user, meeting=meeting):
        raise Http404(_("ไม่พบไฟล์"))
    return _send(attachment.file, name=attachment.original_name, content_type=attachment.content_type,
                 public=meeting.is_published)


def evidence_download(request, pk: int):
    """An action update's evidence, to whoever may see its action item."""
    update = get_object_or_404(ActionUpdate.objects.exclude(evidence=""), pk=pk)
    try:
        selectors.action_for_page(user=request.user, pk=update.action_item_id)
    except selectors.ActionItem.DoesNotExist:
        raise Http404(_("ไม่พบไฟล์")) from None
    return _send(update.evidence, name=update.evidence_name, content_type=update.evidence_type, public=False)


def _calendar_response(request, name: str, meetings) -> HttpResponse:
    body = meetings_calendar(name=name, meetings=list(meetings), base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "public, max-age=900"
    return response


def district_feed(request, code: str):
    district = get_object_or_404(District.objects.select_related("province"), code=code)
    name = str(gettext_lazy("การประชุมในอำเภอ%(name)s") % {"name": district.name_th})
    return _calendar_response(request, name, selectors.feed_meetings(district=district))


def council_feed(request, code: str):
    council = get_object_or_404(Council.objects.select_related("subdistrict"), subdistrict__code=code)
    name = str(gettext_lazy("การประชุมของ%(name)s") % {"name": council.name})
    return _calendar_response(request, name, selectors.feed_meetings(council=council))


def minutes_pdf_download(request, pk: int):
    """The minutes as a Thai official document (PDF), to whoever may see the meeting."""
    meeting = get_object_or_404(selectors.Meeting.objects.select_related(*selectors.MEETING_JOINS), pk=pk)
    if not permissions.can_view_meeting(user=request.user, meeting=meeting):
        raise Http404(_("ไม่พบการประชุมนี้"))
    response = HttpResponse(minutes_pdf(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{meeting.pk}.pdf"'
    response["Cache-Control"] = "public, no-cache" if meeting.is_published else "private, no-cache"
    return response
