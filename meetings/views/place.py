"""The shared place of a district and of a province (DOMAIN §2), and the lesson forms.

The signed-in pages (/meetings/place/district/<code>/, /meetings/place/province/<code>/)
are for those whose scope covers the area; their public part is a separate URL ending in
``public/`` that anyone may read: published things of published councils, no personal data.
"""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from common.views import ScopedObjectMixin, ServiceFormView
from geo.models import District, Province

from .. import permissions
from .. import selectors_place as selectors
from ..forms import LessonForm
from ..services.lessons import lesson_write


class PlaceContextMixin:
    """Theme filter and blocks for ``self.place``; ``place_user`` None for the public part."""

    public = False

    def get_context_data(self, **kwargs):
        themes = selectors.place_themes()
        theme = selectors.theme_by_code(themes=themes, code=self.request.GET.get("theme"))
        user = None if self.public else self.request.user
        return super().get_context_data(
            place=self.place, themes=themes, theme=theme, public=self.public, today=timezone.localdate(),
            **selectors.place_blocks(place=self.place, user=user, theme=theme), **kwargs,
        )  # fmt: skip


class DistrictPlaceView(PlaceContextMixin, ScopedObjectMixin, TemplateView):
    template_name = "meetings/place.html"
    scoped_object_name = "district"
    not_found_message = _("ไม่พบอำเภอนี้")

    def get_scoped_object(self):
        district = selectors.district_for_place(code=self.kwargs["code"])
        if not permissions.can_follow_district_place(user=self.request.user, district=district):
            raise District.DoesNotExist(district.code)  # outside the scope: 404
        self.place = selectors.Place(district=district)
        return district


class ProvincePlaceView(PlaceContextMixin, ScopedObjectMixin, TemplateView):
    template_name = "meetings/place.html"
    scoped_object_name = "province"
    not_found_message = _("ไม่พบจังหวัดนี้")

    def get_scoped_object(self):
        province = selectors.province_for_place(code=self.kwargs["code"])
        if not permissions.can_follow_province_place(user=self.request.user, province=province):
            raise Province.DoesNotExist(province.code)
        self.place = selectors.Place(province=province)
        return province


class PublicPlaceMixin(PlaceContextMixin):
    public = True
    template_name = "meetings/place.html"


class PublicDistrictPlaceView(PublicPlaceMixin, TemplateView):
    def dispatch(self, request, *args, **kwargs):
        try:
            self.district = selectors.district_for_place(code=kwargs["code"])
        except District.DoesNotExist:
            raise Http404(_("ไม่พบอำเภอนี้")) from None
        self.place = selectors.Place(district=self.district)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(district=self.district, **kwargs)


class PublicProvincePlaceView(PublicPlaceMixin, TemplateView):
    def dispatch(self, request, *args, **kwargs):
        try:
            self.province = selectors.province_for_place(code=kwargs["code"])
        except Province.DoesNotExist:
            raise Http404(_("ไม่พบจังหวัดนี้")) from None
        self.place = selectors.Place(province=self.province)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(province=self.province, **kwargs)


class LessonCreateMixin(ScopedObjectMixin, ServiceFormView):
    """A lesson on one activity or council meeting: the council's own staff write it."""

    template_name = "meetings/lesson_form.html"
    form_class = LessonForm
    rule = permissions.can_write_lesson
    success_message = _("บันทึกบทเรียนแล้ว")

    def rule_kwargs(self) -> dict:
        return {"user": self.request.user, "council": self.scoped_object.council}

    def get_context_data(self, **kwargs):
        source = self.scoped_object
        lessons = selectors.lessons_of(user=self.request.user, **{self.scoped_object_name: source})
        return super().get_context_data(source=source, council=source.council, lessons=lessons, **kwargs)


class ActivityLessonCreateView(LessonCreateMixin):
    scoped_object_name = "activity"
    not_found_message = _("ไม่พบกิจกรรมนี้")

    def get_scoped_object(self):
        return selectors.lesson_activity(user=self.request.user, pk=self.kwargs["pk"])

    def run_service(self, form):
        return lesson_write(by=self.request.user, activity=self.activity, **form.cleaned_data)

    def get_success_url(self):
        return reverse("meetings:lesson_activity", kwargs={"pk": self.activity.pk})


class MeetingLessonCreateView(LessonCreateMixin):
    scoped_object_name = "meeting"
    not_found_message = _("ไม่พบการประชุมนี้")

    def get_scoped_object(self):
        return selectors.lesson_meeting(user=self.request.user, pk=self.kwargs["pk"])

    def run_service(self, form):
        return lesson_write(by=self.request.user, meeting=self.meeting, **form.cleaned_data)

    def get_success_url(self):
        return reverse("meetings:lesson_meeting", kwargs={"pk": self.meeting.pk})

