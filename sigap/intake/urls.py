from django.urls import path

from sigap.intake import views

app_name = "intake"

urlpatterns = [
    path("lapor/", views.report, name="report"),
    path("lapor/cek/", views.status, name="status"),
]
