"""The district's plan alignment review: every plan item of its tambons with how the LAO
plans take it up, and (for its district officers) a form per item."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from common.views import ScopedObjectMixin, ServiceFormView
from councils.selectors import district_in_scope

from .. import permissions, selectors, services
from ..forms import AlignmentReviewForm
from ..models import PlanItem


class DistrictReviewMixin(ScopedObjectMixin):
    """The district in the URL, inside the user's scope (404 otherwise), and the page."""

    scoped_object_name = "district"
    not_found_message = _("ไม่พบอำเภอนี้")
    template_name = "plans/alignment_review.html"

    def get_scoped_object(self):
        return district_in_scope(user=self.request.user, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        user, district = self.request.user, self.district
        items = selectors.plan_items_for_review(user=user, district=district)
        projects = selectors.local_plan_projects_for_district(district=district)
        kwargs.setdefault("form", AlignmentReviewForm(projects=projects))
        projects = list(projects)
        return super().get_context_data(
            items=list(items),
            summary=selectors.alignment_summary_by_tambon(district=district, items=items),
            projects=projects,
            # one select of each per plan item: written by {% select_options %} (common/templatetags/options.py)
            status_choices=kwargs["form"].fields["status"].choices,
            project_choices=[(p.pk, f"{p.lao.name}: {p.title} ({p.fiscal_year})") for p in projects],
            can_review=permissions.can_review_alignment(user=user, district=district),
            **kwargs,
        )


class AlignmentReviewView(DistrictReviewMixin, TemplateView):
    pass


class AlignmentUpdateView(DistrictReviewMixin, ServiceFormView):
    """POST one item's review. Errors show on the review page, on that item's form."""

    http_method_names = ["post"]
    form_class = AlignmentReviewForm
    rule = permissions.can_review_alignment
    success_message = _("บันทึกสถานะของรายการ “%(item)s” แล้ว")

    def get_form_kwargs(self):
        self.item = self.get_item()
        projects = selectors.local_plan_projects_for_district(district=self.district)
        return {**super().get_form_kwargs(), "projects": projects}

    def get_item(self):
        try:
            return selectors.plan_items_for_review(user=self.request.user, district=self.district).get(
                pk=self.kwargs["item_id"]
            )
        except PlanItem.DoesNotExist:
            raise Http404(_("ไม่พบรายการในแผน")) from None

    def run_service(self, form):
        return services.alignment_review(plan_item=self.item, by=self.request.user, **form.cleaned_data)

    def success_message_args(self, result):
        return {"item": self.item}

    def get_success_url(self):
        return reverse("plans:alignment_review", kwargs={"code": self.district.code}) + f"#item-{self.item.pk}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(bound_item_id=self.item.pk, **kwargs)
