from django.urls import path

from sigap.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifikasi/", views.notification_list, name="notification_list"),
    path("notifikasi/<int:pk>/buka/", views.notification_open, name="notification_open"),
    path("notifikasi/baca-semua/", views.notification_read_all, name="notification_read_all"),
    path("notifikasi/email/", views.email_setting, name="email_setting"),
]
