from django.contrib import admin
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from common.forms import ServiceCheckedModelForm

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
from .resources import PlanItemResource
from .services.community import community_plan_check, plan_item_check, plan_item_ensure_alignment


class CommunityPlanAdminForm(ServiceCheckedModelForm):
    def service_check(self):
        community_plan_check(self.instance)


class PlanItemAdminForm(ServiceCheckedModelForm):
    """The checks ``plan_item_add`` runs (budget, priority, an agency covering the council)."""

    def service_check(self):
        if self.instance.plan_id:
            plan_item_check(self.instance)


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    form = PlanItemAdminForm
    fk_name = "plan"
    extra = 0
    raw_id_fields = ("theme", "target_agency", "copied_from")


@admin.register(CommunityPlan)
class CommunityPlanAdmin(SimpleHistoryAdmin):
    form = CommunityPlanAdminForm
    list_display = ("title", "council", "fiscal_year")
    list_filter = ("fiscal_year",)
    search_fields = ("title", "council__name", "council__subdistrict__code")
    raw_id_fields = ("council", "copied_from")
    inlines = [PlanItemInline]

    def save_formset(self, request, form, formset, change):
        """Items added in the inline get their alignment row, as ``plan_item_add`` gives it."""
        super().save_formset(request, form, formset, change)
        if formset.model is PlanItem:
            for item in formset.new_objects:
                plan_item_ensure_alignment(item=item)


@admin.register(PlanItem)
class PlanItemAdmin(ImportExportMixin, SimpleHistoryAdmin):
    form = PlanItemAdminForm
    resource_classes = [PlanItemResource]
    list_display = ("title", "plan", "theme", "budget_needed")
    list_filter = ("theme", "plan__fiscal_year")
    search_fields = ("title", "description", "plan__title")
    raw_id_fields = ("plan", "theme", "target_agency", "copied_from")

    def save_model(self, request, obj, form, change):
        """An item saved here gets its alignment row, as ``plan_item_add`` gives it."""
        super().save_model(request, obj, form, change)
        plan_item_ensure_alignment(item=obj)


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
