from django.urls import path

from sigap.core import audit_views, user_views, views

app_name = "core"

urlpatterns = [
    path("wilayah/", views.region_lookup, name="region_lookup"),
    path("instansi/", views.agency_list, name="agency_list"),
    path("audit/", audit_views.audit_list, name="audit_list"),
    path("pengguna/", user_views.user_list, name="user_list"),
    path("pengguna/baru/", user_views.user_create, name="user_create"),
    path("pengguna/<int:pk>/", user_views.user_detail, name="user_detail"),
    path("pengguna/<int:pk>/ubah/", user_views.user_edit, name="user_edit"),
    path("pengguna/<int:pk>/status/", user_views.user_set_active, name="user_set_active"),
    path("pengguna/<int:pk>/reset-2fa/", user_views.user_reset_two_factor, name="user_reset_2fa"),
    path("pengguna/<int:pk>/mutasi/", user_views.user_transfer_work, name="user_transfer_work"),
    path("audit/ekspor/", audit_views.audit_export, name="audit_export"),
]
