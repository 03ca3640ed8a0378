from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Meeting, Obstacle, Suggestion


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "district", "council", "date", "is_published")
    list_filter = ("kind", "is_published")
    search_fields = ("title", "minutes")
    date_hierarchy = "date"
    raw_id_fields = ("district", "council")


@admin.register(Obstacle)
class ObstacleAdmin(SimpleHistoryAdmin):
    list_display = ("title", "council", "agency", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("title", "detail")
    raw_id_fields = ("council", "agency", "activity", "plan_item", "raised_by")
    readonly_fields = ("status", "first_answered_at", "overdue_notified_at")


@admin.register(Suggestion)
class SuggestionAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "district", "status", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("district", "sender", "moderated_by", "answered_by")
    readonly_fields = ("status",)
