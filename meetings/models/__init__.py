"""The coordination app's models, one module per subject, re-exported here."""

from .meeting import Meeting
from .obstacle import Obstacle, Response
from .suggestion import Suggestion

__all__ = ["Meeting", "Obstacle", "Response", "Suggestion"]
