from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView

from accounts.scoping import scope_for

from .. import selectors, services
from ..forms import ActivityForm
from ..models import Council


class CouncilListView(LoginRequiredMixin, ListView):
    template_name = "councils/council_list.html"
    context_object_name = "councils"
    paginate_by = 50

    def get_queryset(self):
        return selectors.councils_visible_to(user=self.request.user)


class CouncilDetailView(DetailView):
    template_name = "councils/council_detail.html"
    context_object_name = "council"

    def get_object(self, queryset=None):
        try:
            return selectors.council_for_page(user=self.request.user, code=self.kwargs["code"])
        except Council.DoesNotExist:
            raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลนี้")) from None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        council = self.object
        ctx["activities"] = selectors.council_activities(council=council, limit=50)
        ctx["summary"] = selectors.council_summary(council=council)
        ctx["can_edit"] = scope_for(self.request.user).can_edit_council(council)
        return ctx


class ActivityCreateView(LoginRequiredMixin, FormView):
    template_name = "councils/activity_form.html"
    form_class = ActivityForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        try:
            self.council = selectors.council_for_edit(user=request.user, code=kwargs["code"])
        except Council.DoesNotExist:
            raise Http404(_("ไม่พบสภาองค์กรชุมชนตำบลนี้")) from None
        if not scope_for(request.user).can_edit_council(self.council):
            raise PermissionDenied(_("คุณไม่มีสิทธิ์บันทึกกิจกรรมของสภานี้"))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.council, **kwargs)

    def form_valid(self, form):
        services.activity_log(council=self.council, by=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("บันทึกกิจกรรมเรียบร้อยแล้ว"))
        return redirect(self.council.get_absolute_url())
