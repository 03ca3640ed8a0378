from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from common.forms import add_service_errors
from common.views import ServiceFormView

from . import notifications, selectors, tokens
from .forms import ApiTokenForm, LoginForm, NotificationSettingsForm, ThaiPasswordChangeForm
from .models import ApiToken, Notification


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = ThaiPasswordChangeForm
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        messages.success(self.request, _("เปลี่ยนรหัสผ่านเรียบร้อยแล้ว"))
        return super().form_valid(form)


class NotificationListView(LoginRequiredMixin, ListView):
    template_name = "accounts/notification_list.html"
    context_object_name = "notifications"
    paginate_by = 50

    def get_queryset(self):
        return selectors.notifications_for(user=self.request.user)


class NotificationOpenView(LoginRequiredMixin, View):
    """POST: mark one of the user's own notifications read and go to its link."""

    def post(self, request, pk):
        try:
            notification = notifications.notification_read(user=request.user, notification_id=pk)
        except Notification.DoesNotExist:
            raise Http404(_("ไม่พบการแจ้งเตือนนี้")) from None
        target = notification.url
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("accounts:notification_list")
        return redirect(target or "accounts:notification_list")


class NotificationReadAllView(LoginRequiredMixin, View):
    def post(self, request):
        notifications.notifications_read_all(user=request.user)
        messages.success(request, _("ทำเครื่องหมายว่าอ่านแล้วทั้งหมด"))
        return redirect("accounts:notification_list")


class NotificationSettingsView(LoginRequiredMixin, ServiceFormView):
    template_name = "accounts/notification_settings.html"
    form_class = NotificationSettingsForm
    success_message = _("บันทึกการตั้งค่าการแจ้งเตือนแล้ว")

    def get_initial(self):
        return {"email_digest": self.request.user.email_digest}

    def run_service(self, form):
        return notifications.notification_settings_update(
            user=self.request.user, email_digest=form.cleaned_data["email_digest"]
        )

    def get_success_url(self):
        return reverse("accounts:notification_list")


class ApiTokenListView(LoginRequiredMixin, View):
    """The user's own API tokens: list (prefix only), make one (its key shown once, on the
    answer to the POST, never stored or shown again), revoke one."""

    template_name = "accounts/api_token_list.html"

    def render(self, request, form, *, new_key=None, status=200):
        response = render(
            request,
            self.template_name,
            {"tokens": tokens.api_tokens_of(user=request.user), "form": form, "new_key": new_key},
            status=status,
        )
        response["Cache-Control"] = "no-store"
        return response

    def get(self, request):
        return self.render(request, ApiTokenForm())

    def post(self, request):
        form = ApiTokenForm(request.POST)
        if form.is_valid():
            try:
                _token, key = tokens.api_token_create(user=request.user, name=form.cleaned_data["name"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("สร้างโทเค็นแล้ว คัดลอกเก็บไว้ตอนนี้ ระบบจะไม่แสดงโทเค็นเต็มอีก"))
                return self.render(request, ApiTokenForm(), new_key=key)
        return self.render(request, form)


class ApiTokenRevokeView(LoginRequiredMixin, View):
    def post(self, request, pk):
        try:
            token = tokens.api_token_of(user=request.user, pk=pk)
        except ApiToken.DoesNotExist:
            raise Http404(_("ไม่พบโทเค็นนี้")) from None
        tokens.api_token_revoke(token=token)
        messages.success(request, _("เพิกถอนโทเค็น “%(name)s” แล้ว") % {"name": token.name})
        return redirect("accounts:api_token_list")
