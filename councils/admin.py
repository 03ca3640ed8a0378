from django.contrib import admin
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin

from common.forms import ServiceCheckedModelForm

from . import resources
from .models import Activity, CommunityOrganization, Council
from .services.registry import council_check, organization_check


class CouncilAdminForm(ServiceCheckedModelForm):
    def service_check(self):
        council_check(self.instance, lao_changed="lao" in self.changed_data)


class CommunityOrganizationAdminForm(ServiceCheckedModelForm):
    def service_check(self):
        organization_check(self.instance)


@admin.register(Council)
class CouncilAdmin(ImportExportMixin, SimpleHistoryAdmin):
    form = CouncilAdminForm
    resource_classes = [resources.CouncilResource]  # import/export with Thai headers
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
class CommunityOrganizationAdmin(ImportExportMixin, SimpleHistoryAdmin):
    form = CommunityOrganizationAdminForm
    resource_classes = [resources.CommunityOrganizationResource]
    list_display = ("code", "name", "kind", "council", "member_count")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    list_select_related = ("council",)
    raw_id_fields = ("council",)


# Council members and people (PDPA). The national ID is never shown here in full; erasing
# a person goes through councils.services.members.person_erase (which also removes history),
# so deleting a person in the admin is switched off.
from . import pdpa  # noqa: E402
from .models import CouncilMember, NationalIdReveal, Person  # noqa: E402


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("full_name", "masked_national_id", "updated_at")
    search_fields = ("full_name",)
    fields = ("full_name", "phone", "masked_national_id")
    readonly_fields = ("masked_national_id",)

    @admin.display(description="เลขประจำตัวประชาชน")
    def masked_national_id(self, obj):
        return pdpa.person_masked_national_id(obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CouncilMember)
class CouncilMemberAdmin(ImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [resources.CouncilMemberResource]  # never a national ID
    list_display = ("person", "council", "position", "term_start", "term_end")
    list_filter = ("position", "council__subdistrict__district__province")
    search_fields = ("person__full_name", "council__name", "council__subdistrict__code")
    list_select_related = ("person", "council")
    raw_id_fields = ("council", "person", "organization")


@admin.register(NationalIdReveal)
class NationalIdRevealAdmin(admin.ModelAdmin):
    """The reveal log: read only."""

    list_display = ("revealed_at", "revealed_by", "person", "purpose")
    list_select_related = ("revealed_by", "person")
    date_hierarchy = "revealed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Quality assessment and mentor tambons. Indicator sets are configured here; assessments
# and mentorships are recorded through the portal's services (levels are computed there),
# so the admin shows them read only.
from .models import Assessment, AssessmentScore, Indicator, IndicatorSet, MentoringVisit, Mentorship  # noqa: E402


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ("order", "code", "name", "theme", "max_score")


@admin.register(IndicatorSet)
class IndicatorSetAdmin(SimpleHistoryAdmin):
    list_display = ("name", "is_active", "strong_min", "medium_min", "pass_min", "created_at")
    list_filter = ("is_active",)
    inlines = [IndicatorInline]


class AssessmentScoreInline(admin.TabularInline):
    model = AssessmentScore
    extra = 0
    can_delete = False
    fields = readonly_fields = ("indicator", "score")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ("council", "fiscal_year", "level", "percent", "passed", "assessed_on")
    list_filter = ("fiscal_year", "level", "passed")
    search_fields = ("council__name", "council__subdistrict__code")
    list_select_related = ("council",)
    inlines = [AssessmentScoreInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MentoringVisitInline(admin.TabularInline):
    model = MentoringVisit
    extra = 0
    fields = readonly_fields = ("date", "participants", "notes", "recorded_by")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Mentorship)
class MentorshipAdmin(SimpleHistoryAdmin):
    list_display = ("mentor", "mentee", "status", "started_on", "ended_on")
    list_filter = ("status",)
    search_fields = ("mentor__name", "mentee__name", "mentor__subdistrict__code", "mentee__subdistrict__code")
    list_select_related = ("mentor", "mentee")
    raw_id_fields = ("mentor", "mentee")
    inlines = [MentoringVisitInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# Import and export jobs (common.jobs): written by councils.services only, so read only here.
from .models import ExportJob, ImportJob  # noqa: E402


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("requested_at", "kind", "original_name", "stage", "status", "total_rows", "error_rows",
                    "imported_rows", "attempts", "requested_by")
    list_filter = ("kind", "stage", "status")
    list_select_related = ("requested_by",)
    readonly_fields = [f.name for f in ImportJob._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    """The files are not linked from here: only the user who asked may download one."""

    list_display = ("requested_at", "kind", "file_format", "status", "total_rows", "attempts", "requested_by")
    list_filter = ("kind", "file_format", "status")
    list_select_related = ("requested_by",)
    exclude = ("file",)
    readonly_fields = [f.name for f in ExportJob._meta.fields if f.name != "file"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# Activity photos (already resized by councils.images.web_photo when uploaded) -------------------
from .models import ActivityPhoto  # noqa: E402


@admin.register(ActivityPhoto)
class ActivityPhotoAdmin(admin.ModelAdmin):
    list_display = ("activity", "caption", "in_report", "width", "height", "created_at")
    list_filter = ("in_report",)
    search_fields = ("activity__title", "caption")
    list_select_related = ("activity",)
    raw_id_fields = ("activity",)
