from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import ApiToken, RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ("council", "district", "agency")
    filter_horizontal = ("provinces",)


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "display_name", "email", "is_active", "is_staff")
    search_fields = ("username", "display_name", "email")
    fieldsets = BaseUserAdmin.fieldsets + (("ข้อมูลเพิ่มเติม", {"fields": ("display_name",)}),)
    inlines = [RoleAssignmentInline]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ("user", "role", "council", "district", "agency")
    list_filter = ("role",)
    search_fields = ("user__username", "user__display_name")
    raw_id_fields = ("user", "council", "district", "agency")
    filter_horizontal = ("provinces",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Personal tokens, made by their users on /accounts/tokens/: administrators see and revoke
    them (set "revoked at"); the key itself is never stored, only its hash."""

    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("user__username", "name", "prefix")
    readonly_fields = ("user", "name", "prefix", "key_hash", "created_at", "last_used_at")

    def has_add_permission(self, request):
        return False
