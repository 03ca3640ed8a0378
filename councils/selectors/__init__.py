"""Every read in the councils app, scoped to the user, one module per concern."""

from .councils import (
    activities_visible_to,
    council_activities,
    council_for_edit,
    council_for_page,
    council_summary,
    councils_public,
    councils_visible_to,
    district_in_scope,
    provinces_for_choice,
)

__all__ = [
    "activities_visible_to",
    "council_activities",
    "council_for_edit",
    "council_for_page",
    "council_summary",
    "councils_public",
    "councils_visible_to",
    "district_in_scope",
    "provinces_for_choice",
]
