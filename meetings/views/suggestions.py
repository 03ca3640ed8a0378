"""Suggestions: the public page of a district (published suggestions, answers, the form)
and the district officers' moderation page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from common.http import client_ip
from common.views import ScopedObjectMixin, ServiceFormView
from councils.selectors import district_in_scope
from geo.models import District

from .. import permissions, selectors
from ..forms import ModerationForm, SuggestionForm
from ..models import Suggestion
from ..services import suggestions as services


class PublicSuggestionsView(ServiceFormView):
    """Anyone reads what is published and may send a suggestion (throttled per address;
    a filled honeypot is thanked and dropped)."""

    template_name = "meetings/suggestion_public.html"
    form_class = SuggestionForm
    success_message = _("ส่งข้อเสนอแนะแล้ว เจ้าหน้าที่อำเภอจะตรวจสอบก่อนเผยแพร่")

    def dispatch(self, request, *args, **kwargs):
        try:
            self.district = selectors.district_public(code=kwargs["code"])
        except District.DoesNotExist:
            raise Http404(_("ไม่พบอำเภอนี้")) from None
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if form.cleaned_data["website"]:
            messages.success(self.request, str(self.success_message))
            return redirect(self.get_success_url())
        try:
            services.suggestion_throttle(client=client_ip(self.request))
        except services.Throttled:
            form.add_error(None, _("ส่งข้อเสนอแนะบ่อยเกินไป กรุณาลองใหม่ในอีกหนึ่งชั่วโมง"))
            return render(self.request, self.template_name, self.get_context_data(form=form), status=429)
        return super().form_valid(form)

    def run_service(self, form):
        return services.suggestion_send(
            district=self.district, text=form.cleaned_data["text"], name=form.cleaned_data["name"],
            sender=self.request.user if self.request.user.is_authenticated else None,
        )  # fmt: skip

    def get_success_url(self):
        return reverse("meetings:suggestion_public", kwargs={"code": self.district.code})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            district=self.district, suggestions=selectors.published_suggestions(district=self.district), **kwargs
        )


class DistrictModerationMixin(ScopedObjectMixin):
    scoped_object_name = "district"
    not_found_message = _("ไม่พบอำเภอนี้")
    template_name = "meetings/suggestion_moderation.html"

    def get_scoped_object(self):
        return district_in_scope(user=self.request.user, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            suggestions=selectors.suggestions_for_moderation(district=self.district),
            can_moderate=permissions.can_moderate_suggestions(user=self.request.user, district=self.district),
            **kwargs,
        )


class SuggestionModerationView(DistrictModerationMixin, TemplateView):
    rule = permissions.can_read_suggestions


class SuggestionModerateView(DistrictModerationMixin, ServiceFormView):
    http_method_names = ["post"]
    form_class = ModerationForm
    rule = permissions.can_moderate_suggestions
    success_message = _("บันทึกแล้ว")

    def get_form_kwargs(self):
        try:
            self.suggestion = selectors.suggestion_for_moderation(district=self.district, pk=self.kwargs["pk"])
        except Suggestion.DoesNotExist:
            raise Http404(_("ไม่พบข้อเสนอแนะนี้")) from None
        return super().get_form_kwargs()

    def run_service(self, form):
        action = services.MODERATION[form.cleaned_data["action"]]
        return action(suggestion_id=self.suggestion.pk, by=self.request.user, text=form.cleaned_data["text"])

    def get_success_url(self):
        return reverse("meetings:suggestion_moderation", kwargs={"code": self.district.code})

    def get_context_data(self, **kwargs):
        return super().get_context_data(bound_id=self.suggestion.pk, **kwargs)
