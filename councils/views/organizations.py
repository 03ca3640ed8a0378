"""Community organizations: the list with filters and Thai search, adding and editing."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from common.views import ScopedObjectMixin, ServiceFormView

from .. import permissions
from ..filters import OrganizationFilter
from ..forms import OrganizationForm
from ..selectors import councils as council_selectors
from ..selectors import organizations as org_selectors
from ..services import registry
from .councils import CouncilStaffMixin, FilteredListMixin


def _list_url(council) -> str:
    return f"{reverse('councils:organization_list')}?council={council.subdistrict.code}"


class OrganizationListView(LoginRequiredMixin, FilteredListMixin, ListView):
    template_name = "councils/organization_list.html"
    context_object_name = "organizations"
    filterset_class = OrganizationFilter

    def base_queryset(self):
        return org_selectors.organizations_visible_to(user=self.request.user)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["editable_council_ids"] = {
            org.council_id for org in ctx["organizations"] if permissions.can_edit_council(user=user, council=org.council)
        }
        ctx["own_councils"] = council_selectors.councils_staffed_by(user=user)
        return ctx


class OrganizationCreateView(CouncilStaffMixin, ServiceFormView):
    template_name = "councils/organization_form.html"
    form_class = OrganizationForm
    success_message = gettext_lazy("เพิ่มองค์กร “%(name)s” เรียบร้อยแล้ว")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.council}

    def run_service(self, form):
        return registry.organization_add(council=self.council, by=self.request.user, **form.service_kwargs())

    def success_message_args(self, result):
        return {"name": result.name}

    def get_success_url(self):
        return _list_url(self.council)


class OrganizationUpdateView(ScopedObjectMixin, ServiceFormView):
    template_name = "councils/organization_form.html"
    form_class = OrganizationForm
    scoped_object_name = "organization"
    not_found_message = gettext_lazy("ไม่พบองค์กรชุมชนนี้")
    rule = permissions.can_edit_organization
    success_message = gettext_lazy("บันทึกข้อมูลองค์กรเรียบร้อยแล้ว")

    def get_scoped_object(self):
        return org_selectors.organization_for_edit(user=self.request.user, code=self.kwargs["org_code"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.organization.council, "instance": self.organization}

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.organization.council, **kwargs)

    def run_service(self, form):
        return registry.organization_update(organization=self.organization, by=self.request.user, **form.service_kwargs())

    def get_success_url(self):
        return _list_url(self.organization.council)
