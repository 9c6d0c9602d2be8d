"""A URL configuration for tests whose view fails, to see what a user is shown."""

from django.urls import include, path


def broken(request):
    raise RuntimeError("secret detail: Siti Rahmah 6303015203900001")


urlpatterns = [path("rusak/", broken), path("", include("sigap.urls"))]
