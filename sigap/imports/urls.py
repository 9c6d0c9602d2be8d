from django.urls import path

from sigap.imports import views

app_name = "imports"

urlpatterns = [
    path("impor/", views.batch_list, name="batch_list"),
    path("impor/unggah/", views.upload, name="upload"),
    path("impor/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("impor/<int:pk>/pemetaan/", views.mapping, name="mapping"),
    path("impor/<int:pk>/kemajuan/", views.progress, name="progress"),
    path("impor/<int:pk>/laporan.csv", views.report_download, name="report_download"),
    path("impor/<int:pk>/ditolak.csv", views.rejected_download, name="rejected_download"),
]
