"""Referral pages: the inbox, a referral (what the receiving agency may see of the case),
its moves and services delivered, and sending one from a case."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.cases.models import Case
from sigap.cases.services import WorkflowError, explain
from sigap.core import audit
from sigap.core.access import Action, can, get_or_404, request_user, require
from sigap.core.pagination import paginate
from sigap.core.pdf import pdf_response, render_pdf
from sigap.people.selectors import display_name
from sigap.people.services import age_on
from sigap.referrals import selectors, services
from sigap.referrals.forms import AgencyServiceForm, ReferralForm, ServiceRecordForm
from sigap.referrals.models import AgencyService, Referral, ReferralStatus, ServiceType

DIRECTIONS = ("in", "out", "all")


@login_required
def referral_list(request: HttpRequest) -> HttpResponse:
    user = require(request, Referral)
    direction = request.GET.get("arah", "in")
    if direction not in DIRECTIONS:
        direction = "in"
    page, query = paginate(request, selectors.inbox(user, direction))
    rows = [
        (referral, display_name(user, referral.party.person), referral.is_overdue)
        for referral in page
    ]
    context = {"page": page, "query": query, "rows": rows, "direction": direction}
    return render(request, "referrals/referral_list.html", context)


@login_required
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Referral)
    referral = get_or_404(user, Referral, request=request, pk=pk)
    party = referral.party
    latest = party.screenings.order_by("-created_at", "-id").first()
    audit.record(actor=user, action="view", obj=referral, request=request)
    receiver = user.agency_id == referral.to_agency_id
    sender = user.agency_id == referral.from_agency_id
    moves = [
        ReferralStatus(target)
        for target in sorted(services.TRANSITIONS[referral.status])
        if (receiver and target in services.RECEIVER_MOVES)
        or (sender and target in services.SENDER_MOVES)
    ]
    context = {
        "referral": referral,
        "name": display_name(user, party.person),
        "person": party.person,
        "screening": explain(latest) if latest else None,
        "moves": moves,
        "may_record": receiver and referral.status in (ReferralStatus.ACCEPTED, "in_progress"),
        "service_form": ServiceRecordForm(),
        "history": referral.events.select_related("actor"),
        "records": referral.services.select_related("recorded_by"),
        "overdue": referral.is_overdue,
        "may_open_case": can(user, referral.case, Action.VIEW),
    }
    return render(request, "referrals/referral_detail.html", context)


@login_required
def referral_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The numbered referral letter (surat rujukan) as PDF, for agencies that need paper."""
    user = require(request, Referral)
    referral = get_or_404(user, Referral, request=request, pk=pk)
    if not selectors.letter_allowed(user, referral):
        raise Http404
    person = referral.party.person
    name = display_name(user, person)
    context = {
        "referral": referral,
        "letterhead": referral.from_agency,
        "name": name,
        # Beside a pseudonym, sex, age and home region could tell who the person is.
        "details": name != person.pseudonym,
        "person": person,
        "age": age_on(person, referral.created_at.date()),
        "party": referral.party,
        "printed_by": user,
        "printed_at": timezone.localtime(),
    }
    content = render_pdf("referrals/pdf/letter.html", context)
    audit.record(actor=user, action="download", obj=referral, request=request,
                 details={"document": "letter"})  # fmt: skip
    return pdf_response(content, f"surat-rujukan-{referral.number.replace('/', '-')}.pdf")


@login_required
@require_POST
def referral_move(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Referral)
    referral = get_or_404(user, Referral, request=request, pk=pk)
    target = request.POST.get("status", "")
    try:
        if target not in ReferralStatus.values:
            raise services.ReferralError("wrong_state")
        services.referral_move(
            user, referral, target, reason=request.POST.get("reason", ""), request=request
        )
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The referral was updated."))
    return HttpResponseRedirect(reverse("referrals:referral_detail", args=[referral.pk]))


@login_required
@require_POST
def service_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Referral)
    referral = get_or_404(user, Referral, request=request, pk=pk)
    form = ServiceRecordForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date and what was done."))
    else:
        try:
            services.service_record_add(
                actor=user, referral=referral, request=request, **form.cleaned_data
            )
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The service was recorded."))
    return HttpResponseRedirect(reverse("referrals:referral_detail", args=[referral.pk]))


@login_required
def referral_send(request: HttpRequest, pk: int) -> HttpResponse:
    """Refer a victim of this case to another agency."""
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=pk)
    form = ReferralForm(request.POST or None, case=case, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = services.referral_send(
                actor=user,
                party=data["party"],
                service_type=data["service_type"],
                to_agency=data["to_agency"],
                reason=data["reason"],
                grants_whole_case=data["grants_whole_case"],
                consent_override_reason=data["consent_override_reason"],
                request=request,
            )
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Referral %(number)s was sent.") % {"number": referral.number}
            )
            return HttpResponseRedirect(reverse("referrals:referral_detail", args=[referral.pk]))
    return render(request, "referrals/referral_form.html", {"form": form, "case": case})


@login_required
def service_catalogue(request: HttpRequest) -> HttpResponse:
    """The services of the handling chain, their time limits, and who provides each where."""
    user = request_user(request)
    offered = AgencyService.objects.select_related("agency", "region").order_by(
        "region_id", "agency__name"
    )
    by_type: dict[int, list[AgencyService]] = {}
    for row in offered:
        by_type.setdefault(row.service_type_id, []).append(row)
    rows = [
        (
            service_type,
            [
                (r, services.may_edit_catalogue(user, r.agency))
                for r in by_type.get(service_type.pk, [])
            ],
        )
        for service_type in ServiceType.objects.filter(is_active=True)
    ]
    editor = user.role in services.CATALOGUE_EDITORS
    context = {"rows": rows, "form": AgencyServiceForm() if editor else None}
    return render(request, "referrals/service_catalogue.html", context)


@login_required
@require_POST
def agency_service_add(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if user.role not in services.CATALOGUE_EDITORS:
        raise Http404
    form = AgencyServiceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the agency, service and region."))
        return HttpResponseRedirect(reverse("referrals:service_catalogue"))
    try:
        services.agency_service_add(actor=user, request=request, **form.cleaned_data)
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The service was declared."))
    return HttpResponseRedirect(reverse("referrals:service_catalogue"))


@login_required
@require_POST
def agency_service_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    row = get_object_or_404(AgencyService, pk=pk)
    try:
        services.agency_service_remove(actor=user, row=row, request=request)
    except WorkflowError:
        raise Http404 from None
    messages.success(request, _("The service was removed from the agency."))
    return HttpResponseRedirect(reverse("referrals:service_catalogue"))
