from django.urls import path

from sigap.core import views

app_name = "core"

urlpatterns = [
    path("wilayah/", views.region_lookup, name="region_lookup"),
    path("instansi/", views.agency_list, name="agency_list"),
]
