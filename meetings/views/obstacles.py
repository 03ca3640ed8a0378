"""Obstacles: raise (a council's staff, phone-sized form), read, answer (the agency's
staff), the district's overdue list and the agency staff's inbox."""

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from common.media import serve_media
from common.views import ScopedObjectMixin, ServiceFormView
from councils.selectors import district_in_scope

from .. import inbox, permissions, selectors
from ..forms import ObstacleAnswerForm, ObstacleForm
from ..services import obstacles as services

LIST_PAGE_SIZE = 50


class ObstacleCreateView(ScopedObjectMixin, ServiceFormView):
    template_name = "meetings/obstacle_form.html"
    form_class = ObstacleForm
    scoped_object_name = "council"
    not_found_message = _("ไม่พบสภานี้")
    rule = permissions.can_raise_obstacle
    success_message = _("แจ้งข้อติดขัดถึง%(agency)s แล้ว")

    def get_scoped_object(self):
        return selectors.council_for_obstacle(user=self.request.user, code=self.kwargs["code"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.council}

    def run_service(self, form):
        return services.obstacle_raise(council=self.council, by=self.request.user, **form.cleaned_data)

    def success_message_args(self, result):
        return {"agency": result.agency.name}

    def get_success_url(self):
        return reverse("meetings:obstacle_detail", kwargs={"pk": self.result.pk})


class ObstacleListView(ScopedObjectMixin, ListView):
    template_name = "meetings/obstacle_list.html"
    context_object_name = "obstacles"
    paginate_by = LIST_PAGE_SIZE

    def get_queryset(self):
        return selectors.obstacles_for(user=self.request.user)


class ObstaclePageMixin(ScopedObjectMixin):
    scoped_object_name = "obstacle"
    not_found_message = _("ไม่พบข้อติดขัดนี้")
    rule = permissions.can_view_obstacle

    def get_scoped_object(self):
        return selectors.obstacle_for(user=self.request.user, pk=self.kwargs["pk"])


class ObstacleDetailView(ObstaclePageMixin, TemplateView):
    template_name = "meetings/obstacle_detail.html"

    def get_context_data(self, **kwargs):
        can_answer = permissions.can_answer_obstacle(user=self.request.user, obstacle=self.obstacle)
        if can_answer:
            kwargs.setdefault("form", ObstacleAnswerForm())
        return super().get_context_data(
            responses=selectors.obstacle_responses(obstacle=self.obstacle), can_answer=can_answer, **kwargs
        )


class ObstacleAnswerView(ObstaclePageMixin, ServiceFormView):
    """POST an answer; errors show on the obstacle's page."""

    http_method_names = ["post"]
    template_name = "meetings/obstacle_detail.html"
    form_class = ObstacleAnswerForm
    success_message = _("บันทึกคำตอบแล้ว")

    def get_rules(self):
        return [permissions.can_view_obstacle, permissions.can_answer_obstacle]

    def run_service(self, form):
        move = services.MOVES[form.cleaned_data["status"]]
        return move(obstacle_id=self.obstacle.pk, by=self.request.user, text=form.cleaned_data["text"])

    def get_success_url(self):
        return reverse("meetings:obstacle_detail", kwargs={"pk": self.obstacle.pk})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            responses=selectors.obstacle_responses(obstacle=self.obstacle), can_answer=True, **kwargs
        )


class ObstacleEvidenceView(ObstaclePageMixin, TemplateView):
    """The evidence file, for those who may read the obstacle."""

    def get(self, request, *args, **kwargs):
        if not self.obstacle.evidence:
            raise Http404(_("ข้อติดขัดนี้ไม่มีไฟล์หลักฐาน"))
        return serve_media(request, self.obstacle.evidence.name, public=False)


class OverdueObstaclesView(ScopedObjectMixin, TemplateView):
    template_name = "meetings/obstacle_overdue.html"
    scoped_object_name = "district"
    not_found_message = _("ไม่พบอำเภอนี้")
    rule = permissions.can_follow_district_obstacles

    def get_scoped_object(self):
        return district_in_scope(user=self.request.user, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            obstacles=list(selectors.overdue_obstacles(district=self.district)),
            answer_days=settings.OBSTACLE_ANSWER_DAYS,
            **kwargs,
        )


class AgencyInboxView(ScopedObjectMixin, TemplateView):
    template_name = "meetings/agency_inbox.html"
    rule = permissions.can_use_agency_inbox

    def get_context_data(self, **kwargs):
        return super().get_context_data(sections=inbox.agency_inbox(user=self.request.user), **kwargs)
