from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Report


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "fiscal_year", "scope", "province", "status", "progress", "requested_by", "requested_at")
    list_filter = ("status", "kind", "scope", "fiscal_year")
    search_fields = ("error", "requested_by__username")
    raw_id_fields = ("province", "requested_by")
    readonly_fields = ("requested_at", "started_at", "finished_at", "attempts")
