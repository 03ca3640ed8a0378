"""Every write of the plans app, one module per part:

community.py   community plans and their items (council staff)
alignment.py   the district officer's alignment review
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

__all__ = [
    "alignment_review",
    "community_plan_copy",
    "community_plan_create",
    "community_plan_delete",
    "community_plan_update",
    "plan_item_add",
    "plan_item_delete",
    "plan_item_ensure_alignment",
    "plan_item_update",
]
