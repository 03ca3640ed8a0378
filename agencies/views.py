"""The agencies' pages: the public list and page of an agency, and the pages where an
agency's own staff keep its missions and agreements. Thin: selectors read, services
write, permissions decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, ListView

from accounts.scoping import scope_for
from common.thai import current_fiscal_year
from common.views import ScopedObjectMixin, ServiceFormView

from . import permissions, selectors, services
from .choices import AreaLevel
from .forms import AgencyFilterForm, AgreementForm, MissionForm
from .models import Agency, CooperationAgreement, Mission

NOT_FOUND = gettext_lazy("ไม่พบหน่วยงานนี้")


class AgencyListView(ListView):
    """Every agency, public: filter by kind, province and district; search the name."""

    template_name = "agencies/agency_list.html"
    context_object_name = "agencies"
    paginate_by = 50

    def get_queryset(self):
        self.form = AgencyFilterForm(self.request.GET or None)
        if not self.form.is_bound:
            return selectors.agency_list()
        if not self.form.is_valid():
            return Agency.objects.none()
        return selectors.agency_list(**self.form.filters())

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, filters_active=self.form.is_bound, **kwargs)


class AgencyDetailView(DetailView):
    """An agency's public page: its area, missions (this fiscal year first) and agreements.
    A mission's contact phone and e-mail are shown to signed-in users only."""

    template_name = "agencies/agency_detail.html"
    context_object_name = "agency"

    def get_object(self, queryset=None):
        try:
            return selectors.agency_detail(pk=self.kwargs["pk"])
        except Agency.DoesNotExist:
            raise Http404(NOT_FOUND) from None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        agency, user = self.object, self.request.user
        ctx["fiscal_year"] = fiscal_year = current_fiscal_year()
        ctx["missions"] = list(selectors.missions_of(agency=agency, fiscal_year=fiscal_year))
        ctx["agreements"] = list(selectors.agreements_of(agency=agency))
        ctx["can_manage"] = permissions.can_manage_agency(user=user, agency=agency)
        ctx["can_see_contacts"] = permissions.can_see_contacts(user=user)
        ctx["area_level_label"] = AreaLevel(agency.area_level).label
        ctx["sees_local_plan"] = agency.is_local_government and _holds_lao(scope_for(user), agency)
        return ctx


def _holds_lao(scope, agency) -> bool:
    """The user's scope holds the LAO (its local plan is theirs to read)."""
    if scope.covers_agency(agency.pk):
        return True
    return agency.subdistrict_id is not None and scope.covers_subdistrict(agency.subdistrict)


class AgencyPageMixin(ScopedObjectMixin):
    """A page of the agency in the URL (public, so no scope narrows it: 404 only when it does
    not exist) that only the agency's own staff may use (403 otherwise)."""

    scoped_object_name = "agency"
    not_found_message = NOT_FOUND
    rule = permissions.can_manage_agency

    def get_scoped_object(self):
        return selectors.agency_detail(pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse("agencies:agency_detail", args=[self.agency.pk])


class MissionCreateView(AgencyPageMixin, ServiceFormView):
    template_name = "agencies/mission_form.html"
    form_class = MissionForm
    success_message = gettext_lazy("เพิ่มภารกิจเรียบร้อยแล้ว")

    def get_initial(self):
        return {"fiscal_year": current_fiscal_year()}

    def run_service(self, form):
        return services.mission_create(agency=self.agency, by=self.request.user, **form.service_kwargs())


class MissionPageMixin(AgencyPageMixin):
    """A mission of the agency in the URL (404 when it is another agency's)."""

    def get_scoped_object(self):
        agency = super().get_scoped_object()
        try:
            self.mission = selectors.mission_for_edit(agency=agency, pk=self.kwargs["mission_pk"])
        except Mission.DoesNotExist:
            raise Http404(gettext_lazy("ไม่พบภารกิจนี้")) from None
        return agency


class MissionUpdateView(MissionPageMixin, ServiceFormView):
    template_name = "agencies/mission_form.html"
    form_class = MissionForm
    success_message = gettext_lazy("บันทึกภารกิจเรียบร้อยแล้ว")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.mission}

    def get_context_data(self, **kwargs):
        return super().get_context_data(mission=self.mission, **kwargs)

    def run_service(self, form):
        return services.mission_update(mission=self.mission, by=self.request.user, **form.service_kwargs())


class MissionDeleteView(MissionPageMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        services.mission_delete(mission=self.mission, by=request.user)
        messages.success(request, gettext_lazy("ลบภารกิจ “%(title)s” แล้ว") % {"title": self.mission.title})
        return redirect(self.get_success_url())


class AgreementCreateView(AgencyPageMixin, ServiceFormView):
    template_name = "agencies/agreement_form.html"
    form_class = AgreementForm
    success_message = gettext_lazy("เพิ่มบันทึกข้อตกลงเรียบร้อยแล้ว")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "agency": self.agency}

    def run_service(self, form):
        return services.agreement_create(agency=self.agency, by=self.request.user, **form.service_kwargs())


class AgreementPageMixin(AgencyPageMixin):
    def get_scoped_object(self):
        agency = super().get_scoped_object()
        try:
            self.agreement = selectors.agreement_for_edit(agency=agency, pk=self.kwargs["agreement_pk"])
        except CooperationAgreement.DoesNotExist:
            raise Http404(gettext_lazy("ไม่พบบันทึกข้อตกลงนี้")) from None
        return agency


class AgreementUpdateView(AgreementPageMixin, ServiceFormView):
    template_name = "agencies/agreement_form.html"
    form_class = AgreementForm
    success_message = gettext_lazy("บันทึกข้อตกลงเรียบร้อยแล้ว")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "agency": self.agency, "instance": self.agreement}

    def get_context_data(self, **kwargs):
        return super().get_context_data(agreement=self.agreement, **kwargs)

    def run_service(self, form):
        return services.agreement_update(agreement=self.agreement, by=self.request.user, **form.service_kwargs())


class AgreementDeleteView(AgreementPageMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        services.agreement_delete(agreement=self.agreement, by=request.user)
        messages.success(request, gettext_lazy("ลบบันทึกข้อตกลง “%(title)s” แล้ว") % {"title": self.agreement.title})
        return redirect(self.get_success_url())


class AgreementFileView(View):
    """The signed PDF: a public agreement's to everyone; otherwise a visitor is sent to sign
    in and a signed-in user outside the agency's area gets 404."""

    def get(self, request, pk):
        try:
            agreement = selectors.agreement_for_download(user=request.user, pk=pk)
        except CooperationAgreement.DoesNotExist:
            if (
                not request.user.is_authenticated
                and CooperationAgreement.objects.filter(pk=pk).exclude(file="").exists()
            ):
                return redirect_to_login(request.get_full_path())
            raise Http404(gettext_lazy("ไม่พบไฟล์")) from None
        response = FileResponse(
            agreement.file.open("rb"), content_type="application/pdf", filename=f"agreement-{agreement.pk}.pdf"
        )
        response["Cache-Control"] = "public, no-cache" if agreement.is_public else "private, no-cache"
        response["X-Content-Type-Options"] = "nosniff"
        return response
