"""A council's community plans (แผนพัฒนาชุมชน): its staff write them, by fiscal year and by
theme, from a phone; everyone whose area covers the council reads them. Each item shows
how the LAO plans took it up, the proposals it is part of and the budget window."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from common.thai import current_fiscal_year
from common.views import ScopedObjectMixin, ServiceFormView

from .. import permissions, services
from ..forms.community import CommunityPlanCopyForm, CommunityPlanForm, PlanItemForm
from ..selectors import community as selectors


class CouncilPlansMixin(ScopedObjectMixin):
    """The council whose tambon code is in the URL, inside the user's scope (404 otherwise)."""

    scoped_object_name = "council"
    not_found_message = _("ไม่พบสภาองค์กรชุมชนตำบลนี้")

    def get_scoped_object(self):
        return selectors.council_for_plans(user=self.request.user, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "can_edit", permissions.can_edit_community_plan(user=self.request.user, council=self.scoped_object)
        )
        return super().get_context_data(**kwargs)

    def list_url(self) -> str:
        return reverse("plans:community_plan_list", kwargs={"code": self.council.subdistrict.code})


class PlanPageMixin(CouncilPlansMixin):
    """One plan of that council (another council's plan through this URL: 404)."""

    not_found_message = _("ไม่พบแผนพัฒนาชุมชนนี้")

    def get_scoped_object(self):
        council = super().get_scoped_object()
        self.plan = selectors.community_plan_of(council=council, pk=self.kwargs["pk"])
        return self.plan.council

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def plan_url(self, anchor: str = "") -> str:
        url = reverse("plans:community_plan_detail", kwargs={"code": self.council.subdistrict.code, "pk": self.plan.pk})
        return f"{url}#{anchor}" if anchor else url


class ItemPageMixin(PlanPageMixin):
    not_found_message = _("ไม่พบรายการนี้ในแผน")

    def get_scoped_object(self):
        council = super().get_scoped_object()
        self.item = selectors.plan_item_of(plan=self.plan, pk=self.kwargs["item_id"])
        return council

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)


# Plans ------------------------------------------------------------------------------------


class CommunityPlanListView(CouncilPlansMixin, TemplateView):
    template_name = "plans/community_plan_list.html"

    def get_context_data(self, **kwargs):
        plans = list(selectors.community_plans_of(council=self.council))
        years = {plan.fiscal_year for plan in plans}
        return super().get_context_data(
            plans=plans, latest=plans[0] if plans else None, next_year=max(years, default=current_fiscal_year()) + 1,
            **kwargs,
        )  # fmt: skip


class CommunityPlanCreateView(CouncilPlansMixin, ServiceFormView):
    template_name = "plans/community_plan_form.html"
    form_class = CommunityPlanForm
    rule = permissions.can_edit_community_plan
    success_message = _("สร้างแผน “%(title)s” แล้ว เพิ่มรายการได้เลย")

    def get_initial(self):
        latest = selectors.community_plans_of(council=self.council).first()
        return {"fiscal_year": latest.fiscal_year + 1 if latest else current_fiscal_year() + 1}

    def run_service(self, form):
        return services.community_plan_create(council=self.council, by=self.request.user, **form.service_kwargs())

    def success_message_args(self, result):
        return {"title": result.title}

    def get_success_url(self):
        return reverse(
            "plans:community_plan_detail", kwargs={"code": self.council.subdistrict.code, "pk": self.result.pk}
        )


class CommunityPlanDetailView(PlanPageMixin, TemplateView):
    template_name = "plans/community_plan_detail.html"

    def get_context_data(self, **kwargs):
        items = selectors.plan_items_for_page(plan=self.plan, on=timezone.localdate())
        return super().get_context_data(
            groups=selectors.items_by_theme(items),
            item_count=len(items),
            budget_total=sum(item.budget_needed for item in items),
            **kwargs,
        )


class CommunityPlanUpdateView(PlanPageMixin, ServiceFormView):
    template_name = "plans/community_plan_form.html"
    form_class = CommunityPlanForm
    rule = permissions.can_edit_community_plan
    success_message = _("บันทึกแผนแล้ว")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def run_service(self, form):
        return services.community_plan_update(plan=self.plan, by=self.request.user, **form.service_kwargs())

    def get_success_url(self):
        return self.plan_url()


class CommunityPlanCopyView(PlanPageMixin, ServiceFormView):
    """Start the next year's plan from this one."""

    template_name = "plans/community_plan_copy.html"
    form_class = CommunityPlanCopyForm
    rule = permissions.can_edit_community_plan
    success_message = _("คัดลอกเป็นแผนปีงบประมาณ %(year)s แล้ว (%(count)s รายการ รอพิจารณาการเชื่อมโยงใหม่ทุกรายการ)")

    def get_initial(self):
        return {"fiscal_year": self.plan.fiscal_year + 1}

    def run_service(self, form):
        return services.community_plan_copy(source=self.plan, by=self.request.user, **form.cleaned_data)

    def success_message_args(self, result):
        return {"year": result.fiscal_year, "count": result.items.count()}

    def get_success_url(self):
        return reverse(
            "plans:community_plan_detail", kwargs={"code": self.council.subdistrict.code, "pk": self.result.pk}
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(source_count=self.plan.items.count(), **kwargs)


# Items ------------------------------------------------------------------------------------


class _ItemFormMixin:
    """The item form of both pages (add, edit): the agencies whose area covers the tambon
    are offered as its target; the council's staff only."""

    template_name = "plans/community_item_form.html"
    form_class = PlanItemForm
    rule = permissions.can_edit_community_plan

    def item_form_kwargs(self) -> dict:
        return {}

    def get_form_kwargs(self):
        agencies = selectors.target_agencies_for(council=self.council)
        return {**super().get_form_kwargs(), "agencies": agencies, **self.item_form_kwargs()}

    def success_message_args(self, result):
        return {"title": result.title}


class PlanItemCreateView(_ItemFormMixin, PlanPageMixin, ServiceFormView):
    success_message = _("เพิ่มรายการ “%(title)s” แล้ว")

    def run_service(self, form):
        return services.plan_item_add(plan=self.plan, by=self.request.user, **form.service_kwargs())

    def get_success_url(self):
        if "add_another" in self.request.POST:
            return reverse("plans:plan_item_create", kwargs={"code": self.council.subdistrict.code, "pk": self.plan.pk})
        return self.plan_url(f"item-{self.result.pk}")


class PlanItemUpdateView(_ItemFormMixin, ItemPageMixin, ServiceFormView):
    success_message = _("บันทึกรายการ “%(title)s” แล้ว")

    def item_form_kwargs(self) -> dict:
        return {"item": self.item}

    def run_service(self, form):
        return services.plan_item_update(item=self.item, by=self.request.user, **form.service_kwargs())

    def get_success_url(self):
        return self.plan_url(f"item-{self.item.pk}")


class PlanItemDeleteView(ItemPageMixin, ServiceFormView):
    """GET asks to confirm; POST deletes (refused for an item already in a proposal)."""

    template_name = "plans/community_item_delete.html"
    form_class = forms.Form
    rule = permissions.can_edit_community_plan
    success_message = _("ลบรายการ “%(title)s” แล้ว")

    def run_service(self, form):
        services.plan_item_delete(item=self.item, by=self.request.user)

    def success_message_args(self, result):
        return {"title": self.item.title}

    def get_success_url(self):
        return self.plan_url()
