"""Serializers of the councils API, one module per concern: outputs (``*Serializer``) and
inputs (``*InputSerializer``, validated, then handed to a service). Views import from here."""

from .assessments import (
    AssessmentInputSerializer,
    AssessmentSerializer,
    IndicatorSetSerializer,
    MentoringVisitSerializer,
    MentorshipDetailSerializer,
    MentorshipEndInputSerializer,
    MentorshipInputSerializer,
    MentorshipSerializer,
    SuggestionQuerySerializer,
    SuggestionSerializer,
    VisitInputSerializer,
)
from .members import (
    EndTermSerializer,
    MemberInputSerializer,
    MemberSerializer,
    MemberUpdateSerializer,
    NationalIdRevealSerializer,
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
    "NationalIdRevealSerializer",
    "OrganizationInputSerializer",
    "OrganizationSerializer",
    "PersonSerializer",
    "RevealSerializer",
    "SuggestionQuerySerializer",
    "SuggestionSerializer",
    "VisitInputSerializer",
]
