"""Community organizations: the list with filters and Thai search, adding and editing."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView

from accounts.choices import Role
from accounts.scoping import scope_for

from ..filters import OrganizationFilter
from ..forms import OrganizationForm
from ..models import CommunityOrganization
from ..selectors import councils as council_selectors
from ..selectors import organizations as org_selectors
from ..services import registry
from .councils import CouncilStaffMixin, FilteredListMixin, call_service


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
        scope = scope_for(self.request.user)
        if scope.has_role(Role.ADMINISTRATOR):
            ctx["editable_council_ids"] = {org.council_id for org in ctx["organizations"]}
        else:
            ctx["editable_council_ids"] = scope.council_ids
        ctx["own_councils"] = council_selectors.councils_staffed_by(user=self.request.user)
        return ctx


class OrganizationCreateView(CouncilStaffMixin, FormView):
    template_name = "councils/organization_form.html"
    form_class = OrganizationForm
    denied_message = gettext_lazy("คุณไม่มีสิทธิ์เพิ่มองค์กรชุมชนของสภานี้")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.council}

    def form_valid(self, form):
        org = call_service(form, registry.organization_add, council=self.council, by=self.request.user)
        if org is None:
            return self.form_invalid(form)
        messages.success(self.request, _("เพิ่มองค์กร “%(name)s” เรียบร้อยแล้ว") % {"name": org.name})
        return redirect(_list_url(self.council))


class OrganizationUpdateView(LoginRequiredMixin, FormView):
    template_name = "councils/organization_form.html"
    form_class = OrganizationForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        try:
            self.organization = org_selectors.organization_for_edit(user=request.user, code=kwargs["org_code"])
        except CommunityOrganization.DoesNotExist:
            raise Http404(_("ไม่พบองค์กรชุมชนนี้")) from None
        self.council = self.organization.council
        if not scope_for(request.user).can_edit_council(self.council):
            raise PermissionDenied(_("คุณไม่มีสิทธิ์แก้ไของค์กรชุมชนของสภานี้"))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "council": self.council, "instance": self.organization}

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.council, organization=self.organization, **kwargs)

    def form_valid(self, form):
        if (
            call_service(form, registry.organization_update, organization=self.organization, by=self.request.user)
            is None
        ):
            return self.form_invalid(form)
        messages.success(self.request, _("บันทึกข้อมูลองค์กรเรียบร้อยแล้ว"))
        return redirect(_list_url(self.council))
