"""Every write in the councils app, one module per concern.

Import the concern's module (``from councils.services import members``); the activity
services are re-exported here as the app's first concern.
"""

from .activities import activity_log, activity_update

__all__ = ["activity_log", "activity_update"]
