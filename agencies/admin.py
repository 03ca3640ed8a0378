from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "dla_code", "province", "district")
    list_filter = ("kind", "province")
    search_fields = ("name", "dla_code")
    list_select_related = ("province", "district")
    raw_id_fields = ("province", "district", "subdistrict")
