"""Writes to community plans and their items (the council's own staff)."""

from django.db import transaction

from ..models import Alignment, CommunityPlan, PlanItem


@transaction.atomic
def plan_item_add(
    *, plan: CommunityPlan, theme, description: str = "", budget_needed=0, title: str = "", **fields
) -> PlanItem:
    """Add an item to a plan, always with its alignment row (pending review)."""
    description = description.strip()
    title = title.strip() or (description.splitlines()[0][:255] if description else "")
    item = PlanItem(
        plan=plan, theme=theme, title=title, description=description, budget_needed=budget_needed, **fields
    )
    item.full_clean()
    item.save()
    Alignment.objects.create(plan_item=item)
    return item
