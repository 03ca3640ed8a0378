"""The import page for CODI staff: upload, preview (progress, then every bad row), confirm."""

import io

import openpyxl
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView

from common.jobs.choices import JobStatus
from common.jobs.views import JobStatusView
from common.thai import thai_truncate
from common.views import ScopedObjectMixin, ServiceFormView

from .. import permissions
from ..choices import ImportKind, ImportMode
from ..imports import badrows
from ..imports.columns import COLUMNS, NATIONAL_ID, optional_headers
from ..imports.forms import ImportUploadForm
from ..imports.validators import MAX_REPORTED_ERRORS
from ..selectors.imports import import_jobs_visible_to
from ..services import imports as services

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportAllowedMixin(ScopedObjectMixin):
    """Only CODI staff and administrators: anyone else signed in gets 403."""

    rule = permissions.can_import


class ImportCreateView(ImportAllowedMixin, ServiceFormView):
    template_name = "councils/import_form.html"
    form_class = ImportUploadForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            jobs=import_jobs_visible_to(user=self.request.user)[:20],
            kinds=[
                (kind, label, [c.header for c in COLUMNS[kind] if c.in_template], optional_headers(kind))
                for kind, label in ImportKind.choices
            ],
            **kwargs,
        )

    success_message = gettext_lazy("อัปโหลดแล้ว ระบบกำลังตรวจสอบไฟล์ทุกแถว ยังไม่มีข้อมูลใดถูกบันทึก")

    def run_service(self, form):
        return services.import_job_create(by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("councils:import_detail", kwargs={"pk": self.result.pk})


def _job_or_404(request, pk):
    return get_object_or_404(import_jobs_visible_to(user=request.user), pk=pk)


class ImportDetailView(ImportAllowedMixin, DetailView):
    template_name = "councils/import_detail.html"
    context_object_name = "job"

    def get_queryset(self):
        return import_jobs_visible_to(user=self.request.user)

    def get_context_data(self, **kwargs):
        job = self.object
        previewed = job.status == JobStatus.WAITING
        return super().get_context_data(
            can_import_all=previewed and job.valid_rows > 0 and job.error_rows == 0,
            can_import_valid=previewed and job.valid_rows > 0 and job.error_rows > 0,
            errors_cut=len(job.errors) >= MAX_REPORTED_ERRORS,
            bad_rows_available=badrows.available(job),
            modes=ImportMode,
            **kwargs,
        )


class ImportStatusView(ImportAllowedMixin, JobStatusView):
    def get_queryset(self):
        return import_jobs_visible_to(user=self.request.user)

    def get_details(self, job):
        return {
            "stage": job.stage,
            "processed_rows": job.processed_rows,
            "total_rows": job.total_rows,
            "valid_rows": job.valid_rows,
            "error_rows": job.error_rows,
            "imported_rows": job.imported_rows,
        }


class ImportConfirmView(ImportAllowedMixin, View):
    def post(self, request, pk):
        job = _job_or_404(request, pk)
        try:
            services.import_job_confirm(job=job, by=request.user, mode=request.POST.get("mode", ""))
        except ValidationError as error:
            for problem in error.messages:
                messages.error(request, problem)
        else:
            messages.success(request, _("ยืนยันแล้ว ระบบกำลังนำเข้าข้อมูล"))
        return redirect("councils:import_detail", pk=job.pk)


class ImportBadRowsView(ImportAllowedMixin, View):
    """The rows the check refused, as the user's own file with an error column added."""

    def get(self, request, pk):
        job = _job_or_404(request, pk)
        made = badrows.build(job)
        if made is None:
            raise Http404(_("ไม่มีไฟล์แถวที่ต้องแก้ไขของงานนี้ (ไม่มีแถวที่ผิดพลาด หรือไฟล์ที่อัปโหลดถูกลบแล้ว)"))
        response = HttpResponse(made.content, content_type=made.content_type)
        response["Content-Disposition"] = content_disposition_header(True, made.filename)
        response["Cache-Control"] = "no-store"  # may hold what the user typed, national ID numbers included
        return response


class ImportTemplateView(ImportAllowedMixin, View):
    """A blank workbook with the kind's headers, and a sheet explaining the rules."""

    def get(self, request, kind):
        if kind not in ImportKind.values:
            raise Http404(_("ไม่พบแบบฟอร์มนี้"))
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = thai_truncate(str(ImportKind(kind).label), 31)
        sheet.append([column.header for column in COLUMNS[kind] if column.in_template])
        notes = workbook.create_sheet(_("คำอธิบาย"))
        for column in (c for c in COLUMNS[kind] if c.in_template):
            notes.append([column.header, _("ต้องกรอก") if column.required else _("ไม่บังคับ")])
        notes.append([])
        notes.append([_("วันที่: พิมพ์เป็น วัน/เดือน/ปี พ.ศ. เช่น 15/03/2566 ตามหัวคอลัมน์ (พ.ศ.) "
                        "ถ้าหัวคอลัมน์เป็น (ค.ศ.) ให้ใช้ปี ค.ศ. ปีผิดยุคจะถูกแจ้งเป็นข้อผิดพลาด")])
        notes.append([_("ตัวเลข รหัส และวันที่: ใช้เลขอารบิก (0–9) หรือเลขไทย (๐–๙) ก็ได้ ช่องที่พิมพ์ “-” ถือว่าว่าง")])
        for header in optional_headers(kind):
            notes.append([header, _("ไม่บังคับ: เพิ่มคอลัมน์นี้เองเมื่อมีข้อมูล")])
        if any(column.key == "national_id" for column in COLUMNS[kind]):
            notes.append([_("%(header)s: 13 หลัก พิมพ์ขีดหรือเว้นวรรคคั่นได้ ระบบตรวจเลขหลักสุดท้าย "
                            "เก็บแบบเข้ารหัส และใช้จับคู่กับบุคคลที่มีอยู่ในระบบแล้วแทนการสร้างบุคคลซ้ำ "
                            "ไฟล์ที่มีเลขนี้จะถูกลบทันทีเมื่อนำเข้าเสร็จ") % {"header": NATIONAL_ID}])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="template-{kind}.xlsx"'
        return response
