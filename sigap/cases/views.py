"""Case pages. Views are thin: services change, selectors and core.access read."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sigap.cases import services
from sigap.cases.forms import CaseFilterForm, CaseForm, PartyForm, ScreeningForm
from sigap.cases.models import VICTIM_ROLES, Case, CaseParty, CaseStatus
from sigap.core import audit
from sigap.core.access import Action, get_or_404, require, scoped, within_region
from sigap.core.pagination import paginate
from sigap.people.models import Person
from sigap.people.selectors import display_name

WORKFLOW_MESSAGES = {
    "wrong_state": gettext_lazy("This change is not possible from the case's current status."),
    "reason_required": gettext_lazy("Give the reason for closing the case."),
    "not_allowed": gettext_lazy("You may not change this case."),
    "out_of_scope": gettext_lazy("You can only register cases in your own work region."),
    "person_not_visible": gettext_lazy("That person is not in your scope."),
    "not_a_victim_party": gettext_lazy("Only a victim or possible victim is screened."),
}


def _workflow_message(error: services.WorkflowError) -> str:
    return str(WORKFLOW_MESSAGES.get(error.code, gettext_lazy("The change was refused.")))


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    user = require(request, Case)
    form = CaseFilterForm(request.GET or None)
    cases = scoped(user, Case).select_related("region", "lead_agency", "destination_country")
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            cases = cases.filter(status=data["status"])
        if data["region"]:
            cases = cases.filter(within_region("region", data["region"].code))
        if data["since"]:
            cases = cases.filter(reported_on__gte=data["since"])
        if data["until"]:
            cases = cases.filter(reported_on__lte=data["until"])
    page, query = paginate(request, cases.order_by("-reported_on", "-id"))
    return render(request, "cases/case_list.html", {"form": form, "page": page, "query": query})


@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    user = require(request, Case, Action.CREATE)
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            case = services.case_create(actor=user, request=request, **fields)
        except services.WorkflowError as error:
            form.add_error("region", _workflow_message(error))
        else:
            messages.success(request, _("Case %(ref)s was registered.") % {"ref": case.reference})
            return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))
    return render(request, "cases/case_form.html", {"form": form})


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Case)
    case = get_or_404(user, Case, request=request, pk=pk)
    parties = [
        (party, display_name(user, party.person))
        for party in case.parties.select_related("person").order_by("role", "id")
    ]
    latest = {}
    for screening in case.screenings.order_by("created_at"):
        latest[screening.party_id] = (screening, services.explain(screening))
    audit.record(actor=user, action="view", obj=case, request=request)
    context = {
        "case": case,
        "parties": parties,
        "screenings": latest,
        "events": case.events.select_related("actor")[:100],
        "next_statuses": [CaseStatus(value) for value in sorted(services.TRANSITIONS[case.status])],
        "party_form": PartyForm(persons=scoped(user, Person).order_by("-created_at")[:200]),
        "victim_roles": VICTIM_ROLES,
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
        messages.error(request, _workflow_message(error))
    else:
        messages.success(request, _("The status was changed."))
    return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))


@login_required
@require_POST
def party_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    form = PartyForm(request.POST, persons=scoped(user, Person))
    if form.is_valid():
        try:
            services.party_add(actor=user, case=case, request=request, **form.cleaned_data)
        except services.WorkflowError as error:
            messages.error(request, _workflow_message(error))
    else:
        messages.error(request, _("Choose a person and their role."))
    return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))


@login_required
def party_screen(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    party = get_or_404(user, CaseParty, Action.CHANGE, request=request, pk=party_pk, case=case)
    form = ScreeningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.screening_record(
                actor=user, party=party, answers=form.answers(), request=request
            )
        except services.WorkflowError as error:
            messages.error(request, _workflow_message(error))
        return HttpResponseRedirect(reverse("cases:case_detail", args=[case.pk]))
    return render(
        request,
        "cases/screening_form.html",
        {"case": case, "party": party, "name": display_name(user, party.person), "form": form},
    )
