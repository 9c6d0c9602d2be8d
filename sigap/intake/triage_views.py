"""Triage pages: the queue of public reports, a report with its triage, acceptance and
messages to the reporter, and recording a report received by phone, WhatsApp, a walk-in or
a letter."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.cases.models import Case
from sigap.cases.services import WorkflowError
from sigap.core import audit
from sigap.core.access import Action, get_or_404, require, scoped
from sigap.core.models import Role
from sigap.core.pagination import paginate
from sigap.core.uploads import RejectedUpload
from sigap.intake import codes, selectors, services
from sigap.intake.forms import MessageForm, OfficerReportForm
from sigap.intake.models import PublicReport, ReportAttachment, Triage


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    user = require(request, PublicReport)
    closed = request.GET.get("selesai") == "1"
    page, query = paginate(request, selectors.queue(user, closed=closed))
    rows = [(report, report.is_overdue) for report in page]
    context = {"page": page, "query": query, "rows": rows, "closed": closed}
    return render(request, "intake/queue.html", context)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, PublicReport)
    report = get_or_404(user, PublicReport, request=request, pk=pk)
    audit.record(actor=user, action="view", obj=report, request=request)
    others = scoped(user, PublicReport).exclude(pk=report.pk).order_by("-received_at")[:30]
    context = {
        "report": report,
        "attachments": report.attachments.all(),
        "messages_sent": report.messages.select_related("sent_by"),
        "message_form": MessageForm(),
        "others": others,
        "may_accept": user.role == Role.SECRETARIAT and report.triage != Triage.ACCEPTED,
        "overdue": report.is_overdue,
    }
    return render(request, "intake/report_detail.html", context)


@login_required
@require_POST
def report_triage(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, PublicReport)
    report = get_or_404(user, PublicReport, request=request, pk=pk)
    action = request.POST.get("triage", "")
    try:
        if action == "accept":
            reference = request.POST.get("case", "").strip()
            case = None
            if reference:
                case = scoped(user, Case, Action.CHANGE).filter(reference=reference).first()
                if case is None:
                    raise services.IntakeError("not_allowed")
            case = services.report_accept(actor=user, report=report, case=case, request=request)
            messages.success(
                request, _("Accepted: case %(reference)s.") % {"reference": case.reference}
            )
        else:
            duplicate = None
            if action == Triage.DUPLICATE:
                other = request.POST.get("duplicate_of", "")
                duplicate = (
                    scoped(user, PublicReport).filter(pk=other).first() if other.isdigit() else None
                )
            services.report_triage(
                actor=user, report=report, triage=action, duplicate_of=duplicate, request=request
            )
            messages.success(request, _("The report was triaged."))
    except WorkflowError as error:
        messages.error(request, error.message)
    return HttpResponseRedirect(reverse("intake:report_detail", args=[report.pk]))


@login_required
@require_POST
def message_send(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, PublicReport)
    report = get_or_404(user, PublicReport, request=request, pk=pk)
    form = MessageForm(request.POST)
    try:
        if not form.is_valid():
            raise services.IntakeError("empty")
        services.message_send(actor=user, report=report, request=request, **form.cleaned_data)
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The message is on the tracking page."))
    return HttpResponseRedirect(reverse("intake:report_detail", args=[report.pk]))


@login_required
def report_record(request: HttpRequest) -> HttpResponse:
    """A report received by phone, WhatsApp, a walk-in or a letter: the officer types it and
    gives the reporter the tracking code."""
    user = require(request, PublicReport)
    form = OfficerReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachments = services.clean_attachments(form.cleaned_data["attachments"])
        except RejectedUpload as error:
            form.add_error("attachments", str(error))
        else:
            report, code = services.report_submit(
                fields=form.report_fields(),
                attachments=attachments,
                channel=form.cleaned_data["channel"],
                recorded_by=user,
                language=get_language() or "id",
                request=request,
            )
            context = {"report": report, "code": codes.display(code)}
            return render(request, "intake/report_recorded.html", context)
    return render(request, "intake/report_record.html", {"form": form})


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponseBase:
    user = require(request, PublicReport)
    report = get_or_404(user, PublicReport, request=request, pk=pk)
    attachment = get_or_404(user, ReportAttachment, pk=attachment_pk, report=report)
    if not attachment.file:
        raise Http404
    handle = services.attachment_open(actor=user, attachment=attachment, request=request)
    name = f"laporan-{report.code_end}-{attachment.pk}{Path(attachment.file.name).suffix}"
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
