"""Council models, one module per concern, re-exported here."""

from .activity import Activity, ActivityPhoto
from .assessment import Assessment, AssessmentScore, Indicator, IndicatorSet
from .council import Council
from .imports import ExportJob, ImportJob
from .member import CouncilMember, NationalIdReveal, Person
from .mentorship import MentoringVisit, Mentorship
from .organization import CommunityOrganization

__all__ = [
    "Activity",
    "ActivityPhoto",
    "Assessment",
    "AssessmentScore",
    "CommunityOrganization",
    "Council",
    "CouncilMember",
    "ExportJob",
    "ImportJob",
    "Indicator",
    "IndicatorSet",
    "MentoringVisit",
    "Mentorship",
    "NationalIdReveal",
    "Person",
]
