from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.scoping import scope_for
from councils.models import District
from councils.selectors import district_by_code

from . import selectors, services
from .forms import AlignmentReviewForm
from .models import PlanItem


def _district_for(user, code):
    try:
        district = district_by_code(code=code)
    except District.DoesNotExist:
        raise Http404(_("ไม่พบอำเภอนี้")) from None
    if not selectors.district_in_scope(user=user, district=district):
        raise Http404(_("ไม่พบอำเภอนี้"))
    return district


class AlignmentReviewView(LoginRequiredMixin, TemplateView):
    template_name = "plans/alignment_review.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        district = _district_for(user, self.kwargs["code"])
        items = selectors.plan_items_for_review(user=user, district=district)
        projects = selectors.local_plan_projects_for_district(district=district)
        ctx.update(
            district=district,
            items=list(items),
            summary=selectors.alignment_summary_by_tambon(district=district, items=items),
            projects=list(projects),
            can_review=scope_for(user).can_review_alignment(district.pk),
            form=AlignmentReviewForm(projects=projects),
        )
        return ctx


class AlignmentUpdateView(LoginRequiredMixin, View):
    def post(self, request, code, item_id):
        district = _district_for(request.user, code)
        try:
            item = selectors.plan_items_for_review(user=request.user, district=district).get(pk=item_id)
        except PlanItem.DoesNotExist:
            raise Http404(_("ไม่พบรายการในแผน")) from None
        if not scope_for(request.user).can_review_alignment(district.pk):
            raise PermissionDenied(_("คุณไม่มีสิทธิ์พิจารณาการเชื่อมโยงแผนของอำเภอนี้"))
        projects = selectors.local_plan_projects_for_district(district=district)
        form = AlignmentReviewForm(request.POST, projects=projects)
        target = reverse("plans:alignment_review", kwargs={"code": code}) + f"#item-{item.pk}"
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else error)
            return redirect(target)
        try:
            services.alignment_review(plan_item=item, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
            return redirect(target)
        messages.success(request, _("บันทึกสถานะของรายการ “%(item)s” แล้ว") % {"item": item})
        return redirect(target)
