"""Serializers of the councils API, one module per concern: outputs (``*Serializer``) and
inputs (``*InputSerializer``, validated, then handed to a service). Views import from here."""

from .assessments import (
    CODE_HELP,
    AssessmentInputSerializer,
    AssessmentSerializer,
    IndicatorSetSerializer,
    MentoringVisitSerializer,
    MentorshipDetailSerializer,
    MentorshipEndInputSerializer,
    MentorshipInputSerializer,
    MentorshipSerializer,
    SuggestionSerializer,
    VisitInputSerializer,
)
from .members import (
    EndTermSerializer,
    MemberInputSerializer,
    MemberSerializer,
    MemberUpdateSerializer,
    PersonSerializer,
    RevealSerializer,
)
from .registry import (
    ActivityInputSerializer,
    ActivitySerializer,
    ActivityUpdateInputSerializer,
    CouncilProfileInputSerializer,
    CouncilSerializer,
    HistoryEntrySerializer,
    OrganizationInputSerializer,
    OrganizationSerializer,
)

__all__ = [
    "CODE_HELP",
    "ActivityInputSerializer",
    "ActivitySerializer",
    "ActivityUpdateInputSerializer",
    "AssessmentInputSerializer",
    "AssessmentSerializer",
    "CouncilProfileInputSerializer",
    "CouncilSerializer",
    "EndTermSerializer",
    "HistoryEntrySerializer",
    "IndicatorSetSerializer",
    "MemberInputSerializer",
    "MemberSerializer",
    "MemberUpdateSerializer",
    "MentoringVisitSerializer",
    "MentorshipDetailSerializer",
    "MentorshipEndInputSerializer",
    "MentorshipInputSerializer",
    "MentorshipSerializer",
    "OrganizationInputSerializer",
    "OrganizationSerializer",
    "PersonSerializer",
    "RevealSerializer",
    "SuggestionSerializer",
    "VisitInputSerializer",
]
