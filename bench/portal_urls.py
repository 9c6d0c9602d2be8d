"""SIGAP's URLs and, for the benchmark only, a bare Django view (no template, no database)."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from sigap.urls import urlpatterns as sigap_urlpatterns


def bare(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/bare/", bare), *sigap_urlpatterns]
