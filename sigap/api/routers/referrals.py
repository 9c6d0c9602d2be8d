"""Referrals between agencies and the services catalogue, with the same rules as the pages:
the same forms read the input, the same services move a referral (and audit it)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from sigap.api.common import page_body, page_of, require
from sigap.api.errors import InputError
from sigap.api.schemas import Input, PageQuery, Problem, RecordId
from sigap.cases.models import Case
from sigap.core import audit
from sigap.core.access import Action, get_or_404
from sigap.core.models import Agency
from sigap.people.selectors import display_name
from sigap.referrals import selectors, services
from sigap.referrals.forms import ReferralForm, ServiceRecordForm
from sigap.referrals.models import AgencyService, Referral, ReferralStatus, ServiceType

router = Router(tags=["referrals"])
catalogue = Router(tags=["services"])
ERRORS: dict[int, Any] = {401: Problem, 404: Problem, 422: Problem}


class ServiceTypeOut(Schema):
    slug: str
    name: str
    days_allowed: int = Field(description="Default time limit from the request, in days.")
    agencies: list[str] = Field(description="Slugs of the agencies that declare this service.")


class ServiceRecordOut(Schema):
    delivered_on: date
    description: str
    recorded_by: str


class EventOut(Schema):
    at: datetime
    actor: str
    before: str
    after: str


class ReferralOut(Schema):
    id: int
    number: str
    case_id: int
    case_reference: str
    party_id: int
    person: str = Field(description="The name, or the pseudonym for those who may not see it.")
    service: str
    from_agency: str
    to_agency: str
    due_on: date
    status: str
    overdue: bool


class ReferralDetailOut(ReferralOut):
    reason: str
    grants_whole_case: bool
    consent_override_reason: str
    decline_reason: str
    next_statuses: list[str] = Field(description="The moves open to you now.")
    services_delivered: list[ServiceRecordOut]
    history: list[EventOut]


class ReferralPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ReferralOut]


class ReferralQuery(PageQuery):
    direction: str = Field("in", description="in (to your agency), out (from it) or all.")


class ReferralIn(Input):
    case_id: int = Field(ge=1, le=2**63 - 1)
    party_id: int = Field(ge=1, le=2**63 - 1, description="The victim (a party of the case).")
    service: str = Field(description="A service slug (see /services).")
    to_agency: str = Field(description="The receiving agency's slug.")
    reason: str = Field(max_length=2000)
    grants_whole_case: bool = False
    consent_override_reason: str = Field("", max_length=2000)


class ReferralStatusIn(Input):
    status: str
    reason: str = Field("", max_length=2000, description="Required when declining.")


class ServiceRecordIn(Input):
    delivered_on: str = Field(description="A date as the pages take it, e.g. 2026-11-20.")
    description: str = Field(max_length=5000)


def referral_row(user: Any, referral: Referral) -> dict[str, Any]:
    return {
        "id": referral.pk,
        "number": referral.number,
        "case_id": referral.case_id,
        "case_reference": referral.case.reference,
        "party_id": referral.party_id,
        "person": display_name(user, referral.party.person),
        "service": referral.service_type.slug,
        "from_agency": referral.from_agency.slug,
        "to_agency": referral.to_agency.slug,
        "due_on": referral.due_on,
        "status": referral.status,
        "overdue": referral.is_overdue,
    }


def referral_body(user: Any, referral: Referral) -> dict[str, Any]:
    receiver = user.agency_id == referral.to_agency_id
    sender = user.agency_id == referral.from_agency_id
    return {
        **referral_row(user, referral),
        "reason": referral.reason,
        "grants_whole_case": referral.grants_whole_case,
        "consent_override_reason": referral.consent_override_reason,
        "decline_reason": referral.decline_reason,
        "next_statuses": [
            str(target)
            for target in sorted(services.TRANSITIONS[referral.status])
            if (receiver and target in services.RECEIVER_MOVES)
            or (sender and target in services.SENDER_MOVES)
        ],
        "services_delivered": [
            {
                "delivered_on": record.delivered_on,
                "description": record.description,
                "recorded_by": record.recorded_by.get_username(),
            }
            for record in referral.services.select_related("recorded_by")
        ],
        "history": [
            {"at": e.at, "actor": e.actor.get_username(), "before": e.before, "after": e.after}
            for e in referral.events.select_related("actor")
        ],
    }


def _slug_to_pk(model: Any, slug: str) -> str:
    """The id a form's choice field takes for a slug; an unknown slug stays an invalid
    choice, refused with the form's own message."""
    found = model.objects.filter(slug=slug.strip()).values_list("pk", flat=True).first()
    return str(found) if found is not None else "0"


@catalogue.get(
    "",
    response={200: list[ServiceTypeOut], 401: Problem},
    url_name="service_list",
    operation_id="service_list",
    summary="The services catalogue, with the agencies that provide each service",
)
def service_list(request: HttpRequest) -> list[dict[str, Any]]:
    offered: dict[int, list[str]] = {}
    for service_type_id, slug in AgencyService.objects.values_list(
        "service_type_id", "agency__slug"
    ).order_by("agency__slug"):
        offered.setdefault(service_type_id, []).append(slug)
    return [
        {
            "slug": st.slug,
            "name": str(st),
            "days_allowed": st.days_allowed,
            "agencies": sorted(set(offered.get(st.pk, []))),
        }
        for st in ServiceType.objects.filter(is_active=True)
    ]


@router.get(
    "",
    response={200: ReferralPage, **ERRORS},
    url_name="referral_list",
    operation_id="referral_list",
    summary="Your agency's referrals: incoming (default), outgoing, or all you may see",
)
def referral_list(request: HttpRequest, query: Query[ReferralQuery]) -> dict[str, Any]:
    """Open referrals first, the most overdue first among them."""
    user = require(request, Referral)
    if query.direction not in ("in", "out", "all"):
        raise InputError.on("direction", _("Choose in, out or all."), "invalid_choice")
    count, rows = page_of(selectors.inbox(user, query.direction), query)
    audit.record(
        actor=user, action="api_list", object_type="referrals.referral", request=request,
        details={"ids": [r.pk for r in rows]},
    )  # fmt: skip
    return page_body(count, query, [referral_row(user, r) for r in rows])


@router.get(
    "/{int:referral_id}",
    response={200: ReferralDetailOut, **ERRORS},
    url_name="referral_detail",
    operation_id="referral_detail",
    summary="A referral, with the services delivered and its history",
)
def referral_detail(request: HttpRequest, referral_id: RecordId) -> dict[str, Any]:
    user = require(request, Referral)
    referral = get_or_404(user, Referral, request=request, pk=referral_id)
    audit.record(actor=user, action="view", obj=referral, request=request)
    return referral_body(user, referral)


@router.post(
    "",
    response={201: ReferralDetailOut, 409: Problem, **ERRORS},
    url_name="referral_send",
    operation_id="referral_send",
    summary="Refer a victim of a case to another agency for a service",
)
def referral_send(request: HttpRequest, payload: ReferralIn) -> Status[dict[str, Any]]:
    """Needs the victim's consent to sharing, or (secretariat only) a reason to refer
    without it; the due date follows the service's time limit."""
    user = require(request, Case, Action.CHANGE)
    case = get_or_404(user, Case, Action.CHANGE, request=request, pk=payload.case_id)
    data = payload.model_dump()
    form = ReferralForm(
        data={
            **data,
            "party": str(payload.party_id),
            "service_type": _slug_to_pk(ServiceType, payload.service),
            "to_agency": _slug_to_pk(Agency, payload.to_agency),
        },
        case=case,
        user=user,
    )
    if not form.is_valid():
        errors = {
            {"service_type": "service", "party": "party_id"}.get(name, name): messages
            for name, messages in form.errors.get_json_data().items()
        }
        raise InputError(errors)
    referral = services.referral_send(actor=user, request=request, **form.cleaned_data)
    return Status(201, referral_body(user, referral))


@router.post(
    "/{int:referral_id}/status",
    response={200: ReferralDetailOut, 409: Problem, **ERRORS},
    url_name="referral_status",
    operation_id="referral_status",
    summary="Answer or move a referral (accept, decline, start, complete, cancel)",
)
def referral_status(
    request: HttpRequest, referral_id: RecordId, payload: ReferralStatusIn
) -> dict[str, Any]:
    """The receiving agency accepts, declines (with a reason), starts and completes; the
    sending agency cancels. A refusal is a 409 with the reason."""
    user = require(request, Referral)
    referral = get_or_404(user, Referral, request=request, pk=referral_id)
    if payload.status not in ReferralStatus.values:
        raise services.ReferralError("wrong_state")
    services.referral_move(user, referral, payload.status, reason=payload.reason, request=request)
    return referral_body(user, referral)


@router.post(
    "/{int:referral_id}/services",
    response={201: ReferralDetailOut, 409: Problem, **ERRORS},
    url_name="service_record_add",
    operation_id="service_record_add",
    summary="Record a service the receiving agency delivered",
)
def service_record_add(
    request: HttpRequest, referral_id: RecordId, payload: ServiceRecordIn
) -> Status[dict[str, Any]]:
    user = require(request, Referral)
    referral = get_or_404(user, Referral, request=request, pk=referral_id)
    form = ServiceRecordForm(data=payload.model_dump())
    if not form.is_valid():
        raise InputError.of_form(form)
    services.service_record_add(actor=user, referral=referral, request=request, **form.cleaned_data)
    return Status(201, referral_body(user, referral))
