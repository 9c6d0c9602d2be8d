"""Case pages. Views are thin: services change, selectors and core.access read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.cases import selectors, services, timeline
from sigap.cases.forms import (
    CaseFilterForm,
    CaseForm,
    CaseSearchForm,
    DocumentForm,
    NoteForm,
    PartyForm,
    ScreeningForm,
    VictimStatusForm,
)
from sigap.cases.models import (
    VICTIM_ROLES,
    Case,
    CaseDocument,
    CaseParty,
    CaseStatus,
    Screening,
)
from sigap.cases.screening import checklist_findings
from sigap.cases.vocabulary import MeansOfControl, Purpose, labels
from sigap.core import audit
from sigap.core.access import Action, can, get_or_404, require, scoped
from sigap.core.pagination import first_matches, paginate
from sigap.core.sections import sections_for
from sigap.core.uploads import RejectedUpload, max_bytes, too_large_message
from sigap.people.models import Person
from sigap.people.selectors import display_name, person_search


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    """Cases in scope, filtered by GET (no person data in the URL); searching by reference,
    NIK or name is a POST, so what was searched for stays out of URLs and logs."""
    user = require(request, Case)
    form = CaseFilterForm(request.GET or None)
    search = CaseSearchForm(request.POST if request.method == "POST" else None)
    searched = request.method == "POST" and search.is_valid()
    page: Any
    if searched:
        page, query = first_matches(selectors.case_search(user, **search.cleaned_data)), ""
        selectors.with_labels(page.rows)
    else:
        page, query = paginate(request, selectors.cases_for(user, form.filters()))
    if searched and (search.cleaned_data["nik"] or search.cleaned_data["name"]):
        audit.record(
            actor=user,
            action="search",
            object_type="cases.case",
            details={"found": [case.pk for case in page]},
            request=request,
        )
    context = {"form": form, "search": search, "searched": searched, "page": page, "query": query}
    return render(request, "cases/case_list.html", context)


@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    user = require(request, Case, Action.CREATE)
    form = CaseForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(actor=user, request=request, **form.changes())
        except services.WorkflowError as error:
            form.add_error("region", error.message)
        else:
            messages.success(request, _("Case %(ref)s was registered.") % {"ref": case.reference})
            return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))
    return render(request, "cases/case_form.html", {"form": form})


@login_required
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    form = CaseForm(request.POST or None, instance=Case.objects.get(pk=case.pk), user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_update(actor=user, case=case, request=request, **form.changes())
        except services.WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The case was saved."))
            return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))
    return render(request, "cases/case_form.html", {"form": form, "case": case})


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Case)
    case = get_or_404(user, Case, request=request, pk=pk)
    history: dict[int, list[Screening]] = {}
    for screening in case.screenings.select_related("created_by").order_by("-created_at", "-id"):
        history.setdefault(screening.party_id, []).append(screening)
    latest = {party_id: screenings[0] for party_id, screenings in history.items()}
    parties = [
        {
            "party": party,
            "name": display_name(user, party.person),
            "screening": latest.get(party.pk),
            "result": services.explain(latest[party.pk]) if party.pk in latest else None,
            "findings": checklist_findings(latest[party.pk].answers) if party.pk in latest else [],
            "child": services.child_at_exploitation(case, party.person),
            "earlier": history.get(party.pk, [])[1:],
        }
        for party in case.parties.select_related("person", "victim_status_by").order_by(
            "role", "id"
        )
    ]
    audit.record(actor=user, action="view", obj=case, request=request)
    events = list(case.events.select_related("actor"))  # every event: the issue asks for all
    context = {
        "case": case,
        "sections": sections_for(user, case),
        "parties": parties,
        "timeline": [(event, timeline.describe(event)) for event in events],
        "documents": case.documents.select_related("uploaded_by"),
        "next_statuses": services.manual_targets(case.status),
        "party_form": PartyForm(
            persons=scoped(user, Person).order_by("-created_at")[:200], user=user
        ),
        "victim_roles": VICTIM_ROLES,
        "victim_status_form": VictimStatusForm(),
        "note_form": NoteForm(),
        "document_form": DocumentForm(),
        "may_change": can(user, case, Action.CHANGE),
        "is_open": case.status != CaseStatus.CLOSED,
        "upload_limit": max_bytes(),
        "purpose_labels": labels(Purpose, case.purposes),
        "control_labels": labels(MeansOfControl, case.means_of_control),
    }
    return render(request, "cases/case_detail.html", context)


@login_required
@require_POST
def case_transition(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    target = request.POST.get("status", "")
    try:
        if target not in CaseStatus.values:
            raise services.WorkflowError("wrong_state")
        services.case_move(
            user, case, target, reason=request.POST.get("reason", ""), request=request
        )
    except services.WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The status was changed."))
    return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))


@login_required
@require_POST
def party_candidates(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the persons matching a NIK or a name typed in the case page's person picker, as
    the options of its list (POST, so what was typed stays out of URLs and logs)."""
    user = require(request, Case, Action.CHANGE)
    get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    text = request.POST.get("q", "").strip()[:120]
    if not text:
        persons = scoped(user, Person).order_by("-created_at")[:200]
    elif sum(ch.isdigit() for ch in text) >= 8:
        persons = person_search(user, nik=text)[:50]
    else:
        persons = person_search(user, name=text)[:50]
    form = PartyForm(persons=persons, user=user)
    return render(request, "cases/includes/person_options.html", {"field": form["person"]})


@login_required
@require_POST
def party_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    form = PartyForm(request.POST, persons=scoped(user, Person), user=user)
    if form.is_valid():
        try:
            services.party_add(actor=user, case=case, request=request, **form.cleaned_data)
        except services.WorkflowError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("Choose a person and their role."))
    return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))


@login_required
def party_screen(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    """The screening form. While answers change, htmx posts them with `preview` and gets
    the result back (nothing is saved); the submit button saves the screening."""
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    party = get_or_404(user, CaseParty, Action.CHANGE, request=request, pk=party_pk, case=case)
    # Rescreening starts from the latest answers: officers change what they learned since.
    latest = party.screenings.order_by("-created_at", "-id").first()
    previous = latest.answers if latest else {}
    initial = {
        f"{element}__{item}": value
        for element, items in previous.items()
        for item, value in items.items()
    }
    form = ScreeningForm(request.POST or None, initial=initial)
    child = services.child_at_exploitation(case, party.person)
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            result = services.preview_screening(form.answers(), child)
            return render(
                request, "cases/screening_form.html#result", {"result": result, "child": child}
            )
        try:
            services.screening_record(
                actor=user, party=party, answers=form.answers(), request=request
            )
        except services.WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The screening was saved."))
        return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))
    context = {
        "case": case,
        "party": party,
        "name": display_name(user, party.person),
        "form": form,
        "child": child,
        "result": services.preview_screening(form.answers() if form.is_bound else previous, child),
    }
    return render(request, "cases/screening_form.html", context)


@login_required
@require_POST
def victim_status(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    party = get_or_404(user, CaseParty, Action.CHANGE, request=request, pk=party_pk, case=case)
    form = VictimStatusForm(request.POST)
    if form.is_valid() and party.role in VICTIM_ROLES:
        services.victim_status_decide(
            actor=user, party=party, status=form.cleaned_data["status"], request=request
        )
        messages.success(request, _("The victim status was recorded."))
    else:
        messages.error(request, _("Choose the victim status of a victim or possible victim."))
    return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))


@login_required
@require_POST
def note_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.note_add(actor=user, case=case, text=form.cleaned_data["text"], request=request)
        messages.success(request, _("The note was added to the timeline."))
    else:
        messages.error(request, _("Write the note first (at most 5,000 characters)."))
    return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))


@login_required
@require_POST
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if getattr(request, "upload_too_large", False):
        messages.error(request, too_large_message())
    elif not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
    else:
        try:
            services.document_add(
                actor=user,
                case=case,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["upload"],
                request=request,
            )
        except RejectedUpload as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The document was attached."))
    return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]) + "#documents")


@login_required
def document_download(request: HttpRequest, pk: int, document_pk: int) -> HttpResponseBase:
    user = require(request, Case)
    case = get_or_404(user, Case, request=request, pk=pk)
    document = get_or_404(user, CaseDocument, request=request, pk=document_pk, case=case)
    handle = services.document_open(actor=user, document=document, request=request)
    name = f"{case.reference.replace('/', '-')}-{document.pk}{Path(document.file.name).suffix}"
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
