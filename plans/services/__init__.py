"""Every write of the plans app, one module per part:

  community.py   community plans and their items (council staff)
  alignment.py   the district officer's alignment review
"""

from .alignment import alignment_review
from .community import plan_item_add

__all__ = ["alignment_review", "plan_item_add"]
