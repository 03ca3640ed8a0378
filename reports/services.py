"""Every write to reports: requesting one, and generating its file."""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import timedelta
from pathlib import Path

from celery import current_app
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.choices import Role
from common.rules import require

from . import permissions, selectors
from .choices import ACTIVE_STATUSES, ReportKind, ReportScope, ReportStatus
from .models import Report, ReportNarrative
from .rendering import build_pdf, build_xlsx
from .sections import gather_report
from .spec import ReportSpec

logger = logging.getLogger(__name__)

# The job's task, by name: reports.tasks imports this module, never the other way round
# (the task is registered when the app is ready, see apps.py).
GENERATE_TASK = "reports.tasks.generate_report"


def _enqueue(report_id: int) -> None:
    """Send the job to the broker. If the broker is down the row stays QUEUED (the page
    says so) and can be sent again; the request itself is never lost."""
    try:
        current_app.tasks[GENERATE_TASK].delay(report_id)
    except Exception:  # kombu raises various errors when Redis is unreachable
        logger.exception("could not enqueue report %s; it stays queued", report_id)


SYSTEM_USERNAME = "system-reports"

# Which area field each scope needs, and the Thai message when it is missing.
_AREA_FIELDS = {
    ReportScope.REGION: ("region", _lazy("กรุณาเลือกภาคสำหรับรายงานระดับภาค")),
    ReportScope.PROVINCE: ("province", _lazy("กรุณาเลือกจังหวัดสำหรับรายงานระดับจังหวัด")),
    ReportScope.DISTRICT: ("district", _lazy("กรุณาเลือกอำเภอสำหรับรายงานระดับอำเภอ")),
    ReportScope.COUNCIL: ("council", _lazy("กรุณาระบุรหัสตำบลของสภาองค์กรชุมชนตำบล")),
}


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


def system_user():
    """The user scheduled reports are requested as (Celery beat has no user): an inactive
    account, without a password, holding a national CODI role. Its name shows as the
    requester on the report page, so a scheduled report is told apart from a requested one."""
    from django.contrib.auth import get_user_model

    from accounts.models import RoleAssignment

    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"first_name": _("ระบบสร้างรายงานตามกำหนด"), "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if not RoleAssignment.objects.filter(user=user, role=Role.CODI_STAFF).exists():
        RoleAssignment.objects.create(user=user, role=Role.CODI_STAFF)
    return user


def _check_request(*, by, kind, scope, quarter, areas: dict) -> dict:
    """Permission, then shape: returns the area fields the scope keeps (others cleared)."""
    require(permissions.can_request_report, user=by)
    if scope not in ReportScope.values:
        raise ValidationError({"scope": _("ขอบเขตไม่ถูกต้อง")})
    if kind not in ReportKind.values:
        raise ValidationError({"kind": _("ประเภทรายงานไม่ถูกต้อง")})
    if kind == ReportKind.QUARTERLY and quarter not in (1, 2, 3, 4):
        raise ValidationError({"quarter": _("กรุณาเลือกไตรมาส 1–4 สำหรับรายงานรายไตรมาส")})
    if kind == ReportKind.ANNUAL and quarter is not None:
        raise ValidationError({"quarter": _("รายงานประจำปีไม่ต้องระบุไตรมาส")})
    kept = {name: None for name in ("region", "province", "district", "council")}
    if scope in _AREA_FIELDS:
        name, message = _AREA_FIELDS[scope]
        if areas.get(name) is None:
            raise ValidationError({name: str(message)})
        kept[name] = areas[name]
    if not selectors.area_requestable(user=by, scope=scope, **kept):
        raise PermissionDenied(_("คุณขอรายงานได้เฉพาะพื้นที่ที่รับผิดชอบ"))
    return kept


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
    keeps the earlier files. ``by`` must be CODI staff whose area covers the report's
    (scheduled reports use ``system_user()``)."""
    areas = _check_request(
        by=by,
        kind=kind,
        scope=scope,
        quarter=quarter,
        areas={"province": province, "district": district, "council": council, "region": region},
    )
    key = report_key(kind=kind, fiscal_year=fiscal_year, scope=scope, quarter=quarter, area_code=_area_code(scope=scope, **areas))
    report = Report(kind=kind, fiscal_year=fiscal_year, quarter=quarter, scope=scope, key=key, requested_by=by, **areas)
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


def report_regenerate(*, report: Report, by) -> Report:
    """Make a new version of ``report`` (or join the one already running)."""
    return report_request(
        by=by,
        kind=report.kind,
        fiscal_year=report.fiscal_year,
        quarter=report.quarter,
        scope=report.scope,
        region=report.region,
        province=report.province,
        district=report.district,
        council=report.council,
    )


@transaction.atomic
def report_publish(*, report: Report, by, publish: bool = True) -> Report:
    """Publish a finished report to everyone (no login needed), or take it back."""
    require(permissions.can_manage_report, user=by, report=report)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if publish and report.status != ReportStatus.DONE:
        raise ValidationError(_("เผยแพร่ได้เฉพาะรายงานที่สร้างเสร็จแล้ว"))
    if publish:
        _set(report, is_published=True, published_at=timezone.now(), published_by=by)
    else:
        _set(report, is_published=False, published_at=None, published_by=None)
    return report


@transaction.atomic
def narrative_save(*, fiscal_year: int, by, lessons: str = "", expected_results: str = "", future_directions: str = ""):
    """Write the chapter CODI staff author for a fiscal year's annual report."""
    require(permissions.can_write_narrative, user=by)
    narrative = ReportNarrative.objects.select_for_update().filter(fiscal_year=fiscal_year).first()
    narrative = narrative or ReportNarrative(fiscal_year=fiscal_year)
    narrative.lessons = lessons.strip()
    narrative.expected_results = expected_results.strip()
    narrative.future_directions = future_directions.strip()
    narrative.updated_by = by
    narrative.full_clean()
    narrative.save()
    return narrative


def _set(report: Report, **fields) -> None:
    for name, value in fields.items():
        setattr(report, name, value)
    report.save(update_fields=list(fields))


def _running_elsewhere(report: Report) -> bool:
    """Another attempt started recently and cannot have hit the hard time limit yet."""
    if report.status != ReportStatus.RUNNING or report.started_at is None:
        return False
    return timezone.now() - report.started_at < timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def _write_atomically(final_path: Path, prefix: str, suffix: str, write) -> None:
    """``write(binary_file)`` into a temporary file beside ``final_path``, then move it into
    place: a half-written file is never served."""
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=final_path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            write(tmp)
        os.replace(tmp_name, final_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _progress_saver(report: Report):
    def on_progress(done: int, total: int) -> None:
        share = round(100 * done / total) if total else 0
        # Never show 100 before the file is in place (that is the DONE state's job).
        _set(report, sections_total=total, sections_done=done, progress=max(5, min(share, 95)))

    return on_progress


def report_generate(*, report_id: int, redelivered: bool = False) -> Report:
    """Run one report job: gather once → HTML → PDF, then the same figures as XLSX, each
    written to a temporary file and moved into place so a half-written file is never
    served. ``sections_done/sections_total`` and ``progress`` follow the sections gathered,
    then the PDF layout.

    A duplicate message (the stale-job sweep re-sent a job that was only slow to start)
    finds the row done or running and does nothing; a message the broker re-delivered
    because its worker died (``redelivered``) takes over the running row."""
    with transaction.atomic():
        report = (
            Report.objects.select_for_update(of=("self",))
            .select_related("province", "district", "council__subdistrict", "region")
            .get(pk=report_id)
        )
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
            sections_done=0,
            error="",
        )
    spec = ReportSpec.from_report(report)

    relative = Path("reports") / str(report.fiscal_year) / f"report-{report.pk}.pdf"
    final_path = Path(settings.MEDIA_ROOT) / relative
    final_path.parent.mkdir(parents=True, exist_ok=True)
    # An attempt killed mid-render (SIGKILL, OOM) leaves its temporary file behind; only one
    # attempt runs at a time (acks_late, visibility timeout > time limit), so remove them.
    prefix = f"report-{report.pk}-"
    for stale in final_path.parent.glob(f"{prefix}*.pdf.part"):
        stale.unlink(missing_ok=True)
    for stale in final_path.parent.glob(f"{prefix}*.xlsx.part"):
        stale.unlink(missing_ok=True)
    on_progress = _progress_saver(report)
    data = gather_report(spec, on_progress)
    _write_atomically(final_path, prefix, ".pdf.part", lambda tmp: build_pdf(data, tmp, on_progress))
    # The same figures as a spreadsheet, written the same way, before the row says done.
    _write_atomically(final_path.with_suffix(".xlsx"), prefix, ".xlsx.part", lambda tmp: build_xlsx(data, tmp))
    report.file.name = str(relative)
    report.xlsx.name = str(relative.with_suffix(".xlsx"))
    _set(
        report,
        file=report.file,
        xlsx=report.xlsx,
        status=ReportStatus.DONE,
        progress=100,
        sections_done=report.sections_total,
        finished_at=timezone.now(),
    )
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


def report_filename(report: Report, ext: str = "pdf") -> str:
    where = _area_code(
        scope=report.scope, province=report.province, district=report.district, council=report.council, region=report.region
    )
    where = "national" if where == "-" else f"{report.scope}-{where}"
    quarter = f"-q{report.quarter}" if report.quarter else ""
    version = f"-v{report.version}" if report.version > 1 else ""
    return f"report-{report.kind}-{report.fiscal_year}{quarter}-{where}{version}.{ext}"
