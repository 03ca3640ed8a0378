"""The district mechanism page, kept by the district's officers and read by others in scope."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from common.views import ServiceFormView

from .. import permissions, selectors
from ..forms import MechanismForm, MechanismMemberForm
from ..services import mechanism as services
from .base import DistrictMixin, ServiceActionView


def _mechanism_url(district) -> str:
    return reverse("meetings:mechanism_detail", kwargs={"code": district.code})


class MechanismDetailView(DistrictMixin, TemplateView):
    template_name = "meetings/mechanism_detail.html"

    def get_context_data(self, **kwargs):
        mechanism = selectors.mechanism_of(district=self.district)
        members = list(selectors.mechanism_members(mechanism=mechanism)) if mechanism else []
        today = timezone.localdate()
        can_manage = permissions.can_manage_mechanism(user=self.request.user, district=self.district)
        return super().get_context_data(
            mechanism=mechanism,
            current=[m for m in members if m.is_current(today)],
            past=[m for m in members if not m.is_current(today)],
            can_manage=can_manage,
            form=MechanismForm() if can_manage and mechanism is None else None,
            **kwargs,
        )


class MechanismEstablishView(DistrictMixin, ServiceFormView):
    template_name = "meetings/mechanism_detail.html"
    http_method_names = ["post"]
    form_class = MechanismForm
    rule = permissions.can_manage_mechanism
    success_message = _("บันทึกกลไกระดับอำเภอแล้ว")

    def run_service(self, form):
        return services.mechanism_establish(district=self.district, by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs):
        return super().get_context_data(mechanism=None, current=[], past=[], can_manage=True, **kwargs)

    def get_success_url(self):
        return _mechanism_url(self.district)


class MechanismMemberMixin(DistrictMixin):
    rule = permissions.can_manage_mechanism
    template_name = "meetings/mechanism_member_form.html"
    form_class = MechanismMemberForm

    def get_mechanism(self):
        return selectors.mechanism_of(district=self.district)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "district": self.district}

    def get_success_url(self):
        return _mechanism_url(self.district)


class MechanismMemberCreateView(MechanismMemberMixin, ServiceFormView):
    success_message = _("เพิ่มกรรมการแล้ว")

    def get(self, request, *args, **kwargs):
        if self.get_mechanism() is None:
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)

    def run_service(self, form):
        mechanism = self.get_mechanism()
        if mechanism is None:
            raise ValidationError(_("อำเภอนี้ยังไม่มีกลไกระดับอำเภอ กรุณาบันทึกกลไกก่อน"))
        return services.mechanism_member_add(mechanism=mechanism, by=self.request.user, **form.service_kwargs())


class MechanismMemberUpdateView(MechanismMemberMixin, ServiceFormView):
    success_message = _("บันทึกการแก้ไขกรรมการแล้ว")

    def get_scoped_object(self):
        district = super().get_scoped_object()
        self.member = selectors.mechanism_member_for_edit(mechanism=district.mechanism, pk=self.kwargs["pk"])
        return district

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.member}

    def run_service(self, form):
        return services.mechanism_member_update(member=self.member, by=self.request.user, **form.service_kwargs())

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.member, **kwargs)


class MechanismMemberEndView(DistrictMixin, ServiceActionView):
    rule = permissions.can_manage_mechanism
    success_message = _("บันทึกการสิ้นสุดวาระแล้ว")

    def get_scoped_object(self):
        district = super().get_scoped_object()
        self.member = selectors.mechanism_member_for_edit(mechanism=district.mechanism, pk=self.kwargs["pk"])
        return district

    def run_service(self, form):
        services.mechanism_member_end_term(member=self.member, by=self.request.user)

    def get_success_url(self):
        return _mechanism_url(self.district)
