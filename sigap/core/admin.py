from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from sigap.core.models import Agency, AuditEvent, Country, Region, User

admin.site.site_header = _("SIGAP administration")
admin.site.site_title = "SIGAP"
# One way in: the admin's own login form would skip SIGAP's address limit, so it sends people
# to SIGAP's login (password, lockout, second factor).
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]
# Authenticator secrets are not for anyone's eyes, administrators included: resets go through
# the user management pages.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")
    raw_id_fields = ("parent",)
    list_select_related = ("parent",)
    show_full_result_count = False


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin[Country]):
    list_display = ("code", "alpha3", "name_id", "name_en")
    search_fields = ("code", "alpha3", "name_id", "name_en")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin[Agency]):
    list_display = ("name", "short_name", "kind", "jurisdiction", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "short_name", "slug")
    raw_id_fields = ("jurisdiction",)
    list_select_related = ("jurisdiction",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "agency", "role", "region", "is_active")
    list_filter = ("role", "is_active", "agency__kind")
    list_select_related = ("agency", "region")
    raw_id_fields = ("region",)
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Task force"), {"fields": ("agency", "role", "region")}),
    )


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """Read-only: the audit log is append-only."""

    list_display = ("at", "actor_label", "action", "object_type", "object_id", "ip_address")
    list_filter = ("action",)
    search_fields = ("actor_label", "object_type", "object_id")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
