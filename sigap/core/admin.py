from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from sigap.core.models import Agency, AuditEvent, Country, Region

admin.site.site_header = _("SIGAP administration")
admin.site.site_title = "SIGAP"


# One way in: the admin's own login form would skip SIGAP's address limit, so it sends people
# to SIGAP's login (password, lockout, second factor).
def _login(request: HttpRequest, extra_context: Any = None) -> HttpResponse:
    if request.user.is_authenticated:
        raise PermissionDenied  # signed in, but not staff
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))


admin.site.login = _login  # type: ignore[method-assign]
# Users are managed on SIGAP's own pages (audited, behind re-confirmation), not here.
# Authenticator secrets are for nobody's eyes, administrators included; task arguments may
# name records.
for hidden in (TOTPDevice, StaticDevice, DBTaskResult, Group):
    if admin.site.is_registered(hidden):
        admin.site.unregister(hidden)


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
