from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, CooperationAgreement, Mission


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "dla_code", "province", "district")
    list_filter = ("kind", "province")
    search_fields = ("name", "dla_code")
    list_select_related = ("province", "district")
    raw_id_fields = ("province", "district", "subdistrict")


@admin.register(Mission)
class MissionAdmin(SimpleHistoryAdmin):
    list_display = ("title", "agency", "theme", "fiscal_year")
    list_filter = ("fiscal_year", "theme")
    search_fields = ("title", "agency__name")
    list_select_related = ("agency", "theme")
    raw_id_fields = ("agency",)


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(SimpleHistoryAdmin):
    """Files uploaded here skip the PDF check of the pages: upload the signed PDF on the
    agency's page (agencies.services.agreement_create)."""

    list_display = ("title", "agency", "signed_on", "is_public")
    search_fields = ("title", "agency__name")
    list_select_related = ("agency",)
    raw_id_fields = ("agency", "other_agencies", "province", "district")
    readonly_fields = ("file",)
