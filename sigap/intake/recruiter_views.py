"""The licensed-recruiter check (public) and the upkeep of the register (administrators)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sigap.core.access import request_user
from sigap.core.models import Role, User
from sigap.core.pagination import paginate
from sigap.intake import recruiters
from sigap.intake.forms import CompanyForm, CompanyImportForm
from sigap.intake.models import PlacementCompany

MAX_CSV_BYTES = 5 * 1024 * 1024


def recruiter_check(request: HttpRequest) -> HttpResponse:
    """Is this company licensed to place migrant workers? Search by name or licence number."""
    query = request.GET.get("q", "").strip()[:100]
    results = recruiters.search(query) if query else []
    context = {"query": query, "results": results, "searched": bool(query)}
    return render(request, "intake/recruiter_check.html", context)


def _admin(request: HttpRequest) -> User:
    user = request_user(request)
    if user.role != Role.ADMIN:
        raise Http404
    return user


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """The register, a form to add a company, and the CSV import."""
    user = _admin(request)
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recruiters.company_save(actor=user, company=form.instance, request=request)
        messages.success(request, _("The company was saved."))
        return HttpResponseRedirect(reverse("intake:register"))
    page, query = paginate(request, PlacementCompany.objects.select_related("province"))
    context = {"form": form, "page": page, "query": query, "import_form": CompanyImportForm()}
    return render(request, "intake/register.html", context)


@login_required
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _admin(request)
    company = get_object_or_404(PlacementCompany, pk=pk)
    form = CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        recruiters.company_save(actor=user, company=form.instance, request=request)
        messages.success(request, _("The company was saved."))
        return HttpResponseRedirect(reverse("intake:register"))
    return render(request, "intake/company_form.html", {"form": form, "company": company})


@login_required
def register_import(request: HttpRequest) -> HttpResponse:
    user = _admin(request)
    form = CompanyImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            form.add_error("file", _("The file is larger than 5 MB."))
        else:
            try:
                result = recruiters.import_csv(actor=user, content=upload.read(), request=request)
            except ValueError as error:
                form.add_error("file", str(error))
    return render(request, "intake/register_import.html", {"form": form, "result": result})
