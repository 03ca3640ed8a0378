from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Meeting


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "district", "council", "date", "is_published")
    list_filter = ("kind", "is_published")
    search_fields = ("title", "minutes")
    date_hierarchy = "date"
    raw_id_fields = ("district", "council")
