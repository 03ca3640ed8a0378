"""The plans app's models, one module per part (import from here)."""

from .calendar import BudgetCalendarDate
from .community import Alignment, CommunityPlan, PlanItem
from .compile import DistrictPlanPdf
from .local import LocalPlan, LocalPlanAmendment, LocalPlanProject, LocalPlanProjectBudget
from .local_import import LocalPlanImport
from .proposals import ProposalBudgetLine, ProposalDocument, ProposalEvent, SubsidyProposal

__all__ = [
    "Alignment",
    "BudgetCalendarDate",
    "CommunityPlan",
    "DistrictPlanPdf",
    "LocalPlan",
    "LocalPlanAmendment",
    "LocalPlanImport",
    "LocalPlanProject",
    "LocalPlanProjectBudget",
    "PlanItem",
    "ProposalBudgetLine",
    "ProposalDocument",
    "ProposalEvent",
    "SubsidyProposal",
]
