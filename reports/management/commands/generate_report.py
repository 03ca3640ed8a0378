"""Make a report from the shell, outside Celery and without a job row:

    python manage.py generate_report --kind annual --fiscal-year 2568 --scope national --output report.pdf
    python manage.py generate_report --kind quarterly --quarter 1 --fiscal-year 2569 --scope province:50 --output q1.pdf

--scope is national, region:<code>, province:<code>, district:<code> or council:<tambon code>.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from common.validators import validate_be_year
from councils.models import Council
from geo.models import District, Province, Region
from reports.choices import ReportKind, ReportScope
from reports.models import Report
from reports.rendering import build_pdf, build_xlsx
from reports.sections import gather_report
from reports.spec import ReportSpec

_AREAS = {
    ReportScope.REGION: (Region, "code", "ภาค"),
    ReportScope.PROVINCE: (Province, "code", "จังหวัด"),
    ReportScope.DISTRICT: (District, "code", "อำเภอ"),
    ReportScope.COUNCIL: (Council, "subdistrict__code", "สภาองค์กรชุมชนตำบล (รหัสตำบล)"),
}


def parse_scope(value: str) -> tuple[str, dict]:
    """'national' → ('national', {}); 'province:50' → ('province', {'province': <Province 50>})."""
    name, _sep, code = value.partition(":")
    if name == ReportScope.NATIONAL and not code:
        return ReportScope.NATIONAL, {}
    if name not in _AREAS:
        raise CommandError(
            f"ขอบเขต “{value}” ไม่ถูกต้อง ใช้ national, region:<รหัส>, province:<รหัส>, district:<รหัส> หรือ council:<รหัสตำบล>"
        )
    model, field, label = _AREAS[name]
    if not code:
        raise CommandError(f"กรุณาระบุรหัส{label} เช่น --scope {name}:<รหัส>")
    area = model.objects.filter(**{field: code}).first()
    if area is None:
        raise CommandError(f"ไม่พบ{label}รหัส {code}")
    return name, {name: area}


class Command(BaseCommand):
    help = "สร้างรายงาน (PDF) จากบรรทัดคำสั่ง โดยไม่ผ่าน Celery"

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=ReportKind.values, default=ReportKind.ANNUAL)
        parser.add_argument("--fiscal-year", type=int, required=True, help="ปีงบประมาณ พ.ศ. เช่น 2568")
        parser.add_argument("--quarter", type=int, choices=[1, 2, 3, 4], help="ไตรมาส (รายงานรายไตรมาส)")
        parser.add_argument("--scope", default="national", help="national, region:<code>, province:50, district:5001, council:500101")
        parser.add_argument("--output", required=True, help="ไฟล์ PDF ที่จะเขียน")
        parser.add_argument("--xlsx", help="ไฟล์ XLSX ของตัวเลขชุดเดียวกัน (ไม่บังคับ)")

    def handle(self, *args, kind, fiscal_year, quarter, scope, output, xlsx=None, **options):
        try:
            validate_be_year(fiscal_year)
        except ValidationError as exc:
            raise CommandError(f"--fiscal-year: {' '.join(exc.messages)}") from exc
        if kind == ReportKind.QUARTERLY and quarter is None:
            raise CommandError("--quarter: กรุณาระบุไตรมาส 1–4 สำหรับรายงานรายไตรมาส")
        if kind == ReportKind.ANNUAL and quarter is not None:
            raise CommandError("--quarter: รายงานประจำปีไม่ต้องระบุไตรมาส")
        scope_name, areas = parse_scope(scope)
        target = Path(output).resolve()
        if not target.parent.is_dir():
            raise CommandError(f"--output: ไม่พบโฟลเดอร์ {target.parent}")
        # An unsaved row gives the spec its title, exactly as the job would.
        spec = ReportSpec.from_report(
            Report(kind=kind, fiscal_year=fiscal_year, quarter=quarter, scope=scope_name, **areas)
        )
        started = time.monotonic()
        data = gather_report(spec)  # once, for the PDF and the XLSX
        partial = target.with_name(target.name + ".part")
        try:
            build_pdf(data, str(partial))
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(f"{target} ({time.monotonic() - started:.1f} วินาที)")
        if xlsx:
            started = time.monotonic()
            sheet = Path(xlsx).resolve()
            build_xlsx(data, str(sheet))
            self.stdout.write(f"{sheet} ({time.monotonic() - started:.1f} วินาที)")
