from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ActionItem,
    AgendaItem,
    DistrictMechanism,
    MechanismMember,
    Meeting,
    MeetingPhoto,
    Obstacle,
    Suggestion,
)


class MechanismMemberInline(admin.TabularInline):
    model = MechanismMember
    extra = 0
    raw_id_fields = ("user", "council", "agency")


@admin.register(DistrictMechanism)
class DistrictMechanismAdmin(SimpleHistoryAdmin):
    list_display = ("name", "district", "established_on")
    search_fields = ("name", "district__name_th", "district__code")
    raw_id_fields = ("district",)
    inlines = [MechanismMemberInline]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class MeetingPhotoInline(admin.TabularInline):
    model = MeetingPhoto
    extra = 0
    fields = ("image", "caption", "in_report", "added_by", "created_at")
    readonly_fields = ("image", "added_by", "created_at")


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "district", "council", "date", "status")
    list_filter = ("kind", "status")
    search_fields = ("title",)
    date_hierarchy = "date"
    raw_id_fields = ("district", "council", "mechanism", "source_activity", "created_by")
    readonly_fields = ("status", "published_at", "minutes")
    inlines = [AgendaItemInline, MeetingPhotoInline]


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ("title", "assignee_agency", "assignee_council", "due_date", "status")
    list_filter = ("status",)
    raw_id_fields = ("resolution", "assignee_agency", "assignee_council", "created_by")
    readonly_fields = ("status",)


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
