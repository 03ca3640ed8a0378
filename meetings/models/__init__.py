"""The coordination app's models, one module per subject, re-exported here."""

from .actions import ActionItem, ActionUpdate, Resolution
from .lesson import Lesson
from .mechanism import DistrictMechanism, MechanismMember
from .meeting import AgendaItem, Attendance, Invitation, Meeting, MeetingAttachment
from .obstacle import Obstacle, Response
from .photo import MeetingPhoto
from .suggestion import Suggestion

__all__ = [
    "ActionItem",
    "ActionUpdate",
    "AgendaItem",
    "Attendance",
    "DistrictMechanism",
    "Invitation",
    "Lesson",
    "MechanismMember",
    "Meeting",
    "MeetingAttachment",
    "MeetingPhoto",
    "Obstacle",
    "Resolution",
    "Response",
    "Suggestion",
]
