from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, ListView

from common.jobs.views import JobStatusView
from common.rules import require
from common.validators import validate_be_year
from common.views import ServiceFormView

from . import permissions, selectors, services
from .choices import ReportScope, ReportStatus
from .forms import NarrativeForm, ReportFilterForm, ReportRequestForm
from .models import ReportNarrative

LIST_LIMIT = 200


def _download_links(report) -> list[dict]:
    """The links the job's progress box shows once the report is done."""
    return [
        {"key": "download_url", "id": "download-link", "label": _("ดาวน์โหลดรายงาน (PDF)"),
         "url": reverse("reports:report_download", kwargs={"pk": report.pk}) if report.file else None},
        {"key": "xlsx_url", "id": "xlsx-link", "label": _("ดาวน์โหลดตัวเลข (XLSX)"),
         "url": reverse("reports:report_download_xlsx", kwargs={"pk": report.pk}) if report.xlsx else None},
    ]


def _file_response(report, *, xlsx: bool = False):
    if report.status != ReportStatus.DONE or not (report.xlsx if xlsx else report.file):
        raise Http404(_("รายงานนี้ยังไม่พร้อมดาวน์โหลด"))
    if xlsx:
        return FileResponse(
            report.xlsx.open("rb"),
            as_attachment=True,
            filename=services.report_filename(report, "xlsx"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    return FileResponse(
        report.file.open("rb"), as_attachment=True, filename=services.report_filename(report), content_type="application/pdf"
    )


class ReportListView(LoginRequiredMixin, ServiceFormView):
    """Every report the user may see, by fiscal year and scope, with filters; for CODI
    staff also the form to ask for one."""

    template_name = "reports/report_list.html"
    form_class = ReportRequestForm

    def get_form_kwargs(self):
        user = self.request.user
        return {
            **super().get_form_kwargs(),
            "regions": selectors.regions_requestable(user=user),
            "provinces": selectors.provinces_requestable(user=user),
            "districts": selectors.districts_requestable(user=user),
            "councils": selectors.councils_requestable(user=user),
        }

    def get_context_data(self, **kwargs):
        visible = selectors.reports_visible_to(user=self.request.user)
        filters = ReportFilterForm(self.request.GET or None, years=selectors.report_fiscal_years(qs=visible))
        can_request = permissions.can_request_report(user=self.request.user)
        return super().get_context_data(
            reports=selectors.reports_filtered(visible, **filters.filters())[:LIST_LIMIT],
            filter_form=filters,
            can_request=can_request,
            narrative_provinces=selectors.narrative_provinces(user=self.request.user) if can_request else [],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        require(permissions.can_request_report, user=request.user)
        return super().post(request, *args, **kwargs)

    success_message = gettext_lazy("รับคำขอสร้างรายงานแล้ว ระบบกำลังดำเนินการ")

    def run_service(self, form):
        return services.report_request(by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("reports:report_detail", kwargs={"pk": self.result.pk})


class ReportDetailView(LoginRequiredMixin, DetailView):
    template_name = "reports/report_detail.html"
    context_object_name = "report"

    def get_queryset(self):
        return selectors.reports_visible_to(user=self.request.user)

    def get_context_data(self, **kwargs):
        can_manage = permissions.can_manage_report(user=self.request.user, report=self.object)
        return super().get_context_data(
            versions=selectors.report_versions(report=self.object, user=self.request.user),
            can_regenerate=can_manage,
            can_publish=can_manage and self.object.status == ReportStatus.DONE,
            links=_download_links(self.object),
            public=False,
            **kwargs,
        )


class ReportStatusView(JobStatusView):
    def get_queryset(self):
        return selectors.reports_visible_to(user=self.request.user)

    def get_download_url(self, job):
        return reverse("reports:report_download", kwargs={"pk": job.pk}) if job.file else None

    def get_details(self, job):
        done = job.status == ReportStatus.DONE
        return {
            "sections_done": job.sections_done,
            "sections_total": job.sections_total,
            "xlsx_url": reverse("reports:report_download_xlsx", kwargs={"pk": job.pk}) if done and job.xlsx else None,
        }


class ReportDownloadView(LoginRequiredMixin, View):
    xlsx = False

    def get(self, request, pk):
        return _file_response(get_object_or_404(selectors.reports_visible_to(user=request.user), pk=pk), xlsx=self.xlsx)


class ReportRegenerateView(LoginRequiredMixin, View):
    """POST: make a new version of a report (CODI staff)."""

    def post(self, request, pk):
        report = get_object_or_404(selectors.reports_visible_to(user=request.user), pk=pk)
        new = services.report_regenerate(report=report, by=request.user)
        if new.pk == report.pk:
            messages.info(request, _("รายงานนี้กำลังสร้างอยู่แล้ว"))
        else:
            messages.success(request, _("รับคำขอสร้างรายงานฉบับใหม่แล้ว ระบบกำลังดำเนินการ"))
        return redirect("reports:report_detail", pk=new.pk)


class ReportPublishView(LoginRequiredMixin, View):
    """POST publish=1 to publish, publish=0 to take a report back (CODI staff)."""

    def post(self, request, pk):
        report = get_object_or_404(selectors.reports_visible_to(user=request.user), pk=pk)
        publish = request.POST.get("publish") == "1"
        try:
            services.report_publish(report=report, by=request.user, publish=publish)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("เผยแพร่รายงานแล้ว") if publish else _("ยกเลิกการเผยแพร่แล้ว"))
        return redirect("reports:report_detail", pk=report.pk)


# Public pages: published reports, no login ----------------------------------------------

class PublicReportListView(ListView):
    template_name = "reports/report_public_list.html"
    context_object_name = "reports"

    def get_queryset(self):
        return selectors.reports_published()[:LIST_LIMIT]


class PublicReportDetailView(DetailView):
    template_name = "reports/report_detail.html"
    context_object_name = "report"

    def get_queryset(self):
        return selectors.reports_published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            versions=selectors.report_versions(report=self.object, user=None), public=True, **kwargs
        )


class PublicReportDownloadView(View):
    xlsx = False

    def get(self, request, pk):
        return _file_response(get_object_or_404(selectors.reports_published(), pk=pk), xlsx=self.xlsx)


# Narratives: what CODI staff write for a fiscal year's annual report -------------------

class NarrativeView(LoginRequiredMixin, ServiceFormView):
    """The narrative of a fiscal year's annual report: the country's (``narratives/2569/``)
    or one area's (``narratives/2569/province/50/``). CODI staff only (403 otherwise), for an
    area they may ask a report of (404 outside it)."""

    template_name = "reports/narrative_form.html"
    form_class = NarrativeForm

    def dispatch(self, request, *args, **kwargs):
        self.scope, self.area_code = kwargs.get("scope", ReportScope.NATIONAL), kwargs.get("code", "-")
        if request.user.is_authenticated:
            require(permissions.can_write_narrative, user=request.user)
            self.area_label = selectors.narrative_area(user=request.user, scope=self.scope, code=self.area_code)
            if self.area_label is None:
                raise Http404(_("ไม่พบพื้นที่นี้ หรืออยู่นอกพื้นที่ที่คุณรับผิดชอบ"))
        try:
            validate_be_year(kwargs["fiscal_year"])
        except ValidationError as exc:
            raise Http404(" ".join(exc.messages)) from exc
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        instance = ReportNarrative.objects.filter(
            fiscal_year=self.kwargs["fiscal_year"], scope=self.scope, area_code=self.area_code
        ).first()
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            fiscal_year=self.kwargs["fiscal_year"], area_label=self.area_label, national=self.scope == ReportScope.NATIONAL,
            **kwargs,
        )

    success_message = gettext_lazy("บันทึกบทสรุปปีงบประมาณ %(year)s แล้ว")

    def run_service(self, form):
        return services.narrative_save(
            fiscal_year=self.kwargs["fiscal_year"], by=self.request.user, scope=self.scope, area_code=self.area_code,
            **form.cleaned_data,
        )

    def success_message_args(self, result):
        return {"year": self.kwargs["fiscal_year"]}

    def get_success_url(self):
        return self.request.path
