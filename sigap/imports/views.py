"""Import pages: the batches, an upload, its column mapping with a preview, the batch with
its progress, and the downloads of its row report and rejected rows."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from sigap.core import audit
from sigap.core.access import Action, get_or_404, request_user, require, scoped
from sigap.core.pagination import paginate
from sigap.core.uploads import too_large_message
from sigap.imports import reading, report, selectors, services
from sigap.imports.forms import UploadForm, mapping_form
from sigap.imports.models import BatchStatus, ImportBatch


@login_required
def batch_list(request: HttpRequest) -> HttpResponse:
    user = require(request, ImportBatch)
    batches = scoped(user, ImportBatch).select_related("created_by", "agency")
    page, query = paginate(request, batches)
    return render(request, "imports/batch_list.html", {"page": page, "query": query})


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    user = require(request, ImportBatch, Action.CREATE)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if getattr(request, "upload_too_large", False):
            form.add_error("file", too_large_message())
        elif form.is_valid():
            try:
                batch = services.batch_upload(
                    upload=form.cleaned_data["file"], actor=user,
                    source=form.cleaned_data["source"], request=request,
                )  # fmt: skip
            except reading.UnreadableFile as error:
                form.add_error("file", error.message)
            else:
                return HttpResponseRedirect(reverse("imports:mapping", args=[batch.pk]))
    status = 400 if form.errors else 200
    return render(request, "imports/upload.html", {"form": form}, status=status)


@login_required
def mapping(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, ImportBatch, Action.CREATE)
    batch = get_or_404(user, ImportBatch, Action.CHANGE, request=request, pk=pk)
    if batch.status != BatchStatus.MAPPING:
        return HttpResponseRedirect(reverse("imports:batch_detail", args=[batch.pk]))
    form = mapping_form(request.POST or None, labels=batch.headers, mapping=batch.mapping)
    chosen = batch.mapping
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["mapping"]
        if "confirm" in request.POST:
            services.batch_confirm(batch=batch, mapping=chosen, actor=user, request=request)
            return HttpResponseRedirect(reverse("imports:batch_detail", args=[batch.pk]))
    try:
        preview = services.batch_preview(batch, chosen) if "name" in chosen else []
    except reading.UnreadableFile as error:
        preview, form_error = [], error.message
    else:
        form_error = ""
    context = {
        "batch": batch, "form": form, "preview": selectors.preview_rows(preview),
        "file_error": form_error,
    }  # fmt: skip
    return render(request, "imports/mapping.html", context, status=400 if form.errors else 200)


def _batch(request: HttpRequest, pk: int, action: Action = Action.VIEW) -> ImportBatch:
    user = require(request, ImportBatch)
    return get_or_404(user, ImportBatch, action, request=request, pk=pk)


@login_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    rows = batch.rows.exclude(status__in=("imported", "duplicate"))[:200]
    context = {"batch": batch, "rows": rows}
    return render(request, "imports/batch_detail.html", context)


@login_required
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar and counts alone (polled by the batch page while the import runs).
    Once the import has ended, the poll reloads the whole page, which then lists the rows
    that were not simply imported (and polls no more)."""
    batch = _batch(request, pk)
    response = render(request, "imports/progress.html", {"batch": batch})
    if request.headers.get("HX-Request") and batch.ended:
        response["HX-Refresh"] = "true"
    return response


def _download(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    batch = _batch(request, pk, Action.EXPORT)
    if not batch.ended:
        raise Http404
    text = io.StringIO()
    if what == "report":
        lines = report.write_batch_report(batch, text)
        name = f"impor-{batch.pk}-laporan-baris.csv"
    else:
        lines = report.write_rejected(batch, text)
        name = f"impor-{batch.pk}-baris-ditolak.csv"
    audit.record(actor=request_user(request), action="export", obj=batch, request=request,
                 details={"what": what, "lines": lines})  # fmt: skip
    # A BOM, so that Excel opens the names with their accents.
    response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "report")


@login_required
def rejected_download(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "rejected")
