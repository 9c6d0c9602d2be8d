"""The service catalogue and the services agencies provide are reference data the
administrator edits (each task force's decree differs)."""

from __future__ import annotations

from django.contrib import admin

from sigap.referrals.models import AgencyService, ServiceType


@admin.register(ServiceType)
class ServiceTypeAdmin(admin.ModelAdmin[ServiceType]):
    list_display = ("order", "name_id", "name_en", "days_allowed", "is_active")
    list_display_links = ("name_id",)
    ordering = ("order",)


@admin.register(AgencyService)
class AgencyServiceAdmin(admin.ModelAdmin[AgencyService]):
    list_display = ("agency", "service_type", "region")
    list_filter = ("service_type",)
    autocomplete_fields = ("agency",)
    raw_id_fields = ("region",)
