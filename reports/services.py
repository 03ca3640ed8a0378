"""Every write to reports: requesting one, and generating its file."""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.scoping import scope_for
from common.thai import thai_date

from . import selectors
from .choices import ACTIVE_STATUSES, ReportKind, ReportScope, ReportStatus
from .models import Report
from .rendering import render_annual_html, render_pdf

logger = logging.getLogger(__name__)


def _enqueue(report_id: int) -> None:
    """Send the job to the broker. If the broker is down the row stays QUEUED (the page
    says so) and can be sent again; the request itself is never lost."""
    from .tasks import generate_report

    try:
        generate_report.delay(report_id)
    except Exception:  # kombu raises various errors when Redis is unreachable
        logger.exception("could not enqueue report %s; it stays queued", report_id)


def report_key(*, kind: str, fiscal_year: int, scope: str, quarter: int | None = None, area_code: str = "-") -> str:
    """What identifies a report: rows sharing a key are versions of the same report."""
    return f"{kind}:{fiscal_year}:{quarter or '-'}:{scope}:{area_code or '-'}"


def _area_code(*, scope, province=None, district=None, council=None, region=None) -> str:
    if scope == ReportScope.PROVINCE:
        return province.code
    if scope == ReportScope.DISTRICT:
        return district.code
    if scope == ReportScope.COUNCIL:
        return council.subdistrict.code
    if scope == ReportScope.REGION:
        return region.code
    return "-"


def report_request(
    *,
    by,
    fiscal_year: int,
    scope: str,
    province=None,
    district=None,
    council=None,
    region=None,
    quarter: int | None = None,
    kind: str = ReportKind.ANNUAL,
) -> Report:
    """Ask for a report. While a job for the same report (same key) is queued or running,
    asking again joins it; once it is finished, asking again makes the next version and
    keeps the earlier files."""
    user_scope = scope_for(by)
    if not user_scope.can_request_report():
        raise PermissionDenied(_("เฉพาะเจ้าหน้าที่ พอช. เท่านั้นที่ขอสร้างรายงานได้"))
    if scope == ReportScope.PROVINCE and province is None:
        raise ValidationError({"province": _("กรุณาเลือกจังหวัดสำหรับรายงานระดับจังหวัด")})
    if scope == ReportScope.NATIONAL:
        province = None
        if not user_scope.national:
            raise PermissionDenied(_("คุณขอรายงานได้เฉพาะจังหวัดที่รับผิดชอบ"))
    elif scope == ReportScope.PROVINCE and not user_scope.national and province.pk not in user_scope.province_ids:
        raise PermissionDenied(_("คุณขอรายงานได้เฉพาะจังหวัดที่รับผิดชอบ"))
    key = report_key(
        kind=kind,
        fiscal_year=fiscal_year,
        scope=scope,
        quarter=quarter,
        area_code=_area_code(scope=scope, province=province, district=district, council=council, region=region),
    )
    report = Report(
        kind=kind,
        fiscal_year=fiscal_year,
        quarter=quarter,
        scope=scope,
        province=province,
        district=district,
        council=council,
        region=region,
        key=key,
        requested_by=by,
    )
    report.full_clean(exclude=["key", "version"])
    try:
        with transaction.atomic():
            running = Report.objects.select_for_update().filter(key=key, status__in=ACTIVE_STATUSES).first()
            if running is not None:
                return running  # join the job already under way
            last = Report.objects.filter(key=key).order_by("-version").values_list("version", flat=True).first()
            report.version = (last or 0) + 1
            report.save()
    except IntegrityError:
        # Another request made the same report at the same moment: join it.
        return Report.objects.get(key=key, status__in=ACTIVE_STATUSES)
    transaction.on_commit(lambda: _enqueue(report.pk))
    return report


def _set(report: Report, **fields) -> None:
    for name, value in fields.items():
        setattr(report, name, value)
    report.save(update_fields=list(fields))


def _running_elsewhere(report: Report) -> bool:
    """Another attempt started recently and cannot have hit the hard time limit yet."""
    if report.status != ReportStatus.RUNNING or report.started_at is None:
        return False
    return timezone.now() - report.started_at < timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def report_generate(*, report_id: int, redelivered: bool = False) -> Report:
    """Run one report job: gather → HTML → PDF, written to a temporary file and moved
    into place so a half-written file is never served.

    A duplicate message (the stale-job sweep re-sent a job that was only slow to start)
    finds the row done or running and does nothing; a message the broker re-delivered
    because its worker died (``redelivered``) takes over the running row."""
    with transaction.atomic():
        report = Report.objects.select_for_update(of=("self",)).select_related("province").get(pk=report_id)
        if report.status in (ReportStatus.DONE, ReportStatus.FAILED):
            return report
        if not redelivered and _running_elsewhere(report):
            return report
        if report.attempts >= settings.REPORT_MAX_ATTEMPTS:
            _set(
                report,
                status=ReportStatus.FAILED,
                finished_at=timezone.now(),
                error=_("สร้างรายงานไม่สำเร็จหลังพยายาม %(n)s ครั้ง") % {"n": report.attempts},
            )
            return report
        _set(
            report,
            status=ReportStatus.RUNNING,
            started_at=timezone.now(),
            attempts=report.attempts + 1,
            progress=5,
            error="",
        )
    figures = selectors.report_figures(fiscal_year=report.fiscal_year, province=report.province)
    _set(report, progress=40)
    html = render_annual_html(figures=figures, title=str(report))
    _set(report, progress=60)

    relative = Path("reports") / str(report.fiscal_year) / f"report-{report.pk}.pdf"
    final_path = Path(settings.MEDIA_ROOT) / relative
    final_path.parent.mkdir(parents=True, exist_ok=True)
    # An attempt killed mid-render (SIGKILL, OOM) leaves its temporary file behind; only one
    # attempt runs at a time (acks_late, visibility timeout > time limit), so remove them.
    prefix = f"report-{report.pk}-"
    for stale in final_path.parent.glob(f"{prefix}*.pdf.part"):
        stale.unlink(missing_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".pdf.part", dir=final_path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            render_pdf(html, tmp)
        os.replace(tmp_name, final_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    report.file.name = str(relative)
    _set(report, file=report.file, status=ReportStatus.DONE, progress=100, finished_at=timezone.now())
    return report


def report_requeue_stale(*, now=None) -> dict[str, int]:
    """Re-send jobs the broker lost: rows still queued a while after they were asked for
    (Redis was down when they were sent) and rows left running past the hard time limit
    (their worker died). Run by Celery beat; duplicates are harmless (see report_generate)."""
    now = now or timezone.now()
    queued = list(
        Report.objects.filter(
            status=ReportStatus.QUEUED, requested_at__lt=now - timedelta(seconds=settings.REPORT_QUEUED_GRACE_SECONDS)
        ).values_list("pk", flat=True)
    )
    stale_before = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)
    stale = list(
        Report.objects.filter(status=ReportStatus.RUNNING, started_at__lt=stale_before).values_list("pk", flat=True)
    )
    exhausted = Report.objects.filter(pk__in=stale, attempts__gte=settings.REPORT_MAX_ATTEMPTS).update(
        status=ReportStatus.FAILED,
        finished_at=now,
        error=_("เครื่องประมวลผลหยุดทำงานระหว่างสร้างรายงานซ้ำหลายครั้ง"),
    )
    retry = list(
        Report.objects.filter(pk__in=stale, status=ReportStatus.RUNNING).values_list("pk", flat=True)
    )
    Report.objects.filter(pk__in=retry).update(status=ReportStatus.QUEUED, progress=0)
    for pk in queued + retry:
        _enqueue(pk)
    return {"queued": len(queued), "stale": len(retry), "failed": exhausted}


def report_fail(*, report_id: int, reason: str) -> None:
    Report.objects.filter(pk=report_id).exclude(status=ReportStatus.DONE).update(
        status=ReportStatus.FAILED, error=reason[:2000], finished_at=timezone.now()
    )


def report_filename(report: Report) -> str:
    where = report.province.code if report.province_id else "national"
    return f"report-{report.kind}-{report.fiscal_year}-{where}.pdf"


def report_describe_time(report: Report) -> str:
    return thai_date(report.finished_at or report.requested_at, "datetime")
