"""The plans app's forms, one module per part."""

from .alignment import AlignmentReviewForm

__all__ = ["AlignmentReviewForm"]
