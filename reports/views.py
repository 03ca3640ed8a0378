from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView

from accounts.scoping import scope_for
from councils.selectors import provinces_for_choice

from . import selectors, services
from .choices import ReportStatus
from .forms import ReportRequestForm


class ReportListView(LoginRequiredMixin, FormView):
    """Every report the user may see, and (for CODI staff) the form to ask for one."""

    template_name = "reports/report_list.html"
    form_class = ReportRequestForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "provinces": provinces_for_choice(user=self.request.user)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reports=selectors.reports_visible_to(user=self.request.user)[:100],
            can_request=scope_for(self.request.user).can_request_report(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not scope_for(request.user).can_request_report():
            raise PermissionDenied(_("เฉพาะเจ้าหน้าที่ พอช. เท่านั้นที่ขอสร้างรายงานได้"))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        report = services.report_request(by=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("รับคำขอสร้างรายงานแล้ว ระบบกำลังดำเนินการ"))
        return redirect("reports:report_detail", pk=report.pk)


class ReportDetailView(LoginRequiredMixin, DetailView):
    template_name = "reports/report_detail.html"
    context_object_name = "report"

    def get_queryset(self):
        return selectors.reports_visible_to(user=self.request.user)


class ReportStatusView(LoginRequiredMixin, View):
    def get(self, request, pk):
        report = get_object_or_404(selectors.reports_visible_to(user=request.user), pk=pk)
        return JsonResponse(
            {
                "id": report.pk,
                "status": report.status,
                "status_display": report.get_status_display(),
                "progress": report.progress,
                "error": report.error,
                "download_url": (
                    reverse("reports:report_download", kwargs={"pk": report.pk})
                    if report.status == ReportStatus.DONE and report.file
                    else None
                ),
            }
        )


class ReportDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        report = get_object_or_404(selectors.reports_visible_to(user=request.user), pk=pk)
        if report.status != ReportStatus.DONE or not report.file:
            raise Http404(_("รายงานนี้ยังไม่พร้อมดาวน์โหลด"))
        return FileResponse(
            report.file.open("rb"),
            as_attachment=True,
            filename=services.report_filename(report),
            content_type="application/pdf",
        )
