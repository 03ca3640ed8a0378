"""Meetings: the district's and a council's lists, calling a meeting, its page, and the
moves made on it (agenda, held, cancelled, attendance, minutes, published, attachments,
resolutions)."""

from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from common.views import ScopedObjectMixin, ServiceFormView

from .. import permissions, selectors
from ..choices import MeetingKind, MeetingStatus
from ..forms import (
    ActionItemForm,
    AgendaItemForm,
    AttendanceForm,
    FileUploadForm,
    MeetingForm,
    MeetingPhotoForm,
    MinutesForm,
    ReasonForm,
    ResolutionForm,
)
from ..models import Resolution
from ..services import actions as action_services
from ..services import meetings as services
from .base import CouncilMixin, DistrictMixin, MeetingMixin, ServiceActionView

PAGE_SIZE = 30


# Lists -----------------------------------------------------------------------------------------


class DistrictMeetingListView(DistrictMixin, ListView):
    template_name = "meetings/meeting_list.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.meetings_of_district(user=self.request.user, district=self.district)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=_("การประชุมในอำเภอ%(name)s") % {"name": self.district.name_th},
            can_create=permissions.can_manage_mechanism(user=self.request.user, district=self.district),
            create_url=reverse("meetings:district_meeting_create", kwargs={"code": self.district.code}),
            feed_url=reverse("meetings:district_feed", kwargs={"code": self.district.code}),
            open_actions=list(selectors.open_actions_of_district(user=self.request.user, district=self.district)[:50]),
            **kwargs,
        )


class CouncilMeetingListView(CouncilMixin, ListView):
    template_name = "meetings/meeting_list.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return selectors.meetings_of_council(user=self.request.user, council=self.council)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=_("การประชุมของ%(name)s") % {"name": self.council.name},
            can_create=permissions.can_call_council_meeting(user=self.request.user, council=self.council),
            create_url=reverse("meetings:council_meeting_create", kwargs={"code": self.council.code}),
            feed_url=reverse("meetings:council_feed", kwargs={"code": self.council.code}),
            **kwargs,
        )


# Calling a meeting -----------------------------------------------------------------------------


class MeetingCreateMixin(ServiceFormView):
    template_name = "meetings/meeting_form.html"
    form_class = MeetingForm
    kinds = ()
    success_message = _("บันทึกการประชุมแล้ว")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kinds": self.kinds}

    def call_kwargs(self) -> dict:
        raise NotImplementedError

    def run_service(self, form):
        data = dict(form.cleaned_data)
        data.pop("agenda", None)
        return services.meeting_call(by=self.request.user, agenda=form.agenda_items(), **data, **self.call_kwargs())

    def get_success_url(self):
        return self.result.get_absolute_url()


class DistrictMeetingCreateView(DistrictMixin, MeetingCreateMixin):
    rule = permissions.can_manage_mechanism
    kinds = (MeetingKind.DISTRICT, MeetingKind.FORUM)

    def call_kwargs(self):
        return {"district": self.district}


class CouncilMeetingCreateView(CouncilMixin, MeetingCreateMixin):
    rule = permissions.can_call_council_meeting
    kinds = (MeetingKind.COUNCIL,)

    def call_kwargs(self):
        return {"council": self.council}


class NationalMeetingCreateView(ScopedObjectMixin, MeetingCreateMixin):
    """A national consultation (e.g. CODI with DOPA, DLA and CDD): no district, called by
    CODI's national staff."""

    rule = permissions.can_call_national_meeting
    kinds = (MeetingKind.NATIONAL,)

    def call_kwargs(self):
        return {}


class MeetingUpdateView(MeetingMixin, ServiceFormView):
    template_name = "meetings/meeting_form.html"
    form_class = MeetingForm
    success_message = _("บันทึกการแก้ไขแล้ว")

    def get_form_kwargs(self):
        m = self.meeting
        initial = {"title": m.title, "date": m.date, "start_time": m.start_time, "end_time": m.end_time, "place": m.place}
        return {**super().get_form_kwargs(), "with_agenda": False, "initial": initial}

    def run_service(self, form):
        return services.meeting_update(meeting=self.meeting, by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return self.meeting.get_absolute_url()


# The meeting's page ----------------------------------------------------------------------------


class MeetingDetailView(ScopedObjectMixin, TemplateView):
    """A meeting inside the user's scope, or a published one; its keepers get the forms."""

    template_name = "meetings/meeting_detail.html"
    scoped_object_name = "meeting"
    not_found_message = _("ไม่พบการประชุมนี้")

    def get_scoped_object(self):
        return selectors.meeting_for_page(user=self.request.user, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        meeting, user = self.meeting, self.request.user
        can_manage = permissions.can_manage_meeting(user=user, meeting=meeting)
        status = meeting.status
        ctx = {
            "agenda": selectors.meeting_agenda(meeting=meeting),
            "attendance": selectors.meeting_attendance(meeting=meeting),
            "attachments": list(meeting.attachments.order_by("uploaded_at", "id")),
            "photos": list(meeting.photos.all()),
            "can_manage": can_manage,
            "is_planned": status == MeetingStatus.PLANNED,
            "is_held": status == MeetingStatus.HELD,
        }
        if can_manage:
            ctx.update(
                agenda_form=AgendaItemForm(), cancel_form=ReasonForm(), file_form=FileUploadForm(),
                resolution_form=ResolutionForm(meeting=meeting), action_form=ActionItemForm(meeting=meeting),
                photo_form=MeetingPhotoForm() if status != MeetingStatus.CANCELLED else None,
            )
        return super().get_context_data(**ctx, **kwargs)


class MeetingActionView(MeetingMixin, ServiceActionView):
    def get_success_url(self):
        return self.meeting.get_absolute_url()


class AgendaItemAddView(MeetingActionView):
    form_class = AgendaItemForm
    success_message = _("เพิ่มระเบียบวาระแล้ว")

    def run_service(self, form):
        services.agenda_item_add(meeting=self.meeting, by=self.request.user, **form.cleaned_data)


class MeetingHeldView(MeetingActionView):
    success_message = _("บันทึกว่าประชุมแล้ว")

    def run_service(self, form):
        services.meeting_mark_held(meeting=self.meeting, by=self.request.user)


class MeetingCancelView(MeetingActionView):
    form_class = ReasonForm
    success_message = _("ยกเลิกการประชุมแล้ว")

    def run_service(self, form):
        services.meeting_cancel(meeting=self.meeting, by=self.request.user, reason=form.cleaned_data["reason"])


class MeetingPublishView(MeetingActionView):
    success_message = _("เผยแพร่รายงานการประชุมต่อสาธารณะแล้ว")

    def run_service(self, form):
        services.meeting_publish_minutes(meeting=self.meeting, by=self.request.user)


class AttachmentAddView(MeetingActionView):
    form_class = FileUploadForm
    success_message = _("แนบไฟล์แล้ว")

    def run_service(self, form):
        services.attachment_add(meeting=self.meeting, by=self.request.user, upload=form.cleaned_data["file"])


class ResolutionAddView(MeetingActionView):
    success_message = _("บันทึกมติแล้ว")

    def get_form(self):
        return ResolutionForm(self.request.POST, meeting=self.meeting)

    def run_service(self, form):
        action_services.resolution_add(by=self.request.user, **form.cleaned_data)


class ActionItemCreateView(MeetingActionView):
    success_message = _("มอบหมายงานแล้ว")

    def get_scoped_object(self):
        meeting = super().get_scoped_object()
        self.resolution = Resolution.objects.select_related("agenda_item").get(
            pk=self.kwargs["resolution_id"], agenda_item__meeting=meeting
        )
        return meeting

    def get_form(self):
        return ActionItemForm(self.request.POST, meeting=self.meeting)

    def run_service(self, form):
        action_services.action_item_create(resolution=self.resolution, by=self.request.user, **form.cleaned_data)


class AttendanceView(MeetingMixin, ServiceFormView):
    template_name = "meetings/attendance_form.html"
    form_class = AttendanceForm
    success_message = _("บันทึกผู้มาประชุมแล้ว")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "invitations": list(selectors.meeting_invitations(meeting=self.meeting)),
            "attendance": list(self.meeting.attendance.order_by("id")),
        }

    def run_service(self, form):
        return services.attendance_record(meeting=self.meeting, by=self.request.user, **form.service_kwargs())

    def get_success_url(self):
        return self.meeting.get_absolute_url()


class MinutesView(MeetingMixin, ServiceFormView):
    template_name = "meetings/minutes_form.html"
    form_class = MinutesForm
    success_message = _("บันทึกรายงานการประชุมแล้ว")

    def get_initial(self):
        m = self.meeting
        return {"minutes": m.minutes, "recorder": m.recorder, "checker": m.checker}

    def run_service(self, form):
        meeting, stripped = services.minutes_save(meeting=self.meeting, by=self.request.user, **form.cleaned_data)
        if stripped:
            messages.warning(
                self.request,
                _("ระบบได้ตัดสคริปต์ สไตล์ หรือคำสั่งที่ไม่ปลอดภัยออกจากรายงานการประชุมแล้ว กรุณาตรวจสอบข้อความที่บันทึก"),
            )
        return meeting

    def get_success_url(self):
        return self.meeting.get_absolute_url()
