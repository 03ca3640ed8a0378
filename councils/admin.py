from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, CommunityOrganization, Council, District, Province, Subdistrict, Theme


@admin.register(Province)
class ProvinceAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_th", "name_en")
    search_fields = ("code", "name_th", "name_en")


@admin.register(District)
class DistrictAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_th", "name_en", "province")
    list_filter = ("province",)
    search_fields = ("code", "name_th", "name_en")
    list_select_related = ("province",)


@admin.register(Subdistrict)
class SubdistrictAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_th", "name_en", "district")
    list_filter = ("district__province",)
    search_fields = ("code", "name_th", "name_en")
    list_select_related = ("district",)
    raw_id_fields = ("district",)


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_th")
    search_fields = ("code", "name_th")


@admin.register(Council)
class CouncilAdmin(SimpleHistoryAdmin):
    list_display = ("name", "subdistrict", "status", "registration_number", "is_published")
    list_filter = ("status", "is_published", "subdistrict__district__province")
    search_fields = ("name", "subdistrict__code", "subdistrict__name_th", "registration_number")
    list_select_related = ("subdistrict",)
    raw_id_fields = ("subdistrict",)


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ("title", "council", "date", "kind", "participants", "fiscal_year")
    list_filter = ("kind", "fiscal_year", "council__subdistrict__district__province")
    search_fields = ("title", "description", "council__name")
    date_hierarchy = "date"
    list_select_related = ("council",)
    raw_id_fields = ("council", "created_by")


@admin.register(CommunityOrganization)
class CommunityOrganizationAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "kind", "council", "member_count")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    list_select_related = ("council",)
    raw_id_fields = ("council",)
