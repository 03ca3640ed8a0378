from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Alignment, CommunityPlan, LocalPlanProject, PlanItem


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0
    raw_id_fields = ("theme",)


@admin.register(CommunityPlan)
class CommunityPlanAdmin(SimpleHistoryAdmin):
    list_display = ("title", "council", "fiscal_year")
    list_filter = ("fiscal_year",)
    search_fields = ("title", "council__name", "council__subdistrict__code")
    raw_id_fields = ("council",)
    inlines = [PlanItemInline]


@admin.register(PlanItem)
class PlanItemAdmin(SimpleHistoryAdmin):
    list_display = ("description", "plan", "theme", "budget_needed")
    list_filter = ("theme", "plan__fiscal_year")
    search_fields = ("description", "plan__title")
    raw_id_fields = ("plan", "theme")


@admin.register(LocalPlanProject)
class LocalPlanProjectAdmin(SimpleHistoryAdmin):
    list_display = ("title", "lao", "fiscal_year", "budget")
    list_filter = ("fiscal_year",)
    search_fields = ("title", "lao__name", "lao__dla_code")
    raw_id_fields = ("lao",)


@admin.register(Alignment)
class AlignmentAdmin(SimpleHistoryAdmin):
    list_display = ("plan_item", "status", "local_plan_project", "reviewed_by", "reviewed_at")
    list_filter = ("status",)
    search_fields = ("plan_item__description", "note")
    raw_id_fields = ("plan_item", "local_plan_project", "reviewed_by")
