"""Every read of the plans app, scoped to the user, one module per part:

  alignment.py     plan items for review, alignment summaries, LAO projects of a district
  local_plans.py   LAO local plans, their projects as of a date, amendments, import jobs
  proposals.py     subsidy proposals (lists, one proposal, what a council may draw on)
  calendar.py      the budget calendar of an LAO
  community.py     a council's community plans and their items (with alignment, proposals
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
