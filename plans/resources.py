"""django-import-export resource for the admin: community plan items, one row each, with
Thai column headers. A row meets the same checks as an item written on the pages
(``plan_item_check``: budget, priority, an agency that covers the council) and is saved
with its alignment row (``plan_item_ensure_alignment``), like every other door."""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from agencies.models import Agency
from geo.models import Theme

from .choices import Priority
from .models import CommunityPlan, PlanItem
from .services.community import parse_budget, plan_item_check, plan_item_ensure_alignment


class BudgetWidget(widgets.Widget):
    """Baht as offices type it: "50000", "50,000", "๕๐,๐๐๐"; negative refused in Thai."""

    def clean(self, value, row=None, **kwargs):
        try:
            return parse_budget(value)
        except ValidationError as error:
            raise ValueError(error.message_dict["budget_needed"][0]) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else f"{value:.2f}"


class PriorityWidget(widgets.Widget):
    """The priority by its Thai label (สูง / กลาง / ต่ำ) or its number; blank is กลาง."""

    LABELS = {str(label): value for value, label in Priority.choices}

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return Priority.MEDIUM
        if text in self.LABELS:
            return self.LABELS[text]
        if text.isdigit() and int(text) in Priority.values:
            return int(text)
        raise ValueError("ลำดับความสำคัญต้องเป็น " + " / ".join(self.LABELS))

    def render(self, value, obj=None, **kwargs):
        return str(Priority(value).label) if value in Priority.values else ""


class PlanItemResource(resources.ModelResource):
    plan = fields.Field(attribute="plan", column_name="รหัสแผน", widget=widgets.ForeignKeyWidget(CommunityPlan, "pk"))
    theme = fields.Field(attribute="theme", column_name="รหัสประเด็น", widget=widgets.ForeignKeyWidget(Theme, "code"))
    title = fields.Field(attribute="title", column_name="ชื่อรายการ/โครงการ")
    description = fields.Field(attribute="description", column_name="รายละเอียด")
    target_group = fields.Field(attribute="target_group", column_name="กลุ่มเป้าหมาย")
    location = fields.Field(attribute="location", column_name="พื้นที่ดำเนินการ")
    budget_needed = fields.Field(attribute="budget_needed", column_name="งบประมาณที่ต้องการ (บาท)", widget=BudgetWidget())
    priority = fields.Field(attribute="priority", column_name="ลำดับความสำคัญ", widget=PriorityWidget())
    target_agency = fields.Field(
        attribute="target_agency", column_name="รหัสหน่วยงานที่เสนอ", widget=widgets.ForeignKeyWidget(Agency, "pk")
    )

    class Meta:
        model = PlanItem
        fields = ("plan", "theme", "title", "description", "target_group", "location", "budget_needed", "priority",
                  "target_agency")  # fmt: skip
        force_init_instance = True  # a row is always a new item
        clean_model_instances = True

    def get_queryset(self):
        return PlanItem.objects.select_related("plan", "theme", "target_agency")

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        for name in ("title", "description", "target_group", "location"):
            setattr(instance, name, (getattr(instance, name) or "").strip())
        if instance.plan_id:
            plan_item_check(instance)

    def after_save_instance(self, instance, row, **kwargs):
        plan_item_ensure_alignment(item=instance)
