from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Report, ReportNarrative


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = (
        "__str__", "kind", "fiscal_year", "quarter", "scope", "version", "status", "progress", "is_published",
        "requested_by", "requested_at",
    )
    list_filter = ("status", "kind", "scope", "fiscal_year", "quarter", "is_published")
    search_fields = ("key", "error", "requested_by__username")
    raw_id_fields = ("region", "province", "district", "council", "requested_by", "published_by")
    readonly_fields = (
        "key", "version", "requested_at", "started_at", "finished_at", "attempts", "sections_total", "sections_done",
    )


@admin.register(ReportNarrative)
class ReportNarrativeAdmin(SimpleHistoryAdmin):
    list_display = ("fiscal_year", "updated_by", "updated_at")
    raw_id_fields = ("updated_by",)
    readonly_fields = ("updated_at",)
