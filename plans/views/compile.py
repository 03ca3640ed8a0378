"""The district plan (ประมวลแผนระดับอำเภอ) and the provincial roll-up: pages, XLSX and PDF.

Who: ``permissions.can_compile_district_plan`` (the district's officers, CODI staff of its
area) and ``permissions.can_view_provincial_plan`` (CODI staff). Those whose scope only
touches the district or province (a council's or an LAO's staff in it) are refused (403);
others do not find it (404). The fiscal year is ``?fiscal_year=`` (BE; the current one
by default)."""

from __future__ import annotations

import io

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from common.jobs.choices import JobStatus
from common.jobs.views import JobStatusView
from common.thai import current_fiscal_year
from common.views import ScopedObjectMixin

from .. import permissions
from ..compiled_pdf import PDF_INLINE_MAX_ITEMS, district_plan_filename, district_plan_pdf
from ..compiled_xlsx import XLSX_TYPE, district_plan_xlsx, provincial_plan_xlsx
from ..selectors import compile as selectors
from ..services.compile import district_plan_pdf_request

YEARS_BACK = 4  # the fiscal-year picker offers this many past years and the next one


def _years(selected: int) -> list[int]:
    now = current_fiscal_year()
    return sorted({*range(now - YEARS_BACK, now + 2), selected}, reverse=True)


class FiscalYearMixin:
    def dispatch(self, request, *args, **kwargs):
        self.fiscal_year = selectors.compile_fiscal_year(request.GET.get("fiscal_year"))
        return super().dispatch(request, *args, **kwargs)

    def year_query(self) -> str:
        return f"?fiscal_year={self.fiscal_year}"


class DistrictPlanMixin(FiscalYearMixin, ScopedObjectMixin):
    scoped_object_name = "district"
    not_found_message = _("ไม่พบอำเภอนี้")
    rule = permissions.can_compile_district_plan

    def get_scoped_object(self):
        return selectors.district_for_compile(user=self.request.user, code=self.kwargs["code"])

    def get_plan(self):
        return selectors.district_plan(district=self.district, fiscal_year=self.fiscal_year)


class DistrictPlanView(DistrictPlanMixin, TemplateView):
    template_name = "plans/compiled_district.html"

    def get_context_data(self, **kwargs):
        code = self.district.code
        return super().get_context_data(
            plan=self.get_plan(),
            fiscal_year=self.fiscal_year,
            years=_years(self.fiscal_year),
            xlsx_url=reverse("plans:district_plan_xlsx", kwargs={"code": code}) + self.year_query(),
            pdf_url=reverse("plans:district_plan_pdf", kwargs={"code": code}) + self.year_query(),
            review_url=reverse("plans:alignment_review", kwargs={"code": code}),
            **kwargs,
        )


def _download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class DistrictPlanXlsxView(DistrictPlanMixin, View):
    def get(self, request, *args, **kwargs):
        plan, out = self.get_plan(), io.BytesIO()
        district_plan_xlsx(plan, out)
        return _download(out.getvalue(), filename=district_plan_filename(plan, "xlsx"), content_type=XLSX_TYPE)


class DistrictPlanPdfView(DistrictPlanMixin, View):
    """A small district's PDF is made in the request; a large one by a job whose page
    follows its progress (see ``plans.compiled_pdf``)."""

    def get(self, request, *args, **kwargs):
        plan = self.get_plan()
        if plan.item_count > PDF_INLINE_MAX_ITEMS:
            job = district_plan_pdf_request(by=request.user, district=self.district, fiscal_year=self.fiscal_year)
            return redirect(job.get_absolute_url())
        return _download(
            district_plan_pdf(plan), filename=district_plan_filename(plan, "pdf"), content_type="application/pdf"
        )


class DistrictPlanPdfJobView(LoginRequiredMixin, TemplateView):
    template_name = "plans/compiled_pdf_job.html"

    def get_context_data(self, **kwargs):
        job = get_object_or_404(selectors.district_plan_pdfs_of(user=self.request.user), pk=self.kwargs["pk"])
        return super().get_context_data(
            job=job,
            status_url=reverse("plans:district_plan_pdf_status", kwargs={"pk": job.pk}),
            links=[{"key": "download_url", "id": "download-link", "label": _("ดาวน์โหลด PDF"), "url": _pdf_url(job)}],
            plan_url=reverse("plans:district_plan", kwargs={"code": job.district.code}) + f"?fiscal_year={job.fiscal_year}",
            **kwargs,
        )


def _pdf_url(job) -> str | None:
    return reverse("plans:district_plan_pdf_download", kwargs={"pk": job.pk}) if job.file else None


class DistrictPlanPdfStatusView(JobStatusView):
    def get_queryset(self):
        return selectors.district_plan_pdfs_of(user=self.request.user)

    def get_download_url(self, job):
        return _pdf_url(job)

    def get_details(self, job):
        return {"pages": job.pages}


class DistrictPlanPdfDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        job = get_object_or_404(selectors.district_plan_pdfs_of(user=request.user), pk=pk)
        if job.status != JobStatus.DONE or not job.file:
            raise Http404(_("ไฟล์นี้ยังไม่พร้อมดาวน์โหลด"))
        filename = f"district-plan-{job.district.code}-{job.fiscal_year}.pdf"
        return FileResponse(job.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")


class ProvincialPlanMixin(FiscalYearMixin, ScopedObjectMixin):
    scoped_object_name = "province"
    not_found_message = _("ไม่พบจังหวัดนี้")
    rule = permissions.can_view_provincial_plan

    def get_scoped_object(self):
        return selectors.province_for_rollup(user=self.request.user, code=self.kwargs["code"])

    def get_plan(self):
        return selectors.provincial_plan(province=self.province, fiscal_year=self.fiscal_year)


class ProvincialPlanView(ProvincialPlanMixin, TemplateView):
    template_name = "plans/compiled_province.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            plan=self.get_plan(),
            fiscal_year=self.fiscal_year,
            years=_years(self.fiscal_year),
            xlsx_url=reverse("plans:provincial_plan_xlsx", kwargs={"code": self.province.code}) + self.year_query(),
            **kwargs,
        )


class ProvincialPlanXlsxView(ProvincialPlanMixin, View):
    def get(self, request, *args, **kwargs):
        plan, out = self.get_plan(), io.BytesIO()
        provincial_plan_xlsx(plan, out)
        filename = f"provincial-plan-{self.province.code}-{self.fiscal_year}.xlsx"
        return _download(out.getvalue(), filename=filename, content_type=XLSX_TYPE)
