from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Alignment,
    BudgetCalendarDate,
    CommunityPlan,
    LocalPlanProject,
    PlanItem,
    ProposalBudgetLine,
    ProposalEvent,
    SubsidyProposal,
)


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


# Subsidy proposals and the budget calendar ------------------------------------------------


class ProposalBudgetLineInline(admin.TabularInline):
    model = ProposalBudgetLine
    extra = 0


class ProposalEventInline(admin.TabularInline):
    model = ProposalEvent
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "amount", "note", "by", "at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SubsidyProposal)
class SubsidyProposalAdmin(SimpleHistoryAdmin):
    """Read and correct; the moves themselves are made on the proposal's page (services)."""

    list_display = ("title", "council", "recipient", "fiscal_year", "status", "amount_requested", "amount_approved")
    list_filter = ("status", "fiscal_year")
    search_fields = ("title", "council__name", "recipient__name")
    raw_id_fields = ("council", "recipient", "theme", "plan_items", "decided_by", "created_by")
    readonly_fields = ("status", "submitted_at", "considered_in_year", "decided_at", "decided_by")
    inlines = [ProposalBudgetLineInline, ProposalEventInline]


@admin.register(BudgetCalendarDate)
class BudgetCalendarDateAdmin(SimpleHistoryAdmin):
    """An LAO's own key date for a fiscal year (the defaults apply where none is set)."""

    list_display = ("lao", "fiscal_year", "kind", "date", "note", "updated_by")
    list_filter = ("fiscal_year", "kind")
    search_fields = ("lao__name", "lao__dla_code", "note")
    raw_id_fields = ("lao",)
    readonly_fields = ("updated_by",)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
