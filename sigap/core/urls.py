from django.urls import path

from sigap.core import audit_views, views

app_name = "core"

urlpatterns = [
    path("wilayah/", views.region_lookup, name="region_lookup"),
    path("instansi/", views.agency_list, name="agency_list"),
    path("audit/", audit_views.audit_list, name="audit_list"),
    path("audit/ekspor/", audit_views.audit_export, name="audit_export"),
]
