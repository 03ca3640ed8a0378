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


# Monitoring indicators: the catalogue and targets here too; values only to read (they move
# through the services: entered, submitted, approved or returned on the pages or the API).
from .models import Indicator, IndicatorTarget, IndicatorValue, Period  # noqa: E402


@admin.register(Indicator)
class MonitoringIndicatorAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_th", "level", "periodicity", "aggregation", "computed", "is_active")
    list_filter = ("level", "periodicity", "kind", "is_active")
    search_fields = ("code", "name_th")


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ("__str__", "fiscal_year", "quarter")


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(SimpleHistoryAdmin):
    list_display = ("indicator", "period", "area_key", "value", "text")
    list_filter = ("level", "period")
    # Set on the catalogue's target page (services.target_set keeps the area consistent).

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ("indicator", "period", "area_key", "value", "status", "submitted_at", "decided_by")
    list_filter = ("status", "level", "period")
    search_fields = ("area_key", "indicator__code")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
