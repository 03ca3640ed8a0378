"""Every write of the plans app, one module per part:

community.py     community plans and their items (council staff)
alignment.py     the district officer's alignment review
local_plans.py   LAO local plans, amendments, projects and their budget lines (LAO staff)
local_import.py  importing e-Plan rows into a local plan (LAO staff)
"""

from .alignment import alignment_review
from .community import (
    community_plan_copy,
    community_plan_create,
    community_plan_delete,
    community_plan_update,
    plan_item_add,
    plan_item_delete,
    plan_item_ensure_alignment,
    plan_item_update,
)
from .local_import import local_plan_import_create
from .local_plans import (
    local_plan_amendment_apply,
    local_plan_amendment_create,
    local_plan_create,
    local_plan_project_add,
    local_plan_project_change,
    local_plan_project_delete,
    local_plan_project_update,
    local_plan_project_withdraw,
)

__all__ = [
    "alignment_review",
    "community_plan_copy",
    "community_plan_create",
    "community_plan_delete",
    "community_plan_update",
    "local_plan_amendment_apply",
    "local_plan_amendment_create",
    "local_plan_create",
    "local_plan_import_create",
    "local_plan_project_add",
    "local_plan_project_change",
    "local_plan_project_delete",
    "local_plan_project_update",
    "local_plan_project_withdraw",
    "plan_item_add",
    "plan_item_delete",
    "plan_item_ensure_alignment",
    "plan_item_update",
]
