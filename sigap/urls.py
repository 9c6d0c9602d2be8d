from django.contrib import admin
from django.contrib.auth.views import LogoutView
from django.urls import include, path

from sigap.core import auth_views
from sigap.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("masuk/verifikasi/", auth_views.otp_verify, name="otp_verify"),
    path("masuk/atur-2fa/", auth_views.otp_setup, name="otp_setup"),
    path("keluar/", LogoutView.as_view(), name="logout"),
    path("konfirmasi/", auth_views.sudo, name="sudo"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("sigap.core.urls")),
    path("", include("sigap.people.urls")),
    path("", include("sigap.cases.urls")),
    path("", include("sigap.referrals.urls")),
    path("", include("sigap.coordination.urls")),
    path("", include("sigap.notifications.urls")),
    path("", include("sigap.intake.urls")),
    path("", include("sigap.imports.urls")),
    path("", include("sigap.monitoring.urls")),
    path("", include("sigap.api.urls")),
]
