"""Pages of the core app. Views stay thin: selectors and parsers do the work."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sigap.core import selectors
from sigap.core.access import request_user
from sigap.core.forms import RegionLookupForm


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    return render(
        request,
        "core/home.html",
        {
            "actions": selectors.home_actions(user),
            "role_description": selectors.role_description(user),
        },
    )


@login_required
@require_GET
def region_lookup(request: HttpRequest) -> HttpResponse:
    form = RegionLookupForm(request.GET if "q" in request.GET else None)
    lookup = None
    if form.is_valid():
        lookup = selectors.region_lookup(
            form.cleaned_data["q"], within=form.cleaned_data["within"] or None
        )
    template = "core/region_lookup.html"
    if request.headers.get("HX-Request"):
        template += "#results"
    return render(request, template, {"form": form, "lookup": lookup})


@login_required
def agency_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "core/agency_list.html", {"agencies": selectors.agencies_for_directory()}
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitoring: 200 when the database answers, 503 when not."""
    database = "ok" if selectors.database_answers() else "error"
    body = {
        "status": "ok" if database == "ok" else "error",
        "database": database,
        "worker": selectors.worker_status() if database == "ok" else {"status": "unknown"},
    }
    return JsonResponse(body, status=200 if database == "ok" else 503)
