"""Every read of the plans app, scoped to the user, one module per part:

alignment.py   plan items for review, alignment summaries, LAO projects of a district
community.py   a council's community plans and their items (with alignment, proposals
               and the budget window)
"""

from .alignment import (
    alignment_summary_by_tambon,
    alignments_visible_to,
    local_plan_projects_for_district,
    local_plan_projects_visible_to,
    plan_items_for_review,
    plan_items_visible_to,
)

__all__ = [
    "alignment_summary_by_tambon",
    "alignments_visible_to",
    "local_plan_projects_for_district",
    "local_plan_projects_visible_to",
    "plan_items_for_review",
    "plan_items_visible_to",
]
