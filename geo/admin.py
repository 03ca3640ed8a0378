from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from geo.models import District, Province, Region, Subdistrict, Theme


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


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_th")
    search_fields = ("code", "name_th")
    filter_horizontal = ("provinces",)
