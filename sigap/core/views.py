"""Pages of the core app. Views stay thin: selectors and parsers do the work."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sigap.core import selectors
from sigap.core.access import request_user
from sigap.core.forms import RegionLookupForm
from sigap.core.models import Region
from sigap.core.parsing import AmbiguousValue, ParseError, resolve_region


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
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        try:
            ref = resolve_region(form.cleaned_data["q"], within=form.cleaned_data["within"] or None)
        except AmbiguousValue as error:
            context["error"] = error
            context["candidates"] = error.candidates
        except ParseError as error:
            context["error"] = error
        else:
            region = Region.objects.filter(code=ref.code).first()
            if region is not None:
                context["region"] = region
                context["path"] = selectors.region_path(region)
                context["children"] = selectors.region_children(region)
    template = "core/region_lookup.html"
    if request.headers.get("HX-Request"):
        template += "#results"
    return render(request, template, context)


@login_required
def agency_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "core/agency_list.html", {"agencies": selectors.agencies_for_directory()}
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitoring: 200 when the database answers, 503 when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except DatabaseError:
        database = "error"
    body = {
        "status": "ok" if database == "ok" else "error",
        "database": database,
        "worker": selectors.worker_status() if database == "ok" else {"status": "unknown"},
    }
    return JsonResponse(body, status=200 if database == "ok" else 503)
