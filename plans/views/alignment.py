"""The district's plan alignment review: every plan item of its tambons (filtered by fiscal
year, tambon and status, paged), how the LAO plans take each up, the three best suggested
LAO projects and agency missions for each pending item, a search for any other project,
and the items that will miss their LAO's budget window. District officers record the
review (a form per item) or accept a candidate with one click."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from common.views import ScopedObjectMixin, ServiceFormView
from councils.selectors import district_in_scope

from .. import permissions, selectors, services
from ..forms import AlignmentAcceptForm, AlignmentReviewForm, ReviewFilterForm
from ..models import PlanItem
from ..selectors.alignment import review_page


class DistrictReviewMixin(ScopedObjectMixin):
    """The district in the URL, inside the user's scope (404 otherwise), and the page."""

    scoped_object_name = "district"
    not_found_message = _("ไม่พบอำเภอนี้")
    template_name = "plans/alignment_review.html"

    def get_scoped_object(self):
        return district_in_scope(user=self.request.user, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        user, district = self.request.user, self.district
        filters = ReviewFilterForm(self.request.GET)
        filters.is_valid()
        page = review_page(user=user, district=district, filters=filters.cleaned_data)
        kwargs.setdefault("form", AlignmentReviewForm())
        return super().get_context_data(
            page=page,
            items=page.items,
            summary=page.summary,
            filters=filters,
            back=urlencode({k: v for k, v in self.request.GET.items() if k in ("year", "tambon", "theme", "status", "page") and v}),
            filter_query=urlencode({k: v for k, v in self.request.GET.items() if k in ("year", "tambon", "theme", "status") and v}),
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


class AlignmentAcceptView(ScopedObjectMixin, ServiceFormView):
    """POST: one click takes a suggested (or searched) LAO project or agency mission as the
    item's alignment. The item inside the user's scope (404 otherwise); only the
    district's officers may record it (403 with the rule's message)."""

    http_method_names = ["post"]
    form_class = AlignmentAcceptForm
    scoped_object_name = "plan_item"
    not_found_message = _("ไม่พบรายการในแผน")
    rule = permissions.can_review_plan_item

    def get_scoped_object(self):
        return selectors.plan_items_visible_to(user=self.request.user).get(pk=self.kwargs["item_id"])

    def run_service(self, form):
        data = form.cleaned_data
        return services.alignment_review(
            plan_item=self.plan_item,
            by=self.request.user,
            status=data["status"],
            local_plan_project=data["local_plan_project"],
            mission=data["mission"],
            from_suggestion=data["from_suggestion"],
        )

    def success_message_args(self, result):
        return {"item": self.plan_item, "target": result.local_plan_project or result.mission}

    success_message = _("เชื่อมโยง “%(item)s” กับ “%(target)s” แล้ว")

    def form_invalid(self, form):
        for error in form.non_field_errors():
            messages.error(self.request, error)
        for field in form:
            for error in field.errors:
                messages.error(self.request, error)
        return redirect(self.get_success_url())

    def get_success_url(self):
        # ``back``: the review page's filters the click came from, read again as filters.
        back = ReviewFilterForm(QueryDict(self.request.POST.get("back", "")[:300]))
        back.is_valid()
        query = urlencode({k: v for k, v in back.cleaned_data.items() if k in ("year", "tambon", "theme", "status", "page") and v})
        url = reverse("plans:alignment_review", kwargs={"code": self.plan_item.plan.council.subdistrict.district.code})
        return f"{url}?{query}#item-{self.plan_item.pk}" if query else f"{url}#item-{self.plan_item.pk}"
