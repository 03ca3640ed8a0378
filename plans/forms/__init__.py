"""The plans app's forms, one module per part."""

from .alignment import AlignmentAcceptForm, AlignmentReviewForm, ReviewFilterForm

__all__ = ["AlignmentAcceptForm", "AlignmentReviewForm", "ReviewFilterForm"]
