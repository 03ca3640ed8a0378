"""The annual report's photos (ภาพกิจกรรม): the photos chosen for it (``in_report``) from
the area's activities of the fiscal year (by councils' staff or CODI staff) and from the
meetings in the area held in it (by whoever manages the meeting), at most REPORT_PHOTOS_MAX
picked fairly across provinces and places (``meetings.reporting.report_photos``), each with
its caption, place (a council, a district) and date, two per row. Each goes to WeasyPrint as its print
copy (``reports.rendering.photos``), never as the stored file."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from common.thai import thai_date
from meetings import reporting as meetings_reporting

from ..rendering.photos import print_copy
from .base import ReportArea, Section


def gather_photos(area: ReportArea) -> dict:
    chosen = meetings_reporting.report_photos(
        subdistricts=area.subdistricts, fiscal_year=area.spec.fiscal_year, limit=settings.REPORT_PHOTOS_MAX
    )
    photos = []
    for photo in chosen:
        path = print_copy(photo["name"])
        if path is not None:
            photos.append({**photo, "src": path.as_uri()})
    rows = [photos[i : i + 2] for i in range(0, len(photos), 2)]
    return {"photos": photos, "photo_rows": rows, "total": len(photos)}


def _xlsx(ctx: dict) -> list[list]:
    lines = [[_("ภาพกิจกรรมในรายงาน"), ctx["total"]], [_("คำบรรยายภาพ"), _("สถานที่"), _("วันที่")]]
    return lines + [[p["caption"], p["place"], thai_date(p["date"])] for p in ctx["photos"]]


PHOTOS = Section("photos", _lazy("ภาพกิจกรรม"), gather_photos, chapter=False, xlsx_rows=_xlsx)
