"""The public portal: report a suspicion, check a report with its tracking code. No login,
light pages that work without JavaScript; limits per address against abuse and guessing."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_protect

from sigap.core import audit
from sigap.core.models import Region, RegionLevel
from sigap.core.ratelimit import Limit
from sigap.core.uploads import RejectedUpload
from sigap.intake import codes, services
from sigap.intake.forms import ReportForm, home_regencies
from sigap.intake.models import PublicStatus


def _address(request: HttpRequest) -> str:
    return audit.client_ip(request) or "-"


def _too_many(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "intake/too_many.html", {"message": message}, status=429)


@never_cache
@csrf_protect
def report(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method != "POST":
        return render(request, "intake/report_form.html", {"form": form})
    limit = Limit.parse("report", settings.SIGAP_REPORT_RATE)
    if limit.reached(_address(request)):
        return _too_many(
            request, _("Many reports came from your connection just now. Please try again later.")
        )
    if not form.is_valid():
        return render(request, "intake/report_form.html", {"form": form}, status=400)
    if form.is_bot:  # answered like a success, stored nowhere
        limit.add(_address(request))
        return render(request, "intake/report_sent.html", {"code": codes.display(codes.new_code())})
    try:
        attachments = services.clean_attachments(form.cleaned_data["attachments"])
    except RejectedUpload as error:
        form.add_error("attachments", str(error))
        return render(request, "intake/report_form.html", {"form": form}, status=400)
    limit.add(_address(request))
    report, code = services.report_submit(
        fields=form.report_fields(),
        attachments=attachments,
        language=get_language() or "id",
        request=request,
    )
    context = {"code": codes.display(code), "urgent": report.urgent}
    return render(request, "intake/report_sent.html", context, status=201)


@never_cache
@csrf_protect
def status(request: HttpRequest) -> HttpResponse:
    """A report's public status and the task force's messages, found by its tracking code
    (typed into the form field `kode`, sent by POST so it stays out of addresses and logs)."""
    context: dict[str, object] = {"typed": ""}
    if request.method == "POST":
        typed = request.POST.get("kode", "")[:40]
        context["typed"] = typed
        if not Limit.parse("code-lookup", settings.SIGAP_CODE_LOOKUP_RATE).take(_address(request)):
            return _too_many(
                request, _("Too many codes were checked from your connection. Wait a minute.")
            )
        found = services.report_by_code(typed)
        if found is None:
            context["not_found"] = True
        else:
            context["report"] = found
            context["steps"] = list(PublicStatus)
            context["messages_to_reporter"] = list(found.messages.all())
    return render(request, "intake/status.html", context)


@cache_control(max_age=86400, public=True)
def places(request: HttpRequest) -> JsonResponse:
    """The districts and villages of a home-province regency, for the report form's place
    suggestions where JavaScript runs ("Kecamatan, Desa"). Public reference data only."""
    code = request.GET.get("kab", "")
    regency = home_regencies().filter(code=code).first()
    if regency is None:
        return JsonResponse({"places": []}, status=404)
    villages = Region.objects.filter(
        level=RegionLevel.VILLAGE, code__startswith=regency.code + "."
    ).select_related("parent")
    names = sorted(
        f"{village.parent.name}, {village.name}" for village in villages if village.parent
    )
    return JsonResponse({"places": names})
